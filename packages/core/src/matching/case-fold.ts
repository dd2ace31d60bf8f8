/**
 * The case folding behind every case-insensitive EQL operator (`:`, `like~`, `regex~`, `in~`, the `~` functions).
 *
 * Elasticsearch lower-cases both sides with Java's `toLowerCase(Locale.ROOT)` in scripts. JavaScript's
 * `toLowerCase()` implements the same Unicode mappings, but both apply two rules that make lower-casing depend on
 * context or change the length, and we deliberately drop them so that folding is one code point to one code point
 * and the same whether a string is folded whole or in pieces (wildcard fragments, regex literals):
 *
 * - U+0130 `İ` lower-cases to `i` + U+0307 (two code points) in Java and JS; we fold it to plain `i`, as Java's
 *   per-character `Character.toLowerCase` does, so `?` still counts one character.
 * - Final sigma: `Σ` becomes `ς` at the end of a word and `σ` elsewhere. We fold `Σ`, `σ` and `ς` all to `σ`, so
 *   `"ΟΔΟΣ" : "οδος"` matches however the pattern was split (Lucene's Unicode case folding agrees).
 *
 * Every other code point folds exactly as `String.prototype.toLowerCase` maps it alone. No mapping crosses the BMP
 * boundary, so folding keeps the UTF-16 length and every offset.
 */

const CONTEXTUAL = /[\u0130\u03a3\u03c2]/;
const CONTEXTUAL_ALL = /[\u0130\u03a3\u03c2]/g;

function fixContextual(ch: string): string {
  return ch === '\u0130' ? 'i' : '\u03c3';
}

/** Folds `s` for case-insensitive comparison. Length-preserving, context-free; never throws. */
export function foldCase(s: string): string {
  // The rare characters are replaced before lower-casing, so no final-sigma context is left for it to see.
  return CONTEXTUAL.test(s) ? s.replace(CONTEXTUAL_ALL, fixContextual).toLowerCase() : s.toLowerCase();
}

/** Folds a single code point (see {@link foldCase}). */
export function foldCodePoint(cp: number): number {
  if (cp < 0x41) return cp;
  if (cp <= 0x5a) return cp + 0x20;
  if (cp < 0x80) return cp;
  return foldCase(String.fromCodePoint(cp)).codePointAt(0) ?? cp;
}
