import { describe, expect, it } from 'vitest';
import { checkMock, codesOf } from '../../testing/check-mock.js';

describe('wildcard in an exact comparison', () => {
  it.each([
    ['stringField == "*.exe"', ['warning eql/wildcard-in-equality']],
    ['stringField != "C:\\\\*"', ['warning eql/wildcard-in-equality']],
    ['stringField in ("a", "b*")', ['warning eql/wildcard-in-equality']],
    ['stringField not in~ ("b*")', ['warning eql/wildcard-in-equality']],
    ['stringField : "*.exe" and stringField like "a*"', []],
    ['stringField == "a?b"', []],
    ['"*" == "*"', []],
  ] as const)('%s', (condition, expected) => {
    expect(codesOf(checkMock(`any where ${condition}`))).toEqual(expected);
  });

  it.each([
    ['stringField == "*.exe"', ['stringField : "*.exe"', 'stringField like "*.exe"']],
    ['stringField != "*.exe"', ['not stringField : "*.exe"', 'not stringField like "*.exe"']],
    ['stringField in ("a", "b*")', ['stringField like ("a", "b*")']],
    ['stringField not in~ ("b*")', ['not stringField : "b*"']],
  ])('%s → %j', (condition, fixes) => {
    const q = `any where ${condition}`;
    const [d] = checkMock(q);
    const applied = (d.suggestions ?? []).map((s) => {
      const e = s.edits[0];
      return q.slice(0, e.span.start) + e.text + q.slice(e.span.end);
    });
    expect(applied).toEqual(fixes.map((f) => `any where ${f}`));
  });
});

describe('conditions that can never be true', () => {
  it.each([
    ['stringField == "a" and stringField == "b"', ['warning eql/never-true']],
    ['stringField == "a" and stringField == "a"', []],
    ['stringField == "a" or stringField == "b"', []],
    ['stringField in ("a", "b") and stringField == "c"', ['warning eql/never-true']],
    ['stringField in ("a", "b") and stringField == "b"', []],
    ['stringField : "A" and stringField == "a"', []],
    ['stringField : "A" and stringField == "b"', ['warning eql/never-true']],
    ['stringField : "a*" and stringField == "b"', []],
    ['stringField == null and stringField == "a"', ['warning eql/never-true']],
    ['stringField == null and stringField != null', ['warning eql/never-true']],
    ['stringField != null and stringField == "a"', []],
    ['longField > 5 and longField < 3', ['warning eql/never-true']],
    ['longField >= 5 and longField <= 5', []],
    ['longField > 5 and longField <= 5', ['warning eql/never-true']],
    ['longField > 5 and longField == 3', ['warning eql/never-true']],
    ['longField in (1, 10) and longField > 5', []],
    ['arrayField == "a" and arrayField == "b"', []],
    ['ipField == "10.0.0.1" and ipField == "10.0.0.0/8"', []],
    ['(stringField == "a" and longField == 1) and stringField == "b"', ['warning eql/never-true']],
    ['not (stringField == "a" and stringField == "b")', ['warning eql/never-true']],
  ] as const)('%s', (condition, expected) => {
    expect(codesOf(checkMock(`any where ${condition}`))).toEqual(expected);
  });

  it('points at the second condition and names the first', () => {
    const q = 'any where stringField == "a" and longField == 1 and stringField == "b"';
    const [d] = checkMock(q);
    expect(q.slice(d.span.start, d.span.end)).toBe('stringField == "b"');
    expect(d.message).toBe('`stringField == "b"` can never be true together with `stringField == "a"` (unless the field holds several values)');
  });

  it('also works without a schema', () => {
    expect(codesOf(checkMock('any where x == "a" and x == "b"', { schema: undefined }))).toEqual(['warning eql/never-true']);
  });
});
