/**
 * Comments of a parsed query. Both parsers skip spaces and comments without leaving nodes, so they are found in
 * the gaps between the CST's tokens (terminals and lexical rules): a gap holds only whitespace and comments,
 * which makes scanning it unambiguous (no string can hide a `//` there).
 */
import type { MatchResult, Node as OhmNode, Semantics } from 'ohm-js';
import type { Span } from '../ast/nodes.js';
import { eqlGrammar } from './load.js';

export interface Comment {
  readonly kind: 'line' | 'block';
  /** The comment as written, including `//` or `/* … *\/`. */
  readonly text: string;
  readonly span: Span;
  /** True when nothing but spaces precedes it on its line (it is printed on a line of its own). */
  readonly ownLine: boolean;
}

/** Lexical rules (names not starting with an upper-case letter) are tokens: spaces are never skipped inside them. */
export function isTokenRule(ctorName: string): boolean {
  const c = ctorName.charCodeAt(0);
  // In ASCII only A–Z are upper case; this runs once per CST node, so spare the others a toLowerCase().
  return c < 128 ? c < 65 || c > 90 : ctorName[0] === ctorName[0].toLowerCase();
}

let tokenSemantics: Semantics | undefined;

/** The token spans of a successful Ohm match, in no particular order. */
export function ohmTokens(match: MatchResult): Span[] {
  tokenSemantics ??= eqlGrammar.createSemantics().addOperation<void>('tokens(out)', {
    _terminal() {
      if (this.source.endIdx > this.source.startIdx) (this.args.out as Span[]).push({ start: this.source.startIdx, end: this.source.endIdx });
    },
    _iter(...children: OhmNode[]) {
      for (const c of children) c['tokens'](this.args.out);
    },
    _nonterminal(...children: OhmNode[]) {
      if (isTokenRule(this.ctorName) && this.source.endIdx > this.source.startIdx) (this.args.out as Span[]).push({ start: this.source.startIdx, end: this.source.endIdx });
      else for (const c of children) c['tokens'](this.args.out);
    },
  });
  const tokens: Span[] = [];
  tokenSemantics(match)['tokens'](tokens);
  return tokens;
}

/** The comments in the gaps between `tokens` (the token spans of a successful parse), in source order. */
export function commentsBetween(text: string, tokens: Span[]): Comment[] {
  // An iteration of a sequence is laid out column by column (all separators, then all items): sort by position.
  tokens.sort((a, b) => a.start - b.start);
  const comments: Comment[] = [];
  let pos = 0;
  for (const t of tokens) {
    if (t.start > pos) scanGap(text, pos, t.start, comments);
    pos = Math.max(pos, t.end);
  }
  scanGap(text, pos, text.length, comments);
  return comments;
}

function scanGap(text: string, from: number, to: number, out: Comment[]): void {
  let i = from;
  while (i < to) {
    if (text.startsWith('//', i)) {
      let end = i + 2;
      while (end < to && text[end] !== '\n' && text[end] !== '\r') end++;
      // Trailing blanks of a line comment carry nothing (and a formatter drops them).
      out.push({ kind: 'line', text: text.slice(i, end).trimEnd(), span: { start: i, end }, ownLine: startsLine(text, i) });
      i = end;
    } else if (text.startsWith('/*', i)) {
      const end = blockCommentEnd(text, i, to) ?? to;
      out.push({ kind: 'block', text: text.slice(i, end), span: { start: i, end }, ownLine: startsLine(text, i) });
      i = end;
    } else i++;
  }
}

/** The end of the (nesting) block comment that starts at `from`, or undefined when it is not closed before `to`. */
export function blockCommentEnd(text: string, from: number, to: number): number | undefined {
  let depth = 0;
  let i = from;
  while (i < to) {
    if (text.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (text.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return undefined;
}

function startsLine(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n' || text[i] === '\r';
}
