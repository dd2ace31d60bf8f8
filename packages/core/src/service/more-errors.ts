// Several independent syntax errors in one query. The parser reports the first error only (exactly as
// `eql check` does, and that one is kept as is); to report later ones, the text after it is cut at points
// where the grammar can start again — the next sequence stage `[`, the next pipe `|`, the next `and`/`or` of a
// condition — and each piece is parsed on its own behind a stand-in that gives it its syntactic role
// (`sequence [`, `any where true |`, `any where`). An error inside a piece is reported where it lies in the query.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { matchFast } from '../grammar/fast/fast-parser.js';
import { parse } from '../parse.js';
import { lex, type LexToken } from './lexer.js';

const MAX_MORE = 8;

interface Piece {
  /** Stand-in text that makes the piece parseable on its own. */
  readonly stub: string;
  readonly start: number;
  readonly end: number;
  /** Text after the piece that closes it (`]` for a stage). */
  readonly suffix: string;
}

/** Syntax errors after `first` in parts of the text independent of it. Never throws. */
export function laterSyntaxErrors(text: string, first: Diagnostic): Diagnostic[] {
  try {
    const tokens = lex(text).filter((t) => t.kind !== 'comment');
    const out: Diagnostic[] = [];
    let after = Math.max(first.span.end, first.span.start + 1);
    for (const piece of pieces(text, tokens, text.length)) {
      if (out.length >= MAX_MORE) break;
      if (piece.start < after || piece.end <= piece.start) continue;
      const body = text.slice(piece.start, piece.end);
      if (!body.trim()) continue;
      const sub = piece.stub + body + piece.suffix;
      const parsed = parse(sub);
      const error = parsed.diagnostics.find((d) => d.severity === 'error' && (d.code === 'eql/syntax' || d.code === 'eql/unterminated-string'));
      if (parsed.ast || !error) continue;
      const s = error.span.start - piece.stub.length;
      const e = error.span.end - piece.stub.length;
      // Only errors inside the piece itself (not in the stand-in, nor at its end when the stand-in closes it).
      if (s < 0 || s > body.length) continue;
      const start = piece.start + s;
      const d: Diagnostic = { ...error, span: { start, end: piece.start + Math.min(body.length, Math.max(s, e)) } };
      delete (d as { suggestions?: unknown }).suggestions;
      out.push(d);
      after = d.span.end + 1;
    }
    return out;
  } catch {
    return [];
  }
}

/** Where the text can be cut: stages and pipes at the top level, and the operands of and/or inside each. */
function pieces(text: string, tokens: readonly LexToken[], length: number): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let open: { token: LexToken; index: number } | undefined;
  let pipe: LexToken | undefined;
  const operandsOf = (from: number, to: number, stubBase: string, suffix: string) => {
    // Operands after each and/or at this level.
    let d = 0;
    for (let i = from; i < to; i++) {
      const t = tokens[i];
      if (t.text === '(' || t.text === '[' || t.text === '![') d++;
      else if (t.text === ')' || t.text === ']') d--;
      else if (d === 0 && (t.text === 'and' || t.text === 'or')) {
        let j = i + 1;
        let dd = 0;
        for (; j < to; j++) {
          const u = tokens[j];
          if (u.text === '(' || u.text === '[' || u.text === '![') dd++;
          else if (u.text === ')' || u.text === ']') dd--;
          if (dd === 0 && (u.text === 'and' || u.text === 'or') && j > i + 1) break;
          if (dd < 0) break;
        }
        const end = j < tokens.length ? tokens[j].span.start : length;
        out.push({ stub: stubBase, start: t.span.end, end: Math.min(end, tokens[to - 1]?.span.end ?? length), suffix });
      }
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if ((t.text === '[' || t.text === '![') && depth === 0 && !pipe) {
      open = { token: t, index: i };
      depth++;
    } else if (t.text === '(' || t.text === '[' || t.text === '![') depth++;
    else if (t.text === ')' || t.text === ']') {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && t.text === ']' && open) {
        const stage: Piece = { stub: `sequence ${open.token.text}`, start: open.token.span.end, end: t.span.start, suffix: ']' };
        out.push(stage);
        // The operands of a stage's condition only matter when the stage itself does not parse.
        if (!parsesAlone(text, stage)) {
          const whereAt = tokens.findIndex((u, k) => k > open!.index && k < i && u.text === 'where');
          if (whereAt > 0) operandsOf(whereAt + 1, i, 'sequence [any where true and ', ']');
        }
        open = undefined;
      }
    } else if (t.text === '|' && depth === 0) {
      if (pipe) out.push({ stub: 'any where true ', start: pipe.span.start, end: t.span.start, suffix: '' });
      pipe = t;
    }
  }
  if (pipe) out.push({ stub: 'any where true ', start: pipe.span.start, end: length, suffix: '' });
  // An event query: the operands of its condition.
  if (!tokens.some((t) => t.text === 'sequence' || t.text === 'sample')) {
    const whereAt = tokens.findIndex((t) => t.text === 'where');
    const stop = tokens.findIndex((t, k) => k > whereAt && t.text === '|');
    if (whereAt >= 0) operandsOf(whereAt + 1, stop < 0 ? tokens.length : stop, 'any where true and ', '');
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether a piece parses on its own (the generated parser only: no error message is needed). */
function parsesAlone(text: string, piece: Piece): boolean {
  try {
    return matchFast(piece.stub + text.slice(piece.start, piece.end) + piece.suffix) != null;
  } catch {
    return false;
  }
}
