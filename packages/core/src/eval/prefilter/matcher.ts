/**
 * Turns a {@link Requirement} into a fast test over raw JSON text.
 *
 * Input: a simplified requirement and how to treat escapes. Output: `(text) => boolean`, true when the text
 * satisfies it. Literals are regular expressions with explicit character classes for case variants
 * (`[kK\u212A]`: never the `i` flag, whose folding differs from `foldCase`) and the quote/delimiter anchors; an
 * `or` of literals is one alternation. Two spellings:
 * - `any` (the default): every JSON spelling of each character is accepted — raw, its short escape (`\"`, `\\`,
 *   `\n`, `\/`, …) or `\uXXXX` in either hex case (astral characters as a surrogate pair) — so a literal is found
 *   however the encoder wrote it, and no line needs a fallback (measured: cheaper than an escape scan per line);
 * - `canonical`: only the one spelling a line without `\u`/`\/` escapes can have (case-sensitive literals without
 *   anchors are then `String.prototype.includes`); the caller must accept lines with such escapes unseen.
 *
 * `and` (and `or`) nodes order their children by what they see: for the first {@link WARMUP} texts every child
 * runs and its pass rate is counted; then the children run with short-circuiting, the most rejecting first (for
 * `or`, the most accepting first). Order never changes a result, only its cost.
 */
import { caseVariants } from '../../matching/case-variants.js';
import type { Requirement, TextLiteral } from './requirement.js';
import { jsonPieces } from './text-literals.js';

export type TextTest = (text: string) => boolean;

/** Which JSON spellings of a literal's characters a test accepts (see the module comment). */
export type Spelling = 'any' | 'canonical';

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

/** `\uXXXX` as a JSON encoder may write it for one UTF-16 unit: hex letters in either case. */
function unitEscapeSource(unit: number): string {
  const digits = hex(unit).padStart(4, '0');
  return '\\\\u' + [...digits].map((d) => (/[A-F]/.test(d) ? `[${d}${d.toLowerCase()}]` : d)).join('');
}

/** Every JSON spelling of code point `cp` inside a string (raw, short escape, `\u` escapes), as regex alternatives. */
function spellingsOf(cp: number, unicode: boolean): { raw: string[]; escaped: string[] } {
  const ch = String.fromCodePoint(cp);
  const piece = jsonPieces(ch)![0];
  const raw = piece === ch ? [escapeCodePoint(cp, unicode)] : [];
  const escaped = piece === ch ? [] : [escapeText(piece, unicode)];
  if (cp === 0x2f) escaped.push('\\\\/');
  escaped.push(ch.split('').map((u) => unitEscapeSource(u.charCodeAt(0))).join(''));
  return { raw, escaped };
}

/** Regex source for one literal: its JSON spelling(s), case variants as classes, anchors. */
function literalSource(l: TextLiteral, unicode: boolean, spelling: Spelling): string {
  const pieces = jsonPieces(l.text)!;
  const chars = [...l.text];
  let src = l.start ? '"' : '';
  for (let i = 0; i < chars.length; i++) {
    const cp = chars[i].codePointAt(0)!;
    const variants = l.caseInsensitive ? caseVariants(cp) : [cp];
    if (spelling === 'any') {
      const raw: string[] = [];
      const escaped: string[] = [];
      for (const v of variants) {
        const s = spellingsOf(v, unicode);
        raw.push(...s.raw);
        escaped.push(...s.escaped);
      }
      const rawClass = raw.length === 0 ? [] : raw.length === 1 ? raw : [`[${raw.join('')}]`];
      src += `(?:${[...rawClass, ...escaped].join('|')})`;
    } else if (pieces[i] !== chars[i]) src += escapeText(pieces[i], unicode);
    else src += variants.length === 1 ? escapeCodePoint(cp, unicode) : `[${variants.map((v) => escapeCodePoint(v, unicode)).join('')}]`;
  }
  return l.end ? src + VALUE_END : src;
}

/** One regex source matching any of `lits` (and whether it needs the `u` flag). */
export function literalsSource(lits: readonly TextLiteral[], spelling: Spelling): { source: string; unicode: boolean } {
  const unicode = lits.some(needsUnicode);
  return { source: lits.map((l) => literalSource(l, unicode, spelling)).join('|'), unicode };
}

function literalsTest(lits: readonly TextLiteral[], spelling: Spelling): TextTest {
  if (spelling === 'canonical' && lits.length === 1 && !lits[0].caseInsensitive && !lits[0].start && !lits[0].end) {
    const needle = jsonPieces(lits[0].text)!.join('');
    return (text) => text.includes(needle);
  }
  const { source, unicode } = literalsSource(lits, spelling);
  const re = new RegExp(source, unicode ? 'u' : '');
  return (text) => re.test(text);
}

/** Static guess before any counting: literals first, longer (rarer) ones first. */
function staticRank(r: Requirement): number {
  return r.kind === 'lit' ? -r.lit.text.length : 1000;
}

function adaptive(children: readonly Requirement[], mode: 'and' | 'or', spelling: Spelling): TextTest {
  const ranked = [...children].sort((a, b) => staticRank(a) - staticRank(b));
  const tests = ranked.map((c) => compileRequirement(c, spelling));
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
export function compileRequirement(r: Requirement, spelling: Spelling = 'any'): TextTest {
  switch (r.kind) {
    case 'true':
      return () => true;
    case 'false':
      return () => false;
    case 'lit':
      return literalsTest([r.lit], spelling);
    case 'or':
      if (r.items.every((i) => i.kind === 'lit')) return literalsTest(r.items.map((i) => (i as Extract<Requirement, { kind: 'lit' }>).lit), spelling);
      return adaptive(r.items, 'or', spelling);
    case 'and':
      return adaptive(r.items, 'and', spelling);
  }
}
