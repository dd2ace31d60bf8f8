// Semantic tokens, encoded as LSP wants them: relative positions, one token per line piece, in document order.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SemanticToken, SemanticTokenType } from '@eqlkit/core';
import { linePieces } from '../positions.js';

const TYPES: readonly SemanticTokenType[] = ['keyword', 'operator', 'field', 'function', 'string', 'number', 'regexp', 'comment', 'variable', 'type'];
// LSP's standard names where they exist (`field` is a `property` to editors' themes).
const LSP_TYPE: Record<SemanticTokenType, string> = {
  keyword: 'keyword',
  operator: 'operator',
  field: 'property',
  function: 'function',
  string: 'string',
  number: 'number',
  regexp: 'regexp',
  comment: 'comment',
  variable: 'variable',
  type: 'type',
};
const MODIFIERS = ['optional', 'caseInsensitive', 'wildcard', 'readonly', 'deprecated'] as const;

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: TYPES.map((t) => LSP_TYPE[t]), tokenModifiers: [...MODIFIERS] };

export function encodeSemanticTokens(doc: TextDocument, tokens: readonly SemanticToken[]): SemanticTokens {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  const sorted = [...tokens].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let covered = 0; // tokens may not overlap: a token starting inside the previous one is dropped
  for (const t of sorted) {
    if (t.span.start < covered || t.span.end <= t.span.start) continue;
    covered = t.span.end;
    const type = TYPES.indexOf(t.type);
    if (type < 0) continue;
    let mods = 0;
    for (const m of t.modifiers ?? []) {
      const k = (MODIFIERS as readonly string[]).indexOf(m);
      if (k >= 0) mods |= 1 << k;
    }
    for (const p of linePieces(doc, t.span)) {
      data.push(p.line - prevLine, p.line === prevLine ? p.character - prevChar : p.character, p.length, type, mods);
      prevLine = p.line;
      prevChar = p.character;
    }
  }
  return { data };
}
