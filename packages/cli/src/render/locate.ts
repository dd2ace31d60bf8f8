import { fileOffsetOf, LineIndex, type Span, type RuleQuery } from '@eqlkit/core';

/** Where a span of a query lies, in the coordinates users see (1-based line and column). */
export interface Location {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The text of the first line, for the caret frame. */
  readonly sourceLine: string;
}

const indexes = new WeakMap<object, LineIndex>();
function indexFor(key: object, text: string): LineIndex {
  let idx = indexes.get(key);
  if (!idx || idx.text !== text) {
    idx = new LineIndex(text);
    indexes.set(key, idx);
  }
  return idx;
}

/** Whether positions of `q` are reported in its file (`.eql`, TOML strings of every form) rather than in the query. */
export function locatedInFile(q: RuleQuery, fileText: string | undefined): fileText is string {
  return fileText !== undefined && fileOffsetOf(q.origin, 0) !== undefined;
}

/**
 * Locates `span` (offsets into `q.query`): in the file when the query's place there is known (`.eql`, TOML strings
 * of every form, through escapes and line continuations), otherwise within the query text itself.
 */
export function locate(q: RuleQuery, fileText: string | undefined, span: Span): Location {
  const inFile = locatedInFile(q, fileText);
  const text = inFile ? fileText : q.query;
  const at = (o: number) => (inFile ? fileOffsetOf(q.origin, o)! : o);
  const idx = indexFor(inFile ? (q.origin as object) : q, text);
  const start = idx.positionAt(at(span.start));
  const end = idx.positionAt(Math.max(at(span.start), at(span.end)));
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, sourceLine: idx.lineText(start.line) };
}

/** `path#rule_id` (or `path:LINE#rule_id` for a line of an export), as printed before `:line:col`. */
export function queryLabel(q: RuleQuery): string {
  return `${q.origin.file}${q.ruleId ? `#${q.ruleId}` : q.origin.line !== undefined ? `#line${q.origin.line}` : ''}`;
}
