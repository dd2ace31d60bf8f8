import { describe, expect, it } from 'vitest';
import { foldCase } from './case-fold.js';
import { seededRandom, randomString } from '../../testing/random.js';
import { compileWildcard, wildcardLiteralInfo } from './wildcard.js';

type Row = [pattern: string, value: string, caseSensitive: boolean, caseInsensitive: boolean];

const rows: Row[] = [
  // exact, empty pattern, empty value
  ['cmd.exe', 'cmd.exe', true, true],
  ['cmd.exe', 'CMD.EXE', false, true],
  ['cmd.exe', 'cmd.exe ', false, false],
  ['', '', true, true],
  ['', 'a', false, false],
  ['*', '', true, true],
  ['**', '', true, true],
  ['?', '', false, false],
  ['*?*', '', false, false],
  ['*', 'anything at all', true, true],
  // Windows paths: backslash is a literal, never an escape
  ['C:\\Windows\\*', 'C:\\Windows\\System32\\cmd.exe', true, true],
  ['C:\\Windows\\*', 'c:\\windows\\system32', false, true],
  ['C:\\Windows\\*', 'C:/Windows/x', false, false],
  ['?:\\Users\\*\\AppData\\*.exe', 'D:\\Users\\bob\\AppData\\Local\\x.exe', true, true],
  ['?:\\Users\\*\\AppData\\*.exe', 'D:\\Users\\bob\\AppData', false, false],
  ['*\\red_ttp\\winin*.*', 'C:\\tmp\\red_ttp\\wininit.exe', true, true],
  ['a\\*', 'a\\', true, true],
  ['a\\*', 'a*', false, false],
  ['a\\?', 'a\\x', true, true],
  ['a\\?', 'a?', false, false],
  // prefix / suffix / infix fast paths
  ['power*', 'powershell.exe', true, true],
  ['power*', 'POWERSHELL.EXE', false, true],
  ['power*', 'powe', false, false],
  ['*.exe', 'x.exe', true, true],
  ['*.exe', 'X.EXE', false, true],
  ['*.exe', '.ex', false, false],
  ['*shell*', 'PowerShell', false, true],
  ['*shell*', 'shell', true, true],
  // prefix and suffix must not overlap
  ['ab*ba', 'aba', false, false],
  ['ab*ba', 'abba', true, true],
  ['a*a', 'a', false, false],
  ['a*a', 'aa', true, true],
  ['a*b*c', 'abc', true, true],
  ['a*b*c', 'acb', false, false],
  ['a*b*c', 'aXbYbZc', true, true],
  // ? is one character: a code point, so an astral character counts once
  ['?', '😀', true, true],
  ['??', '😀', false, false],
  ['a?b', 'a😀b', true, true],
  ['?x', '😀x', true, true],
  ['x?', 'x😀', true, true],
  ['*?😀', '😀😀', true, true],
  ['*??*', '😀', false, false],
  ['😀*', '😀!', true, true],
  ['?', '\ud800', true, true], // a lone surrogate is one character too
  ['??', '\ud800\ud800', true, true],
  // case folding beyond ASCII
  ['ÉCOLE*', 'école primaire', false, true],
  ['*ΟΔΟΣ', 'η οδος', false, true],
  ['*straße*', 'STRAẞE', false, true],
  ['k', '\u212a', false, true],
  ['?stanbul', 'İSTANBUL', false, true],
  ['привет?', 'ПРИВЕТ!', false, true],
];

describe('compileWildcard', () => {
  it.each(rows)('%j ~ %j  (like: %s, like~: %s)', (pattern, value, cs, ci) => {
    expect(compileWildcard(pattern, false)(value)).toBe(cs);
    expect(compileWildcard(pattern, true)(value)).toBe(ci);
  });

  it('agrees with a backtracking reference on random patterns', () => {
    const rand = seededRandom(42);
    const reference = (pattern: string, value: string): boolean => {
      const body = [...pattern]
        .map((c) => (c === '*' ? '[^]*' : c === '?' ? '[^]' : c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')))
        .join('');
      return new RegExp(`^${body}$`, 'u').test(value);
    };
    for (let i = 0; i < 3000; i++) {
      const pattern = randomString(rand, ['a', 'b', 'B', '*', '?', '😀', '\\'], 7);
      const value = randomString(rand, ['a', 'b', 'A', 'B', '😀', '\\'], 8);
      expect(compileWildcard(pattern, false)(value), `${pattern} / ${value}`).toBe(reference(pattern, value));
      expect(compileWildcard(pattern, true)(value), `${pattern} / ${value} ~`).toBe(
        reference(foldCase(pattern), foldCase(value)),
      );
    }
  });

  it.each([
    ['*a*a*a*a*b', false],
    ['*a*a*a*a*a*a*a*a*a*a*', true],
    ['*?a?a?a?a?b*', false],
    ['a*a*a*a*a*a*a*a*a*ab', false],
    ['*aaaaaaaaaaaaaaaaaaab*', false],
  ])('answers pathological %j against 100k characters (a backtracking matcher would not finish)', (pattern, expected) => {
    // No timed assertion (the machines are noisy): exponential backtracking never returns, so the test timeout
    // catches it; linear matching answers at once.
    const value = 'a'.repeat(100_000);
    for (const ci of [false, true]) {
      const test = compileWildcard(pattern, ci);
      expect(test(value)).toBe(expected);
    }
  });
});

describe('wildcardLiteralInfo', () => {
  it.each([
    ['*\\red_ttp\\winin*.*', false, { exact: false, prefix: '', suffix: '', required: ['\\red_ttp\\winin', '.'] }],
    ['?:\\Windows\\*.exe', false, { exact: false, prefix: '', suffix: '.exe', required: [':\\Windows\\', '.exe'] }],
    ['cmd.exe', false, { exact: true, prefix: 'cmd.exe', suffix: 'cmd.exe', required: ['cmd.exe'] }],
    ['', false, { exact: true, prefix: '', suffix: '', required: [] }],
    ['*', false, { exact: false, prefix: '', suffix: '', required: [] }],
    ['ab*ab', false, { exact: false, prefix: 'ab', suffix: 'ab', required: ['ab'] }],
    ['*\\System32\\*', true, { exact: false, prefix: '', suffix: '', required: ['\\system32\\'] }],
  ])('%j (folded: %s)', (pattern, ci, expected) => {
    expect(wildcardLiteralInfo(pattern, ci)).toEqual(expected);
  });

  it('returns fragments every match contains', () => {
    const rand = seededRandom(7);
    for (let i = 0; i < 2000; i++) {
      const pattern = randomString(rand, ['a', 'b', '*', '?'], 6);
      const value = randomString(rand, ['a', 'b'], 6);
      if (!compileWildcard(pattern, false)(value)) continue;
      const info = wildcardLiteralInfo(pattern);
      for (const fragment of info.required) expect(value).toContain(fragment);
      expect(value.startsWith(info.prefix) && value.endsWith(info.suffix)).toBe(true);
    }
  });
});
