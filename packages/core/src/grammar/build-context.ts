import type { Span } from '../ast/nodes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Node as OhmNode } from 'ohm-js';

/**
 * What the AST builder collects while it walks one parse: the diagnostics for forms the grammar accepts but
 * Elasticsearch rejects, and whether the tree can be built at all (`join` and lineage have no AST).
 */
export interface BuildContext {
  readonly text: string;
  readonly diagnostics: Diagnostic[];
  unrepresentable: boolean;
}

let current: BuildContext | undefined;

/** Runs `build` with `ctx` as the context of the semantic actions (parsing is synchronous, so one at a time). */
export function withContext<T>(ctx: BuildContext, build: () => T): T {
  const saved = current;
  current = ctx;
  try {
    return build();
  } finally {
    current = saved;
  }
}

export function context(): BuildContext {
  if (!current) throw new Error('AST builder used outside withContext');
  return current;
}

export function report(diagnostic: Diagnostic): void {
  context().diagnostics.push(diagnostic);
}

/** The half-open span of an Ohm node. */
export function spanOf(node: OhmNode): Span {
  return { start: node.source.startIdx, end: node.source.endIdx };
}

export function joinSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
