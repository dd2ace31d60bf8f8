import type { RegexNode, Span } from './regex-ast.js';

/**
 * Expands Lucene's numeric interval `<min-max>` into plain regex nodes, so both matching engines handle it.
 * With `digits > 0` a number is written with exactly that many digits (`<01-10>`: `01`..`10`); otherwise it may
 * carry any number of leading zeros (`<1-10>`: `7`, `07`, `0010`), as Lucene's `makeDecimalInterval` accepts.
 * The expansion has O(d²) nodes for d-digit bounds.
 */
export function expandInterval(min: number, max: number, digits: number, span: Span): RegexNode {
  const { start, end } = span;
  const lit = (text: string): RegexNode => ({ kind: 'literal', text, start, end });
  const digitRange = (from: string, to: string): RegexNode =>
    from === to
      ? lit(from)
      : { kind: 'class', negated: false, items: [{ kind: 'range', from: cp(from), to: cp(to) }], start, end };
  const concat = (parts: RegexNode[]): RegexNode =>
    parts.length === 1 ? parts[0] : { kind: 'concat', parts, start, end };
  const union = (alternatives: RegexNode[]): RegexNode =>
    alternatives.length === 1 ? alternatives[0] : { kind: 'union', alternatives, start, end };
  const anyDigits = (n: number): RegexNode[] =>
    n === 0 ? [] : [{ kind: 'repeat', operand: digitRange('0', '9'), min: n, max: n, start, end }];

  // Strings of equal length `lo..hi`, digit by digit.
  const fixed = (lo: string, hi: string): RegexNode => {
    if (lo === hi) return lit(lo);
    if (lo[0] === hi[0]) return concat([lit(lo[0]), fixed(lo.slice(1), hi.slice(1))]);
    const rest = lo.length - 1;
    const loRest = lo.slice(1);
    const hiRest = hi.slice(1);
    const loFull = /^0*$/.test(loRest);
    const hiFull = /^9*$/.test(hiRest);
    const alternatives: RegexNode[] = [];
    if (!loFull) alternatives.push(concat([lit(lo[0]), fixed(loRest, '9'.repeat(rest))]));
    const midLo = loFull ? lo[0] : String(Number(lo[0]) + 1);
    const midHi = hiFull ? hi[0] : String(Number(hi[0]) - 1);
    if (midLo <= midHi) alternatives.push(concat([digitRange(midLo, midHi), ...anyDigits(rest)]));
    if (!hiFull) alternatives.push(concat([lit(hi[0]), fixed('0'.repeat(rest), hiRest)]));
    return union(alternatives);
  };

  if (digits > 0) return fixed(pad(min, digits), pad(max, digits));
  const byLength: RegexNode[] = [];
  for (let len = String(min).length; len <= String(max).length; len++) {
    const lo = Math.max(min, len === 1 ? 0 : 10 ** (len - 1));
    const hi = Math.min(max, 10 ** len - 1);
    byLength.push(fixed(String(lo), String(hi)));
  }
  const zeros: RegexNode = { kind: 'repeat', operand: lit('0'), min: 0, max: null, start, end };
  return concat([zeros, union(byLength)]);
}

function pad(n: number, digits: number): string {
  return String(n).padStart(digits, '0');
}

function cp(ch: string): number {
  return ch.charCodeAt(0);
}
