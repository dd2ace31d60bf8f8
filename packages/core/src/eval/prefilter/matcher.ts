/**
 * Turns a {@link Requirement} into a fast test over raw JSON text.
 *
 * Input: a simplified requirement. Output: `(text) => boolean`, true when the text satisfies it. Case-sensitive
 * literals without anchors are `String.prototype.includes`; everything else is a regular expression with explicit
 * character classes for case variants (`[kK\u212A]`: never the `i` flag, whose folding differs from `foldCase`)
 * and the quote/delimiter anchors. An `or` of literals is one alternation.
 *
 * `and` (and `or`) nodes order their children by what they see: for the first {@link WARMUP} texts every child
 * runs and its pass rate is counted; then the children run with short-circuiting, the most rejecting first (for
 * `or`, the most accepting first). Order never changes a result, only its cost.
 */
import { caseVariants } from '../text/case-variants.js';
import type { Requirement, TextLiteral } from './requirement.js';
import { jsonPieces } from './text-literals.js';

export type TextTest = (text: string) => boolean;

/** Texts seen by an `and`/`or` node before it fixes the order of its children. */
export const WARMUP = 1000;

const ALNUM = /^[A-Za-z0-9]$/;
/** After a value's closing quote: optional JSON whitespace, then what may follow a value inside an object or array. */
const VALUE_END = '"[ \\t\\n\\r]*[,\\]}]';

const hex = (n: number) => n.toString(16).toUpperCase();

function escapeCodePoint(cp: number, unicode: boolean): string {
  const ch = String.fromCodePoint(cp);
  if (ALNUM.test(ch)) return ch;
  if (cp <= 0xffff) return `\\u${hex(cp).padStart(4, '0')}`;
  if (unicode) return `\\u{${hex(cp)}}`;
  return [...ch.split('')].map((u) => `\\u${hex(u.charCodeAt(0)).padStart(4, '0')}`).join('');
}

function escapeText(s: string, unicode: boolean): string {
  let out = '';
  for (const ch of s) out += escapeCodePoint(ch.codePointAt(0)!, unicode);
  return out;
}

/** Whether the literal needs a `u`-flag regex (a case variant outside the BMP). */
function needsUnicode(l: TextLiteral): boolean {
  if (!l.caseInsensitive) return false;
  for (const ch of l.text) if (caseVariants(ch.codePointAt(0)!).some((v) => v > 0xffff)) return true;
  return false;
}

/** Regex source for one literal: its JSON spelling, case variants as classes, anchors. */
function literalSource(l: TextLiteral, unicode: boolean): string {
  const pieces = jsonPieces(l.text)!;
  const chars = [...l.text];
  let src = l.start ? '"' : '';
  for (let i = 0; i < chars.length; i++) {
    const cp = chars[i].codePointAt(0)!;
    if (pieces[i] !== chars[i]) src += escapeText(pieces[i], unicode);
    else if (l.caseInsensitive) {
      const variants = caseVariants(cp);
      src += variants.length === 1 ? escapeCodePoint(cp, unicode) : `[${variants.map((v) => escapeCodePoint(v, unicode)).join('')}]`;
    } else src += escapeCodePoint(cp, unicode);
  }
  return l.end ? src + VALUE_END : src;
}

function literalsTest(lits: readonly TextLiteral[]): TextTest {
  if (lits.length === 1 && !lits[0].caseInsensitive && !lits[0].start && !lits[0].end) {
    const needle = jsonPieces(lits[0].text)!.join('');
    return (text) => text.includes(needle);
  }
  const unicode = lits.some(needsUnicode);
  const re = new RegExp(lits.map((l) => literalSource(l, unicode)).join('|'), unicode ? 'u' : '');
  return (text) => re.test(text);
}

/** Static guess before any counting: literals first, longer (rarer) ones first. */
function staticRank(r: Requirement): number {
  return r.kind === 'lit' ? -r.lit.text.length : 1000;
}

function adaptive(children: readonly Requirement[], mode: 'and' | 'or'): TextTest {
  const ranked = [...children].sort((a, b) => staticRank(a) - staticRank(b));
  const tests = ranked.map(compileRequirement);
  const n = tests.length;
  const passes = new Array<number>(n).fill(0);
  let order = tests;
  let seen = 0;
  const isAnd = mode === 'and';
  return (text) => {
    if (seen >= WARMUP) {
      for (let i = 0; i < n; i++) if (order[i](text) !== isAnd) return !isAnd;
      return isAnd;
    }
    seen++;
    let result = isAnd;
    for (let i = 0; i < n; i++) {
      const r = tests[i](text);
      if (r) passes[i]++;
      if (r !== isAnd) result = !isAnd;
    }
    if (seen === WARMUP) {
      const idx = tests.map((_, i) => i).sort((a, b) => (isAnd ? passes[a] - passes[b] : passes[b] - passes[a]) || a - b);
      order = idx.map((i) => tests[i]);
    }
    return result;
  };
}

/** Compiles a requirement; the test is pure apart from its (result-neutral) ordering statistics. */
export function compileRequirement(r: Requirement): TextTest {
  switch (r.kind) {
    case 'true':
      return () => true;
    case 'false':
      return () => false;
    case 'lit':
      return literalsTest([r.lit]);
    case 'or':
      if (r.items.every((i) => i.kind === 'lit')) return literalsTest(r.items.map((i) => (i as Extract<Requirement, { kind: 'lit' }>).lit));
      return adaptive(r.items, 'or');
    case 'and':
      return adaptive(r.items, 'and');
  }
}
