/**
 * The outline of one query: the query (named by its head, e.g. `sequence by host.id with maxspan=1m`), its
 * sequence stages or sample filters, and its pipes. The document layer puts it under the rule's symbol. On text
 * the grammar rejects, the top-level `[…]` groups stand in for the stages, so the outline does not vanish while
 * the author types.
 */
import type { Pipe, Span, Stage, Statement } from '../ast/nodes.js';
import type { DocumentSymbol } from './api.js';
import { tokensOf, type LexToken } from './lexer.js';
import type { QueryFacts } from './query-facts.js';
import { lexicalStages } from './stages.js';

const MAX_NAME = 60;

/** The query's symbols (query offsets): one `query` symbol with its stages and pipes. Never throws. */
export function symbols(facts: Pick<QueryFacts, 'text' | 'ast'>): DocumentSymbol[] {
  try {
    if (facts.ast) return [querySymbol(facts.text, facts.ast)];
    return lexicalSymbols(facts.text, tokensOf(facts));
  } catch {
    return [];
  }
}

function querySymbol(text: string, ast: Statement): DocumentSymbol {
  const q = ast.query;
  const children: DocumentSymbol[] = [];
  let head: Span = q.span;
  if (q.kind !== 'event') {
    const all = [...q.stages, ...(q.kind === 'sequence' && q.until ? [q.until] : [])];
    head = { start: q.span.start, end: all[0]?.span.start ?? q.span.end };
    all.forEach((s, i) => children.push(stageSymbol(text, s, i === q.stages.length ? 'until ' : '')));
  }
  for (const p of ast.pipes) children.push(pipeSymbol(text, p));
  const keyword = q.kind === 'event' ? q.category.span : { start: q.span.start, end: q.span.start + q.kind.length };
  return { name: summary(text, head), kind: 'query', span: ast.span, selectionSpan: keyword, children };
}

function stageSymbol(text: string, s: Stage, prefix: string): DocumentSymbol {
  const runs = s.runs ? ` (runs=${s.runs.count})` : '';
  const name = `${prefix}${s.missing ? 'missing: ' : ''}${summary(text, s.query.span)}${runs}`;
  return { name, kind: 'stage', span: s.span, selectionSpan: s.query.category.span, children: [] };
}

function pipeSymbol(text: string, p: Pipe): DocumentSymbol {
  return { name: summary(text, p.span), kind: 'pipe', span: p.span, selectionSpan: p.nameSpan, children: [] };
}

function lexicalSymbols(text: string, all: readonly LexToken[]): DocumentSymbol[] {
  const tokens = all.filter((t) => t.kind !== 'comment');
  if (tokens.length === 0) return [];
  const span = { start: tokens[0].span.start, end: tokens[tokens.length - 1].span.end };
  let next = 0; // stages come in order: one walk over the tokens finds each stage's first token
  const children = lexicalStages(text, all).map<DocumentSymbol>((s) => {
    const inner = { start: s.start + (text.startsWith('![', s.start) ? 2 : 1), end: text[s.end - 1] === ']' ? s.end - 1 : s.end };
    const missing = text.startsWith('![', s.start) ? 'missing: ' : '';
    while (next < tokens.length && tokens[next].span.start < inner.start) next++;
    const first = tokens[next];
    const selection = first && first.span.end <= inner.end ? first.span : s;
    return { name: missing + summary(text, inner), kind: 'stage', span: s, selectionSpan: selection, children: [] };
  });
  const head = { start: span.start, end: children[0]?.span.start ?? span.end };
  return [{ name: summary(text, head) || tokens[0].text, kind: 'query', span, selectionSpan: tokens[0].span, children }];
}

/** The text of `span` on one line, shortened to a name. */
function summary(text: string, span: Span): string {
  const s = text
    .slice(span.start, span.end)
    .replace(/\/\/[^\n\r]*|\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > MAX_NAME ? `${s.slice(0, MAX_NAME - 1).trimEnd()}…` : s;
}
