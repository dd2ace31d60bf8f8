import { foldCodePoint } from './case-fold.js';

/**
 * Code points that fold to the same code point as a given one: what a literal character matches under `regex~`.
 *
 * Most variant sets are just {folded, upper-case of folded}. The exceptions are the characters whose folding is
 * not the inverse of upper-casing: title-case digraphs, symbols such as the Kelvin sign, the Greek letters with
 * iota subscript, and our own `İ`/`ς` rules. They are listed here by folded target; `case-variants.test.ts`
 * re-derives the table from a scan of all of Unicode, so a Unicode update that adds one fails the test.
 */
const EXTRA_VARIANTS = new Map<number, readonly number[]>([
  [0x69, [0x130]], // i ← İ
  [0x6b, [0x212a]], // k ← KELVIN SIGN
  [0xdf, [0x1e9e]], // ß ← ẞ
  [0xe5, [0x212b]], // å ← ANGSTROM SIGN
  [0x1c6, [0x1c5]], // ǆ ← ǅ
  [0x1c9, [0x1c8]], // ǉ ← ǈ
  [0x1cc, [0x1cb]], // ǌ ← ǋ
  [0x1f3, [0x1f2]], // ǳ ← ǲ
  [0x3b8, [0x3f4]], // θ ← ϴ
  [0x3c3, [0x3c2]], // σ ← ς
  [0x3c9, [0x2126]], // ω ← OHM SIGN
  [0x1fb3, [0x1fbc]],
  [0x1fc3, [0x1fcc]],
  [0x1ff3, [0x1ffc]],
]);

// ᾀ..ᾇ, ᾐ..ᾗ, ᾠ..ᾧ: the title-case forms sit 8 code points higher; upper-casing gives two code points instead.
for (const base of [0x1f80, 0x1f90, 0x1fa0]) {
  for (let i = 0; i < 8; i++) EXTRA_VARIANTS.set(base + i, [base + 8 + i]);
}

function singleUpper(cp: number): number | undefined {
  const upper = String.fromCodePoint(cp).toUpperCase();
  const first = upper.codePointAt(0);
  return first !== undefined && String.fromCodePoint(first) === upper ? first : undefined;
}

/** All code points `x` with `foldCodePoint(x) === foldCodePoint(cp)`, ascending; always includes `cp`. */
export function caseVariants(cp: number): number[] {
  const folded = foldCodePoint(cp);
  const candidates = [cp, folded, ...(EXTRA_VARIANTS.get(folded) ?? [])];
  const upper = singleUpper(folded);
  if (upper !== undefined) candidates.push(upper);
  const out = [...new Set(candidates)].filter((c) => foldCodePoint(c) === folded);
  return out.sort((a, b) => a - b);
}
