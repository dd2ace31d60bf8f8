// Document structure: symbols (the rule, its query, stages, pipes), folding ranges and selection ranges.
import { SymbolKind, type DocumentSymbol as LspSymbol, type FoldingRange, type SelectionRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, Span } from '@eqlkit/core';
import { lineAt, rangeOf } from '../positions.js';

const KIND: Record<DocumentSymbol['kind'], SymbolKind> = {
  rule: SymbolKind.Module,
  query: SymbolKind.Function,
  stage: SymbolKind.Event,
  pipe: SymbolKind.Operator,
};

export function toLspSymbols(doc: TextDocument, symbols: readonly DocumentSymbol[]): LspSymbol[] {
  return symbols.map((s) => {
    const range = rangeOf(doc, s.span);
    // LSP requires the selection range inside the range.
    const sel = rangeOf(doc, s.selectionSpan.start >= s.span.start && s.selectionSpan.end <= s.span.end ? s.selectionSpan : s.span);
    return { name: s.name || '(unnamed)', kind: KIND[s.kind], range, selectionRange: sel, children: toLspSymbols(doc, s.children) };
  });
}

/** Spans over more than one line fold (LSP folds whole lines); one range per start line. */
export function toLspFolding(doc: TextDocument, spans: readonly Span[]): FoldingRange[] {
  const byStart = new Map<number, number>();
  for (const s of spans) {
    const start = lineAt(doc, s.start);
    let end = lineAt(doc, s.end);
    // A span ending at the start of a line does not take that line.
    if (end > start && doc.positionAt(s.end).character === 0) end--;
    if (end > start && (byStart.get(start) ?? -1) < end) byStart.set(start, end);
  }
  return [...byStart].map(([startLine, endLine]) => ({ startLine, endLine }));
}

/** Innermost-first spans per position → LSP's linked selection ranges (outermost is the whole document). */
export function toLspSelectionRanges(doc: TextDocument, perOffset: readonly (readonly Span[])[], offsets: readonly number[]): SelectionRange[] {
  return perOffset.map((spans, i) => {
    const whole = { start: 0, end: doc.getText().length };
    const chain = [...spans, whole];
    let parent: SelectionRange | undefined;
    let last: Span | undefined;
    // Build from the outside in, skipping spans that do not grow (LSP wants each parent to contain its child).
    for (let k = chain.length - 1; k >= 0; k--) {
      const s = chain[k];
      if (last && (s.start < last.start || s.end > last.end || (s.start === last.start && s.end === last.end))) continue;
      parent = { range: rangeOf(doc, s), ...(parent ? { parent } : {}) };
      last = s;
    }
    return parent ?? { range: rangeOf(doc, { start: offsets[i], end: offsets[i] }) };
  });
}
