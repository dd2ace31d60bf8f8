/**
 * Whether an input is complete, or continues on the next line: it continues while a bracket, a string, a backtick
 * name or a block comment is left open (Enter inserts a line break there, and piped mode reads the next line). The
 * tokens come from core's forgiving lexer (the grammar's token shapes), not a parse: a complete but wrong query still
 * runs, so its errors are shown rather than waited on.
 */
import { lex } from '@eqlkit/core';

/** Open brackets, in order, and whether the text ends inside a string, backtick name or block comment. */
export interface OpenState {
  readonly brackets: string;
  readonly inside: 'string' | 'name' | 'comment' | undefined;
}

const OPENERS: Record<string, string> = { '(': '(', '[': '[', '![': '[' };
const CLOSERS: Record<string, string> = { ')': '(', ']': '[' };

export function openState(text: string): OpenState {
  const stack: string[] = [];
  for (const t of lex(text)) {
    if (!t.closed) return { brackets: stack.join(''), inside: t.kind === 'backtick' ? 'name' : t.kind === 'comment' ? 'comment' : 'string' };
    if (t.kind !== 'punctuation') continue;
    if (OPENERS[t.text]) stack.push(OPENERS[t.text]);
    // A stray closer is an error the parser reports; it does not make the input wait for more.
    else if (CLOSERS[t.text] && stack[stack.length - 1] === CLOSERS[t.text]) stack.pop();
  }
  return { brackets: stack.join(''), inside: undefined };
}

/** True when the input leaves nothing open (a meta-command line is always complete). */
export function isComplete(text: string): boolean {
  if (/^\s*\./.test(text)) return true;
  const s = openState(text);
  return s.brackets === '' && s.inside === undefined;
}

/**
 * True when the input needs more to be a query: something is left open, or the parser stops at its very end
 * (`sequence by host.id` waiting for its stages, `process where`). Enter then starts a new line.
 */
export function wantsMore(text: string, parseErrorsAt: (text: string) => readonly number[]): boolean {
  if (!isComplete(text)) return true;
  if (/^\s*\./.test(text) || text.trim() === '') return false;
  const end = text.trimEnd().length;
  return parseErrorsAt(text).some((at) => at >= end);
}

/** A line that starts with something no query starts with (`|`, `[`, `by`, `and`…) continues the one before. */
export function continuesPrevious(line: string): boolean {
  return /^\s*(\||!?\[|\]|\)|(by|and|or|until|with|where|not|in|like~?|regex~?|maxspan)\b|==|!=|:|,)/.test(line);
}
