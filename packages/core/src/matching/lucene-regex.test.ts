import { describe, expect, it } from 'vitest';
import { compileLuceneRegex, type LuceneRegex } from './lucene-regex.js';

type Row = [pattern: string, value: string, regex: boolean, regexInsensitive: boolean];

function compile(pattern: string, ci: boolean, engine: 'auto' | 'automaton'): Extract<LuceneRegex, { ok: true }> {
  const r = compileLuceneRegex(pattern, ci, { engine });
  if (!r.ok) throw new Error(`${pattern}: ${r.message} at ${r.offset}`);
  return r;
}

/** Every row runs on both engines (re2js where it applies, and our automaton), case-sensitive and not. */
function check(rows: Row[]): void {
  it.each(rows)('%j ~ %j  (regex: %s, regex~: %s)', (pattern, value, cs, ci) => {
    for (const engine of ['auto', 'automaton'] as const) {
      expect(compile(pattern, false, engine).test(value), `${engine} regex`).toBe(cs);
      expect(compile(pattern, true, engine).test(value), `${engine} regex~`).toBe(ci);
    }
  });
}

describe('compileLuceneRegex: standard operators', () => {
  check([
    ['abc', 'abc', true, true],
    ['abc', 'ABC', false, true],
    ['abc', 'abcd', false, false], // anchored to the whole value
    ['abc', 'xabc', false, false],
    ['', '', true, true],
    ['', 'a', false, false],
    ['.', 'a', true, true],
    ['.', '', false, false],
    ['.', '\n', true, true], // dot matches newlines too
    ['.', '😀', true, true], // one code point
    ['..', '😀', false, false],
    ['.', '\ud800', true, true],
    ['a.c', 'a\u2028c', true, true],
    ['ab*', 'a', true, true],
    ['ab*', 'abbb', true, true],
    ['ab+', 'a', false, false],
    ['ab?c', 'ac', true, true],
    ['a{2}', 'aa', true, true],
    ['a{2}', 'aaa', false, false],
    ['a{2,}', 'aaaa', true, true],
    ['a{2,}', 'a', false, false],
    ['a{2,3}', 'aaaa', false, false],
    ['a{3,2}', 'aa', false, false], // Lucene: min > max is the empty language, not an error
    ['a{3,2}', 'aaa', false, false],
    ['a{0}', '', true, true],
    ['a{0,0}b', 'b', true, true],
    ['(ab)+', 'abab', true, true],
    ['(ab)+', 'aba', false, false],
    ['a|b', 'b', true, true],
    ['a|b', 'ab', false, false],
    ['a*?', '', true, true],
    ['a*?', 'aaa', true, true],
    ['a{2}{3}', 'aaaaaa', true, true],
    ['a{2}{3}', 'aaaa', false, false],
    ['a{1001}', 'a'.repeat(1001), true, true], // beyond RE2's repeat limit: the automaton takes over
    ['a{1001}', 'a'.repeat(1000), false, false],
    ['(a|aa)*c', 'aaac', true, true],
    // operators where an expression must start are plain characters
    ['*a', '*a', true, true],
    ['*a', 'a', false, false],
    ['+', '+', true, true],
    ['{1}', '{1}', true, true],
    ['a||b', '|b', true, true],
    ['a||b', 'b', false, false],
    ['(|a)', '|a', true, true],
    ['^abc$', '^abc$', true, true], // no anchors
    ['^abc$', 'abc', false, false],
    [']}>', ']}>', true, true],
  ]);
});

describe('compileLuceneRegex: quoting, escapes, classes', () => {
  check([
    ['"a.b"', 'a.b', true, true],
    ['"a.b"', 'axb', false, false],
    ['"a\\b"', 'a\\b', true, true], // no escapes inside quotes
    ['""', '', true, true],
    ['"*"+', '**', true, true],
    ['"AB"', 'ab', false, true],
    ['\\.', '.', true, true],
    ['\\.', 'a', false, false],
    ['\\\\', '\\', true, true],
    ['C:\\\\Windows\\\\.*', 'C:\\Windows\\System32\\cmd.exe', true, true],
    ['C:\\\\Windows\\\\.*', 'c:\\windows\\temp', false, true],
    ['.*\\\\AppData\\\\Roaming\\\\[^\\\\]+\\.exe', 'C:\\Users\\x\\AppData\\Roaming\\evil.exe', true, true],
    ['.*\\\\AppData\\\\Roaming\\\\[^\\\\]+\\.exe', 'C:\\Users\\x\\AppData\\Roaming\\sub\\evil.exe', false, false],
    ['\\@\\#\\~\\&\\<', '@#~&<', true, true],
    ['\\"', '"', true, true],
    ['\\1\\-\\é', '1-é', true, true],
    ['\\d+', '123', true, true],
    ['\\d+', '12a', false, false],
    ['\\d', '٣', false, false], // ASCII digits only
    ['\\D', 'a', true, true],
    ['\\D', '1', false, false],
    ['\\s', ' ', true, true],
    ['\\s', '\t', true, true],
    ['\\s', '\f', false, false], // Lucene's \s is space, tab, newline and carriage return only
    ['\\s', '\u00a0', false, false],
    ['\\S', '\f', true, true],
    ['\\w+', 'a_Z9', true, true],
    ['\\w', 'é', false, false],
    ['\\W', 'é', true, true],
    ['\\W', '_', false, false],
    ['[\\w-]+', 'a-b', true, true],
    ['[^\\d]', 'x', true, true],
    ['[abc]', 'b', true, true],
    ['[abc]', 'B', false, true], // single characters in a class fold...
    ['[a-c]', 'b', true, true],
    ['[a-c]', 'B', false, false], // ...ranges do not (apache/lucene#14378)
    ['[A-C]', 'b', false, false],
    ['[a-cB]', 'b', true, true],
    ['[^a-c]', 'd', true, true],
    ['[^a-c]', 'b', false, false],
    ['[^a]', 'A', true, false], // negation applies after folding
    ['[^a]', '😀', true, true],
    ['[]a]', ']', true, true],
    ['[\\\\-z]', '-', true, true], // three characters, not a range
    ['[\\\\-z]', 'm', false, false],
    ['[.]', 'x', false, false],
    ['[😀]', '😀', true, true],
    ['[^😀]', '😀', false, false],
    ['@', 'anything at all', true, true],
    ['@', '', true, true],
    ['#', '', false, false],
    ['a#|b', 'b', true, true],
    ['()', '', true, true],
    ['a()b', 'ab', true, true],
  ]);
});

describe('compileLuceneRegex: complement, intersection, intervals', () => {
  check([
    ['~a', '', true, true],
    ['~a', 'a', false, false],
    ['~a', 'A', true, false],
    ['~a', 'aa', true, true],
    ['~(abc)', 'abd', true, true],
    ['~(abc)', 'ABC', true, false],
    ['a~bc', 'ac', true, true],
    ['a~bc', 'abc', false, false],
    ['a~bc', 'addc', true, true],
    ['~~a', 'a', true, true],
    ['~~a', 'b', false, false],
    ['~(.*foo.*)', 'barfoobaz', false, false],
    ['~(.*foo.*)', 'bar', true, true],
    ['~#', 'x', true, true],
    ['~@', '', false, false],
    ['~(a*)', '😀', true, true],
    ['a.*&.*z', 'abcz', true, true],
    ['a.*&.*z', 'abc', false, false],
    ['[a-z]+&~(.*test.*)', 'hello', true, true],
    ['[a-z]+&~(.*test.*)', 'mytest', false, false],
    ['[a-z]+&~(.*test.*)', 'Hello', false, false],
    ['.*a.*&.*b.*&.*c.*', 'cab', true, true],
    ['.*a.*&.*b.*&.*c.*', 'ab', false, false],
    ['(ab)*&(abab)*', 'abab', true, true],
    ['(ab)*&(abab)*', 'ab', false, false],
    ['<1-100>', '1', true, true],
    ['<1-100>', '100', true, true],
    ['<1-100>', '0', false, false],
    ['<1-100>', '101', false, false],
    ['<1-100>', '007', true, true], // bounds of different lengths: leading zeros are free
    ['<1-100>', '0100', true, true],
    ['<1-100>', '', false, false],
    ['<01-10>', '01', true, true], // equal-length bounds fix the width
    ['<01-10>', '1', false, false],
    ['<01-10>', '010', false, false],
    ['<5-5>', '05', false, false],
    ['<0-5>', '0', true, true],
    ['<0-5>', '00', false, false], // one-digit bounds: exactly one digit
    ['<10-1>', '5', true, true],
    ['foo<1-3>', 'foo2', true, true],
    ['foo<1-3>', 'foo4', false, false],
    ['<123-4567>', '999', true, true],
    ['<123-4567>', '0123', true, true],
    ['<123-4567>', '122', false, false],
    ['<123-4567>', '4568', false, false],
    ['<0-2147483647>', '2147483647', true, true],
    ['<0-2147483647>', '2147483648', false, false],
  ]);

  it('agrees with plain arithmetic on every number of an interval', () => {
    for (const [pattern, lo, hi, width] of [
      ['<7-1234>', 7, 1234, 0],
      ['<0-99>', 0, 99, 0],
      ['<050-300>', 50, 300, 3],
      ['<10-19>', 10, 19, 2],
    ] as const) {
      const test = compile(pattern, false, 'auto').test;
      for (let n = 0; n <= 1500; n++) {
        const inRange = n >= lo && n <= hi;
        const plain = String(n);
        const expectPlain = inRange && (width === 0 || plain.length === width);
        expect(test(plain), `${pattern} ${plain}`).toBe(expectPlain);
        const padded = plain.padStart(Math.max(width, 4), '0');
        expect(test(padded), `${pattern} ${padded}`).toBe(inRange && (width === 0 || padded.length === width));
      }
    }
  });
});

describe('compileLuceneRegex: case-insensitive folding', () => {
  check([
    ['k', '\u212a', false, true], // Kelvin sign
    ['σ', 'ς', false, true],
    ['ΟΔΟΣ', 'οδος', false, true],
    ['É.*', 'école', false, true],
    ['[é]', 'É', false, true],
    ['\\w', 'A', true, true],
    ['i', 'İ', false, true],
    ['straße', 'STRAẞE', false, true],
    ['ss', 'ß', false, false], // folding is one character to one character
  ]);
});

describe('compileLuceneRegex: patterns from detection rules', () => {
  check([
    ['.*[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}.*', 'ping 10.0.0.1 -n 5', true, true],
    ['.*[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}.*', 'ping localhost', false, false],
    ['[24][0-9]{3}', '4624', true, true],
    ['[24][0-9]{3}', '3624', false, false],
    ['-[A-NP-Za-np-z][A-Za-z]*[RLDwW][A-Za-z]*', '-ExecutionPolicyW', true, true],
    [
      'arn:aws:s3:::[^/]+/.*?(how|decrypt|restor|help|instruct|read|get|recov|save|encrypt|delet|info|ransom).*',
      'ARN:AWS:S3:::bucket/HOW_TO_DECRYPT.txt',
      false,
      true,
    ],
    ['[0-9]{15}([1-9a-f]).*', '123456789012345fXYZ', true, true],
    ['[0-9]{15}([1-9a-f]).*', '123456789012345FXYZ', false, false], // ranges stay case-sensitive under regex~
    ['(azure|sharp|blood)(hound)/.*', 'SharpHound/1.0', false, true],
  ]);
});

describe('compileLuceneRegex: engines and results', () => {
  it.each([
    ['abc', 're2'],
    ['<1-9>x', 're2'],
    ['a{1001}', 'automaton'],
    ['~a', 'automaton'],
    ['a&b', 'automaton'],
  ])('%j runs on %s', (pattern, engine) => {
    expect(compile(pattern, false, 'auto').engine).toBe(engine);
  });

  it('reports syntax errors with their span', () => {
    expect(compileLuceneRegex('ab(c', false)).toEqual({ ok: false, message: "missing ')' to close the group", offset: 2, end: 3 });
  });

  it('refuses patterns that need too many states instead of hanging', () => {
    const r = compileLuceneRegex('(a{1000}){1000}', false);
    expect(r).toMatchObject({ ok: false, offset: 0, end: 15 });
    if (!r.ok) expect(r.message).toContain('too complex');
  });

  it.each([
    ['C:\\\\Windows\\\\.*\\.exe', false, ['C:\\Windows\\', '.exe']],
    ['C:\\\\Windows\\\\.*\\.exe', true, ['c:\\windows\\', '.exe']],
    ['abc', false, ['abc']],
    ['a(b|c)d', false, ['a', 'd']],
    ['(ab|ab)c', false, ['abc']],
    ['x[.]y', false, ['x.y']],
    ['x[a-a]y', true, ['x', 'y']],
    ['(foo)+bar', false, ['foo', 'bar']],
    ['(foo)*bar', false, ['bar']],
    ['.*&.*evil.*', false, ['evil']],
    ['~(abc)', false, undefined],
    ['.*', false, undefined],
  ])('%j (regex~: %s) must contain %j', (pattern, ci, expected) => {
    expect(compile(pattern, ci, 'auto').requiredLiterals).toEqual(expected);
  });
});

describe('compileLuceneRegex: linear time', () => {
  const as = 'a'.repeat(100_000);
  it.each([
    ['(a*)*b', as, false],
    ['(a|aa)*b', as, false],
    ['(.*a){20}', as, true],
    ['(a*)*', as, true],
    ['.*a.*a.*a.*a.*b', as, false],
    ['~(.*b.*)', as, true],
    ['.*a.*&.*b.*', as, false],
    ['(a*)*b&.*', as, false],
    ['(a+)+&~(.*aab)', as, true],
    ['(a+)+b&~(.*aab)', `${as}b`, false],
    ['<0-99999>+', '1'.repeat(100_000), true],
  ])('%j on 100k characters (answers; a backtracking engine would not finish before the test timeout)', (pattern, value, expected) => {
    for (const engine of ['auto', 'automaton'] as const) {
      const { test } = compile(pattern, false, engine);
      expect(test(value), engine).toBe(expected);
    }
  });
});
