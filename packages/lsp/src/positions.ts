/**
 * The one place that converts between the language service's document offsets (UTF-16 code units from the start
 * of the text) and LSP positions (line and UTF-16 character). Everything else in the server speaks offsets.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** A half-open range of document offsets (the core's `Span`). */
export interface OffsetSpan {
  readonly start: number;
  readonly end: number;
}

export function offsetAt(doc: TextDocument, position: Position): number {
  return doc.offsetAt(position);
}

export function positionAt(doc: TextDocument, offset: number): Position {
  return doc.positionAt(offset);
}

export function rangeOf(doc: TextDocument, span: OffsetSpan): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(Math.max(span.start, span.end)) };
}

export function spanOf(doc: TextDocument, range: Range): OffsetSpan {
  const start = doc.offsetAt(range.start);
  return { start, end: Math.max(start, doc.offsetAt(range.end)) };
}

/** The line of an offset. */
export function lineAt(doc: TextDocument, offset: number): number {
  return doc.positionAt(offset).line;
}

/**
 * A span cut at line ends, as `{ line, character, length }` pieces (semantic tokens may not cross lines); the
 * line break itself belongs to no piece.
 */
export function linePieces(doc: TextDocument, span: OffsetSpan): { line: number; character: number; length: number }[] {
  const pieces: { line: number; character: number; length: number }[] = [];
  const text = doc.getText();
  let start = span.start;
  while (start < span.end) {
    const from = doc.positionAt(start);
    const lineEnd = doc.offsetAt({ line: from.line + 1, character: 0 });
    // The end of this line's content (before \r\n or \n), or the span's end.
    let end = Math.min(span.end, lineEnd);
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    if (end > start) pieces.push({ line: from.line, character: from.character, length: end - start });
    if (lineEnd <= start) break;
    start = lineEnd;
  }
  return pieces;
}
