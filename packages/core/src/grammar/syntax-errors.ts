/**
 * Turns Ohm's view of a failed parse (the rightmost position it reached and the terminals or rule descriptions
 * it expected there) into one diagnostic in plain words: what was expected, after what, and what was found.
 * Example: `process x == 1` gives "expected `where` after the event category `process`, found `x`".
 */
import type { MatchResult } from 'ohm-js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { syntaxDiagnostic } from '../diagnostics/catalog.js';

/** What Ohm records per failure (not in its type declarations). */
interface OhmFailure {
  getText(): string;
  getType(): 'description' | 'string' | 'code';
  isFluffy(): boolean;
}
interface FailedMatch {
  getRightmostFailurePosition(): number;
  getRightmostFailures(): OhmFailure[];
}

const VALUE_STARTS = new Set(['a field name', 'a backtick-quoted field name', 'a function name', 'a string', 'a number', '`true`', '`false`', '`null`', '`(`', '`?`', '`-`', '`+`']);
const OPERATORS = new Set(['`==`', '`!=`', '`<`', '`<=`', '`>`', '`>=`', '`+`', '`-`', '`*`', '`/`', '`%`', '`:`', '`like`', '`like~`', '`regex`', '`regex~`', '`in`', '`in~`', '`not`', '`and`', '`or`', 'a comparison operator', 'a pattern operator']);

/** Describes the token at `pos` for a message: `` `x` ``, "a string", "the end of the query". */
function describeFound(text: string, pos: number): string {
  const rest = text.slice(pos);
  if (rest.trim() === '') return 'the end of the query';
  const word = /^[A-Za-z_@][A-Za-z0-9_]*~?/.exec(rest);
  if (word) return `\`${word[0]}\``;
  if (/^[0-9]/.test(rest)) return `the number \`${/^[0-9.eE+-]+/.exec(rest)![0]}\``;
  if (rest[0] === '"') return 'a string';
  const op = /^(==|!=|<=|>=|!\[|in~|[^\s])/.exec(rest);
  return `\`${op ? op[0] : rest[0]}\``;
}

/** The token just before `pos` (skipping spaces and comments only roughly: this is for wording, not parsing). */
function previousToken(text: string, pos: number): string | undefined {
  const before = text.slice(0, pos).replace(/\s+$/, '');
  const m = /("(?:[^"\\\n]|\\.)*"|[A-Za-z0-9_@.`?~]+|==|!=|<=|>=|\S)$/.exec(before);
  if (!m) return undefined;
  const token = m[1];
  return token.length > 40 ? `${token.slice(0, 37)}…` : token;
}

function expectedItems(failures: OhmFailure[]): string[] {
  const items = new Set<string>();
  for (const f of failures) {
    if (f.isFluffy() || f.getType() === 'code') continue;
    const t = f.getText();
    if (f.getType() === 'description') items.add(t);
    else if (t === '![') items.add('`[`');
    else if (t === '//' || t === '/*' || t === '/' || /^\s$/.test(t)) continue;
    else items.add(`\`${t}\``);
  }
  return [...items];
}

/** Groups long expectation lists into the words a user thinks in. */
function summarize(items: string[]): string[] {
  const out = new Set<string>();
  const valueLike = items.filter((i) => VALUE_STARTS.has(i));
  const opLike = items.filter((i) => OPERATORS.has(i) && !VALUE_STARTS.has(i));
  if (valueLike.length >= 3) out.add(items.includes('`not`') ? 'a condition' : 'a value (a field, string, number or function call)');
  if (opLike.length >= 3) out.add('an operator');
  for (const i of items) {
    if (valueLike.length >= 3 && (VALUE_STARTS.has(i) || i === '`not`')) continue;
    if (opLike.length >= 3 && OPERATORS.has(i)) continue;
    out.add(i);
  }
  return [...out];
}

function joinWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? 'something else';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Whether a `"` at `pos` starts a string that never closes on its line. */
function isUnterminatedString(text: string, pos: number): boolean {
  if (text[pos] !== '"' || text.startsWith('"""', pos)) return false;
  const line = text.slice(pos + 1).split(/\r\n|\r|\n/, 1)[0];
  return !/^(?:[^"\\]|\\.)*"/.test(line);
}

/** The one diagnostic for a failed match. Never throws. */
export function explainSyntaxError(text: string, match: MatchResult): Diagnostic {
  const failed = match as unknown as FailedMatch;
  const pos = failed.getRightmostFailurePosition();
  // Strings: the failure is reported where the closing quote was missing; point at the opening quote instead.
  const openQuote = findOpenQuoteBefore(text, pos);
  if (openQuote !== undefined) return syntaxDiagnostic('unterminated-string', { start: openQuote, end: lineEnd(text, openQuote) }, {});
  if (isUnterminatedString(text, pos)) return syntaxDiagnostic('unterminated-string', { start: pos, end: lineEnd(text, pos) }, {});

  const found = describeFound(text, pos);
  // At the end of the query, point just after its last token rather than at trailing blank lines.
  const atEnd = text.slice(pos).trim() === '';
  const at = atEnd ? text.slice(0, pos).trimEnd().length : pos;
  const span = atEnd ? { start: at, end: at } : { start: pos, end: Math.min(text.length, pos + tokenLength(text, pos)) };
  if (text[pos] === '!' && text[pos + 1] !== '[' && text[pos + 1] !== '=') {
    return syntaxDiagnostic('syntax', span, { message: 'a missing-event stage starts with `![`, with no space between `!` and `[`' });
  }
  const items = summarize(expectedItems(failed.getRightmostFailures()));
  const prev = previousToken(text, pos);
  let after = prev ? ` after \`${prev}\`` : '';
  if (items.length === 1 && items[0] === '`where`' && prev) after = ` after the event category \`${prev}\``;
  return syntaxDiagnostic('syntax', span, { message: `expected ${joinWords(items)}${after}, found ${found}` });
}

/** The length of the token at `pos` (at least 1, so the span is visible). */
function tokenLength(text: string, pos: number): number {
  const rest = text.slice(pos, pos + 400);
  const m = /^("(?:[^"\\\r\n]|\\.)*"|[A-Za-z_@][A-Za-z0-9_]*~?|[0-9][0-9.eE]*|==|!=|<=|>=|!\[)/.exec(rest);
  return Math.max(1, m ? m[0].length : 1);
}

function lineEnd(text: string, from: number): number {
  const m = /\r|\n/.exec(text.slice(from));
  return m ? from + m.index : text.length;
}

/** If `pos` sits inside a `"` string whose closing quote is missing, the offset of its opening quote. */
function findOpenQuoteBefore(text: string, pos: number): number | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', pos - 1), text.lastIndexOf('\r', pos - 1)) + 1;
  let open: number | undefined;
  for (let i = lineStart; i < pos && i < text.length; i++) {
    const c = text[i];
    if (open === undefined) {
      if (c === '"') {
        if (text.startsWith('"""', i)) return undefined; // raw strings may span lines; leave them to the generic message
        open = i;
      } else if (c === '/' && text[i + 1] === '/') return undefined;
    } else if (c === '\\') i++;
    else if (c === '"') open = undefined;
  }
  return open !== undefined && (pos >= text.length || /[\r\n]/.test(text[pos])) ? open : undefined;
}
