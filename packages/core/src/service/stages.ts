/**
 * The parts of a query that match events on their own, in order: the filter of an event query, each sequence
 * stage or sample filter, then the `until` stage (the order of the dry run's per-stage counts). On text the
 * grammar rejects, the top-level `[…]` groups stand in for the stages.
 */
import type { Span } from '../ast/nodes.js';
import type { StageInfo } from './api.js';
import { bracketPairs, tokensOf, type LexToken } from './lexer.js';
import type { QueryFacts } from './query-facts.js';

/** The stages of the query (query offsets). Never throws. */
export function stages(facts: Pick<QueryFacts, 'text' | 'ast'>): StageInfo[] {
  try {
    const q = facts.ast?.query;
    if (q) {
      if (q.kind === 'event') return [{ index: 0, span: q.span }];
      const all = [...q.stages, ...(q.kind === 'sequence' && q.until ? [q.until] : [])];
      return all.map((s, index) => ({ index, span: s.span }));
    }
    return lexicalStages(facts.text, tokensOf(facts)).map((span, index) => ({ index, span }));
  } catch {
    return [];
  }
}

/** The top-level bracket groups (an unclosed one runs to the end of the text); none for an event query. */
export function lexicalStages(text: string, tokens: readonly LexToken[]): Span[] {
  return bracketPairs(tokens)
    .filter((p) => p.depth === 0 && p.open.text !== '(')
    .map((p) => ({ start: p.open.span.start, end: p.close?.span.end ?? text.trimEnd().length }));
}
