import { describe, expect, it } from 'vitest';
import { foldCase, foldCodePoint } from './case-fold.js';

describe('foldCase', () => {
  it.each([
    ['', ''],
    ['CMD.EXE', 'cmd.exe'],
    ['C:\\Windows\\System32', 'c:\\windows\\system32'],
    ['already lower 123 *?', 'already lower 123 *?'],
    ['ÉCOLE', 'école'],
    ['STRASSE ẞ', 'strasse ß'],
    ['ΟΔΟΣ', 'οδοσ'], // no final sigma: Σ and ς both fold to σ
    ['οδος', 'οδοσ'],
    ['ΣΟΦΟΣ ΣΑΣ', 'σοφοσ σασ'],
    ['İSTANBUL', 'istanbul'], // one code point, not i + U+0307
    ['I', 'i'], // Locale.ROOT: no Turkish dotless i
    ['ǅ', 'ǆ'],
    ['\u212a', 'k'], // Kelvin sign
    ['ПРИВЕТ', 'привет'],
    ['𐐀𐐁', '𐐨𐐩'], // Deseret: astral letters fold to astral letters
    ['😀', '😀'],
    ['\ud800x', '\ud800x'], // lone surrogate kept
  ])('%j -> %j', (input, expected) => {
    expect(foldCase(input)).toBe(expected);
  });

  it('keeps the UTF-16 length and folds piecewise the same as whole', () => {
    const samples = ['ΟΔΟΣΑ', 'İİ', 'MiXeD ÇASE Σς', 'Ǆǅǆ', '𐐀a\u0130'];
    for (const s of samples) {
      expect(foldCase(s).length).toBe(s.length);
      for (let cut = 0; cut <= s.length; cut++) {
        if (cut > 0 && s.charCodeAt(cut - 1) >= 0xd800 && s.charCodeAt(cut - 1) < 0xdc00) continue; // inside a pair
        expect(foldCase(s.slice(0, cut)) + foldCase(s.slice(cut))).toBe(foldCase(s));
      }
    }
  });

  it('maps every code point to exactly one code point in the same plane', () => {
    const bad: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const folded = foldCase(String.fromCodePoint(cp));
      const f = folded.codePointAt(0) ?? -1;
      const ok = String.fromCodePoint(f) === folded && f > 0xffff === cp > 0xffff && foldCodePoint(cp) === f;
      if (!ok) bad.push(cp.toString(16));
    }
    expect(bad).toEqual([]);
  });
});
