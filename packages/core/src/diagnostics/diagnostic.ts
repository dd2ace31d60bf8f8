import type { Span } from '../ast/nodes.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A suggested edit: replace the text in `span` with `text`. */
export interface TextEdit {
  readonly span: Span;
  readonly text: string;
}

/** A fix the user can apply, e.g. "use `==`" or "did you mean `process.name`". */
export interface Suggestion {
  readonly message: string;
  readonly edits: readonly TextEdit[];
}

/**
 * The one diagnostic shape, from the core to every face (CLI, REPL, language server).
 * `span` is half-open UTF-16 offsets into the query text; `code` is stable and namespaced (`eql/syntax`).
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly suggestions?: readonly Suggestion[];
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorts diagnostics by position, then errors before warnings. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
  return [...diagnostics].sort((a, b) => a.span.start - b.span.start || rank[a.severity] - rank[b.severity] || a.span.end - b.span.end);
}
