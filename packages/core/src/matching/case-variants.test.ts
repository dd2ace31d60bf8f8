import { describe, expect, it } from 'vitest';
import { foldCodePoint } from './case-fold.js';
import { caseVariants } from './case-variants.js';

describe('caseVariants', () => {
  it.each([
    ['a', 'Aa'],
    ['A', 'Aa'],
    ['k', 'Kk\u212a'],
    ['\u212a', 'Kk\u212a'],
    ['i', 'Ii\u0130'],
    ['σ', 'Σςσ'],
    ['ς', 'Σςσ'],
    ['ß', 'ßẞ'],
    ['ǆ', 'Ǆǅǆ'],
    ['1', '1'],
    ['\\', '\\'],
    ['é', 'Éé'],
    ['𐐀', '𐐀𐐨'],
  ])('%j -> %j', (ch, expected) => {
    expect(caseVariants(ch.codePointAt(0) ?? 0).map((c) => String.fromCodePoint(c)).join('')).toBe(expected);
  });

  it('agrees with a scan of all of Unicode', () => {
    const groups = new Map<number, number[]>();
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const f = foldCodePoint(cp);
      if (f === cp) continue;
      let g = groups.get(f);
      if (!g) groups.set(f, (g = [f]));
      g.push(cp);
    }
    for (const [f, members] of groups) {
      const expected = [...new Set(members)].sort((a, b) => a - b);
      for (const m of expected) expect(caseVariants(m), `U+${m.toString(16)}`).toEqual(expected);
      expect(caseVariants(f)).toEqual(expected);
    }
  });
});
