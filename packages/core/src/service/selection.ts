/**
 * Selection ranges ("expand selection"): for each offset, the spans around it from the innermost outwards — the
 * token (a string's contents before the whole string), the AST nodes that contain it, the bracketed groups
 * (parentheses leave no AST node), and the whole query.
 */
import type { Span } from '../ast/nodes.js';
import { nodeAt } from '../ast/walk.js';
import { bracketPairs, tokenAt, tokensOf, type LexToken } from './lexer.js';
import type { QueryFacts } from './query-facts.js';

/** For each offset, its enclosing spans, innermost first, each containing the one before. Never throws. */
export function selectionRanges(facts: Pick<QueryFacts, 'text' | 'ast'>, offsets: readonly number[]): Span[][] {
  let tokens: readonly LexToken[] = [];
  let groups: Span[] = [];
  try {
    tokens = tokensOf(facts);
    groups = bracketPairs(tokens).map((p) => ({ start: p.open.span.start, end: p.close?.span.end ?? facts.text.length }));
  } catch {
    // answer with what is known
  }
  return offsets.map((offset) => {
    try {
      return chain(facts, tokens, groups, offset);
    } catch {
      return [];
    }
  });
}

function chain(facts: Pick<QueryFacts, 'text' | 'ast'>, tokens: readonly LexToken[], groups: readonly Span[], offset: number): Span[] {
  const text = facts.text;
  const candidates: Span[] = [];
  const token = tokenAt(tokens, offset);
  if (token) {
    if (token.kind === 'string') candidates.push(stringContents(token));
    candidates.push(token.span);
  }
  if (facts.ast) for (const n of nodeAt(facts.ast, offset)) candidates.push(n.span);
  for (const g of groups) if (g.start <= offset && offset <= g.end) candidates.push(g);
  const lead = text.length - text.trimStart().length;
  candidates.push({ start: lead, end: Math.max(lead, text.trimEnd().length) }, { start: 0, end: text.length });
  const inside = candidates.filter((s) => s.start <= offset && offset <= s.end).sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start);
  const out: Span[] = [];
  for (const s of inside) {
    const last = out[out.length - 1];
    if (!last || (s.start <= last.start && s.end >= last.end && (s.start !== last.start || s.end !== last.end))) out.push(s);
  }
  return out;
}

/** A string token without its quotes (`"…"`, `"""…"""`, `?"…"`, `'…'`; an unclosed one has no closing quote). */
function stringContents(t: LexToken): Span {
  const open = t.text.startsWith('"""') ? 3 : t.text.startsWith('?') ? 2 : 1;
  const close = !t.closed ? 0 : open === 3 ? 3 : 1;
  const start = Math.min(t.span.start + open, t.span.end);
  return { start, end: Math.max(start, t.span.end - close) };
}
