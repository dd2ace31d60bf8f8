import { describe, expect, it } from 'vitest';
import { decodeDoubleQuoted, encodeDoubleQuoted } from './strings.js';

describe('string literals', () => {
  it.each([
    ['plain', 'plain'],
    ['a\\nb\\rc\\td', 'a\nb\rc\td'],
    ['q\\"q\\\\b', 'q"q\\b'],
    ["it\\'s", "it's"],
    ['\\u{41}\\u{1F600}\\u{00000041}', 'A😀A'],
  ])('decodes %s', (body, value) => {
    expect(decodeDoubleQuoted(body)).toEqual({ value, problems: [] });
  });
  it('reports bad escapes with their offsets and keeps them verbatim', () => {
    expect(decodeDoubleQuoted('C:\\Windows')).toEqual({ value: 'C:\\Windows', problems: [{ code: 'invalid-escape', start: 2, end: 4, escape: '\\W' }] });
    expect(decodeDoubleQuoted('\\u{1}').problems[0]).toMatchObject({ code: 'invalid-unicode-escape', start: 0, end: 5 });
    expect(decodeDoubleQuoted('\\u{D800}').problems[0]).toMatchObject({ code: 'invalid-unicode-escape' });
    expect(decodeDoubleQuoted('\\u{41').problems[0]).toMatchObject({ code: 'invalid-unicode-escape' });
  });
  it('encodes any value so that it decodes back', () => {
    for (const v of ['', 'a"b', 'back\\slash', 'line\nbreak', 'ctl\u0001\u007f', '😀', '\\u{41}']) {
      const lit = encodeDoubleQuoted(v);
      expect(decodeDoubleQuoted(lit.slice(1, -1)).value).toBe(v);
    }
  });
});
