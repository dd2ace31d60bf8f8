/**
 * Formatting a query with the core formatter, as small edits of the query text (in query offsets).
 *
 * A query with a syntax error is never formatted (no edits). The edits are minimal at the token level: the old
 * and new texts are lexed, their tokens aligned (Myers), and only the gaps between kept tokens that differ, and
 * the tokens that changed, are replaced. Range formatting keeps the edits that touch the range. For a query
 * embedded in a rule file, the text around the query (its leading and trailing blank space inside the string)
 * is kept; the document layer re-encodes the edits into the string's form.
 */
import type { Span } from '../ast/nodes.js';
import type { TextEdit } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { format } from '../format/format.js';
import { parse } from '../parse.js';
import { commonPairs } from '../text/diff.js';
import { lex } from './lexer.js';
import type { QueryFacts } from './query-facts.js';

export interface FormatQueryOptions {
  /** The line width (default 100, as `eql fmt`). */
  readonly width?: number;
  /**
   * The query sits inside a rule file's string: keep its leading and trailing blank space as written (a `.eql`
   * file becomes exactly what `eql fmt` prints, ending in one newline).
   */
  readonly embedded?: boolean;
}

/** The whole formatted query text, or undefined when the query has a syntax error. Never throws. */
export function formattedQuery(facts: Pick<QueryFacts, 'text' | 'ast' | 'comments' | 'parsedCleanly'>, options: FormatQueryOptions = {}): string | undefined {
  try {
    if (!facts.parsedCleanly || !facts.ast) return undefined;
    let { ast, comments } = facts;
    // The formatter keeps comments only if it is given them: parse again when the caller's parse skipped them.
    if (comments.length === 0 && (facts.text.includes('//') || facts.text.includes('/*'))) {
      const again = parse(facts.text, { comments: true });
      if (!again.ast || hasErrors(again.diagnostics)) return undefined;
      ({ ast, comments } = again);
    }
    const out = format(ast, { comments, width: options.width });
    if (!options.embedded) return out;
    const lead = /^\s*/.exec(facts.text)![0];
    const trail = /\s*$/.exec(facts.text.slice(lead.length))![0];
    return lead + out.trim() + trail;
  } catch {
    return undefined;
  }
}

/** Edits (query offsets) that format the query, or only those touching `range`. None on a syntax error. Never throws. */
export function formatEdits(facts: Pick<QueryFacts, 'text' | 'ast' | 'comments' | 'parsedCleanly'>, range?: Span, options: FormatQueryOptions = {}): TextEdit[] {
  const out = formattedQuery(facts, options);
  if (out === undefined || out === facts.text) return [];
  const edits = minimalEdits(facts.text, out);
  return range ? edits.filter((e) => e.span.start <= range.end && e.span.end >= range.start) : edits;
}

/** Non-overlapping edits, in order, that turn `before` into `after`, changing as little as the tokens allow. */
export function minimalEdits(before: string, after: string): TextEdit[] {
  const a = lex(before);
  const b = lex(after);
  const pairs = commonPairs(
    a.map((t) => t.text),
    b.map((t) => t.text),
  );
  if (!pairs) return [trimmedEdit(before, { start: 0, end: before.length }, after)].filter((e): e is TextEdit => e !== undefined);
  const edits: TextEdit[] = [];
  let fromA = 0;
  let fromB = 0;
  const gap = (toA: number, toB: number) => {
    const e = trimmedEdit(before, { start: fromA, end: toA }, after.slice(fromB, toB));
    if (e) edits.push(e);
  };
  for (const [i, j] of pairs) {
    gap(a[i].span.start, b[j].span.start);
    fromA = a[i].span.end;
    fromB = b[j].span.end;
  }
  gap(before.length, after.length);
  return edits;
}

/** Replaces `span` of `text` by `replacement`, narrowed to the part that differs; undefined when nothing does. */
function trimmedEdit(text: string, span: Span, replacement: string): TextEdit | undefined {
  const old = text.slice(span.start, span.end);
  if (old === replacement) return undefined;
  let p = 0;
  while (p < old.length && p < replacement.length && old[p] === replacement[p]) p++;
  let s = 0;
  while (s < old.length - p && s < replacement.length - p && old[old.length - 1 - s] === replacement[replacement.length - 1 - s]) s++;
  return { span: { start: span.start + p, end: span.end - s }, text: replacement.slice(p, replacement.length - s) };
}
