import { describe, expect, it } from 'vitest';
import { checkMock, codesOf } from '../../testing/check-mock.js';

describe('literals against field types', () => {
  it.each([
    ['stringField == "a"', []],
    ['stringField == 1', ['warning eql/type-mismatch']],
    ['stringField == true', ['warning eql/type-mismatch']],
    ['wildcardField != "a" and constantField == "b" and versionField == "1.0"', []],
    ['longField == 1 or longField == 1.5 or doubleField < 3 or longField == -1', []],
    ['longField == "x"', ['error eql/type-mismatch']],
    ['longField == "445"', ['warning eql/type-mismatch']],
    ['longField == false', ['error eql/type-mismatch']],
    ['booleanField == true and booleanField != false', []],
    ['booleanField == "true"', ['warning eql/type-mismatch']],
    ['booleanField == "True"', ['error eql/type-mismatch']],
    ['booleanField == 1', ['error eql/type-mismatch']],
    ['ipField == "10.0.0.1" and ipField != "::1" and ipField == "10.0.0.0/8"', []],
    ['ipField == "10.0.0.*"', ['error eql/type-mismatch', 'warning eql/wildcard-in-equality']],
    ['ipField == 10', ['error eql/type-mismatch']],
    ['ipField > "10.0.0.0/8"', ['error eql/type-mismatch']],
    ['dateField > "2024-01-01" and dateField < 1700000000000', []],
    ['dateField == true', ['error eql/type-mismatch']],
    ['stringField == null and longField != null and booleanField == null', []],
    ['"a" == stringField', []],
    ['1 == stringField', ['warning eql/type-mismatch']],
    ['stringField in ("a", "b")', []],
    ['longField in (1, "b")', ['error eql/type-mismatch']],
    ['booleanField not in (true, "false")', ['warning eql/type-mismatch']],
    ['length(stringField) == "a"', ['error eql/type-mismatch']],
    ['length(stringField) == "1"', ['error eql/type-mismatch']],
    ['length(stringField) > 1', []],
  ] as const)('%s', (condition, expected) => {
    expect(codesOf(checkMock(`any where ${condition}`))).toEqual(expected);
  });

  it.each([
    ['booleanField == "true"', '"true"', 'true'],
    ['booleanField == "False"', '"False"', 'false'],
    ['longField == "445"', '"445"', '445'],
    ['stringField == 1', '1', '"1"'],
    ['stringField == true', 'true', '"true"'],
  ])('%s suggests replacing %s with %s', (condition, from, to) => {
    const q = `any where ${condition}`;
    const [d] = checkMock(q);
    expect(q.slice(d.span.start, d.span.end)).toBe(from);
    expect(d.suggestions?.[0].edits).toEqual([{ span: d.span, text: to }]);
  });

  it('says when Elasticsearch converts the value (a warning) and when the search would fail (an error)', () => {
    expect(checkMock('any where booleanField == "true"')[0].message).toBe(
      '`booleanField` is a boolean, but this is a string (`"true"`); Elasticsearch converts it, so the query runs, but the value is likely a mistake',
    );
    expect(checkMock('any where longField == "x"')[0].message).toBe('`longField` is an integer, but this is a string (`"x"`)');
  });

  it('explains a wildcard on an ip field with cidrMatch', () => {
    const [d] = checkMock('any where ipField == "10.1.*"');
    expect(d.message).toContain('not an IP address');
    expect(d.suggestions?.[0].message).toBe('match the block with `cidrMatch(ipField, "10.1.0.0/16")`');
  });

  it('reports two typed sides that can never be equal', () => {
    expect(codesOf(checkMock('any where length(stringField) == string(longField)'))).toEqual(['error eql/type-mismatch', 'warning eql/field-comparison']);
  });
});

describe('operators on the wrong type', () => {
  it.each([
    ['stringField : "a*" and wildcardField like "b*" and stringField regex~ "c.*" and versionField : "1.*"', []],
    ['longField : "1*"', ['error eql/operator-type']],
    ['booleanField like "t*"', ['error eql/operator-type']],
    ['ipField regex "10\\\\..*"', ['error eql/operator-type']],
    ['dateField : "2024*"', ['error eql/operator-type']],
    ['stringField : 1', ['error eql/type-mismatch']],
    ['stringField in~ ("a") and longField in (1, 2)', []],
    ['longField in~ (1)', ['error eql/operator-type']],
    ['booleanField < true', ['error eql/operator-type']],
    ['stringField < "b" and ipField >= "10.0.0.1" and dateField <= 5', []],
    ['longField + 1 > 2 and -longField < 0 and (longField * 2.5) / 3 == 1', []],
    ['stringField + 1 > 2', ['error eql/operator-type']],
    ['-booleanField == 1', ['error eql/operator-type']],
    ['stringField', ['error eql/condition-type']],
    ['not longField', ['error eql/condition-type']],
    ['booleanField and true', []],
    ['startsWith(stringField, "a") or 1 + 1', ['error eql/condition-type']],
  ] as const)('%s', (condition, expected) => {
    expect(codesOf(checkMock(`any where ${condition}`))).toEqual(expected);
  });

  it('offers `==` for `:` on a number or boolean with matching literals', () => {
    const q = 'any where booleanField : true';
    const [d] = checkMock(q);
    expect(d.code).toBe('eql/operator-type');
    expect(q.slice(d.span.start, d.span.end)).toBe(':');
    expect(d.suggestions?.[0].edits).toEqual([{ span: d.span, text: '==' }]);
    expect(checkMock('any where longField : (1, 2)')[0].suggestions?.[0].edits[0].text).toBe('in');
  });
});

describe('regex literals', () => {
  it.each([
    ['stringField regex "a.*b"', []],
    ['stringField regex~ ("[a-z]+", "x{2,3}")', []],
    ['stringField regex "a(b"', ['error eql/invalid-regex']],
    ['stringField regex """[z-a]"""', ['error eql/invalid-regex']],
    ['stringField : "a(b"', []],
  ] as const)('%s', (condition, expected) => {
    expect(codesOf(checkMock(`any where ${condition}`))).toEqual(expected);
  });

  it('points inside the string, past escapes', () => {
    const q = 'any where stringField regex "\\\\d)x"';
    const [d] = checkMock(q);
    expect(d.code).toBe('eql/invalid-regex');
    expect(q.slice(d.span.start, d.span.end)).toBe(')');
    const raw = 'any where stringField regex """ab)c"""';
    const [r] = checkMock(raw);
    expect(raw.slice(r.span.start, r.span.end)).toBe(')');
  });
});
