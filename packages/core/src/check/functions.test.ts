import { describe, expect, it } from 'vitest';
import { checkMock, codesOf } from '../../testing/check-mock.js';

describe('function calls', () => {
  it.each([
    ['startsWith(stringField, "a") and endsWith~(stringField, "b") and stringContains(stringField, otherStringField)', []],
    ['length(stringField) > 1 and indexOf(stringField, "a", 2) == 1 and substring(stringField, 0, -1) == "x"', []],
    ['STARTSWITH(stringField, "a") and startswith~(stringField, "a")', []],
    ['between(stringField, "a", "b", true) == "x" and number(stringField, 16) == 1 and concat(stringField, 1, true) == "x"', []],
    ['cidrMatch(ipField, "10.0.0.0/8", "::1", "192.168.1.1")', []],
    ['add(longField, 1) == 2 and modulo(doubleField, 2) < 1 and string(ipField) == "x"', []],
    ['startsWith(unknownThing(stringField), "a")', ['error eql/unknown-function']],
    ['wildcard(stringField, "a*")', ['error eql/unknown-function']],
    ['length~(stringField) > 1', ['error eql/no-case-insensitive-variant']],
    ['startsWith(stringField)', ['error eql/function-arity']],
    ['length(stringField, "a") > 1', ['error eql/function-arity']],
    ['cidrMatch(ipField)', ['error eql/function-arity']],
    ['startsWith(longField, "1")', ['error eql/argument-type']],
    ['startsWith(ipField, "10.")', ['error eql/argument-type']],
    ['length(booleanField) > 1', ['error eql/argument-type']],
    ['add(stringField, 1) > 1', ['error eql/argument-type']],
    ['substring(stringField, 1.5) == "x"', ['error eql/argument-type']],
    ['substring(stringField, longField) == "x"', []],
    ['cidrMatch(stringField, "10.0.0.0/8")', ['error eql/argument-type']],
    ['cidrMatch(ipField, "10.0.0.0/33")', ['error eql/invalid-cidr']],
    ['cidrMatch(ipField, "not-an-ip")', ['error eql/invalid-cidr']],
    ['cidrMatch(ipField, stringField)', ['error eql/literal-argument']],
    ['between(stringField, "a", "b", booleanField) == ""', ['error eql/literal-argument']],
    ['number(stringField, longField) == 1', ['error eql/literal-argument']],
    ['startsWith(stringField, null)', []],
    ['length(stringField) == "1"', ['error eql/type-mismatch']],
    ['startsWith(stringField, "a") == "yes"', ['error eql/type-mismatch']],
  ] as const)('%s', (condition, expected) => {
    expect(codesOf(checkMock(`any where ${condition}`))).toEqual(expected);
  });

  it('checks calls without a schema too', () => {
    expect(codesOf(checkMock('any where lenght(x) > 1 and startsWith(x) and length~(y) > 1', { schema: undefined }))).toEqual([
      'error eql/unknown-function',
      'error eql/function-arity',
      'error eql/no-case-insensitive-variant',
    ]);
  });

  it('suggests close names on the name span, keeping `~` where the variant exists', () => {
    const q = 'any where startWith~(stringField, "a")';
    const [d] = checkMock(q);
    expect(d.message).toBe('`startWith~` is not an Elasticsearch EQL function; did you mean `startsWith`?');
    expect(q.slice(d.span.start, d.span.end)).toBe('startWith~');
    expect(d.suggestions?.[0].edits).toEqual([{ span: d.span, text: 'startsWith~' }]);
  });

  it('says what to use instead of an Endgame-only function', () => {
    expect(checkMock('any where arrayContains(stringField, "a")')[0].message).toMatch(/compare the field directly/);
  });

  it('offers the case-sensitive call for a missing `~` variant', () => {
    const q = 'any where length~(stringField) > 1';
    const [d] = checkMock(q);
    expect(d.suggestions?.[0].edits).toEqual([{ span: d.span, text: 'length' }]);
    expect(d.message).toContain('`startsWith~`');
  });

  it('names the signature in arity errors', () => {
    expect(checkMock('any where between(stringField, "a") == ""')[0].message).toBe(
      '`between` takes 3 to 4 arguments, found 2: between(source, left, right[, greedy])',
    );
  });

  it('offers string() for an ip where a string is needed', () => {
    const q = 'any where startsWith(ipField, "10.")';
    expect(checkMock(q)[0].suggestions?.[0].edits[0].text).toBe('string(ipField)');
  });
});
