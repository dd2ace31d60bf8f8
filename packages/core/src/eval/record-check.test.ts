import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH, recordTextProblem } from './record-check.js';

const nest = (n: number, open = '{"a":', close = '}') => open.repeat(n) + '1' + close.repeat(n);

describe('recordTextProblem', () => {
  it('accepts ordinary records, keys repeated in different objects, and braces and quotes inside strings', () => {
    expect(recordTextProblem('{"a":1,"b":{"a":2,"c":[{"a":3},{"a":4}]},"s":"x\\",\\"a\\":{\\"a\\":1}","t":"{[,"}')).toBeUndefined();
    expect(recordTextProblem(nest(MAX_NESTING_DEPTH - 1))).toBeUndefined();
  });
  it('finds a key twice in one object, with its path, also when escapes spell it differently', () => {
    expect(recordTextProblem('{"a":1,"a":2}')).toMatchObject({ kind: 'duplicate-key', message: expect.stringContaining('"a"') });
    expect(recordTextProblem('{"p":{"q":[{"x":1,"\\u0078":2}]}}')?.message).toContain('"p.q.x"');
    const many = `{${Array.from({ length: 40 }, (_, i) => `"k${i}":${i}`).join(',')},"k7":0}`;
    expect(recordTextProblem(many)?.message).toContain('"k7"');
  });
  it('refuses nesting deeper than the limit, arrays included, without recursion', () => {
    expect(recordTextProblem(nest(MAX_NESTING_DEPTH + 1))?.kind).toBe('too-deep');
    expect(recordTextProblem(`{"a":${nest(100_000, '[', ']')}}`)?.kind).toBe('too-deep');
  });
});
