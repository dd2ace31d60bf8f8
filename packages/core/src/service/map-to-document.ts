// Answers computed in query offsets → document offsets (and edits re-encoded for the string that holds the query).
import type { Span } from '../ast/nodes.js';
import type { Diagnostic, Suggestion, TextEdit } from '../diagnostics/diagnostic.js';
import type { CodeAction, DocumentSymbol, EmbeddedQuery, SemanticToken } from './api.js';

export function spanToDocument(q: EmbeddedQuery, span: Span): Span {
  const start = q.toDocument(span.start);
  return { start, end: Math.max(start, q.toDocument(span.end)) };
}

/** An edit of the query text as an edit of the document (the new text encoded for a `"…"` TOML string, say). */
export function editToDocument(q: EmbeddedQuery, edit: TextEdit): TextEdit {
  return { span: spanToDocument(q, edit.span), text: q.encode ? q.encode(edit.text) : edit.text };
}

function suggestionToDocument(q: EmbeddedQuery, s: Suggestion): Suggestion {
  return { ...s, edits: s.edits.map((e) => editToDocument(q, e)) };
}

export function diagnosticToDocument(q: EmbeddedQuery, d: Diagnostic): Diagnostic {
  const out: Diagnostic = { ...d, span: spanToDocument(q, d.span) };
  return d.suggestions ? { ...out, suggestions: d.suggestions.map((s) => suggestionToDocument(q, s)) } : out;
}

export function codeActionToDocument(q: EmbeddedQuery, a: CodeAction): CodeAction {
  const out: CodeAction = { ...a, edits: a.edits.map((e) => editToDocument(q, e)) };
  return a.diagnostics ? { ...out, diagnostics: a.diagnostics.map((d) => diagnosticToDocument(q, d)) } : out;
}

export function tokenToDocument(q: EmbeddedQuery, t: SemanticToken): SemanticToken {
  return { ...t, span: spanToDocument(q, t.span) };
}

export function symbolToDocument(q: EmbeddedQuery, s: DocumentSymbol): DocumentSymbol {
  return { ...s, span: spanToDocument(q, s.span), selectionSpan: spanToDocument(q, s.selectionSpan), children: s.children.map((c) => symbolToDocument(q, c)) };
}
