/**
 * Whether an input is complete, or continues on the next line: it continues while a bracket, a string or a block
 * comment is left open (Enter inserts a line break there, and piped mode reads the next line). A lexical scan of
 * EQL's token shapes (strings `"…"`, `"""…"""`, `'…'`, `?"…"`; `//` and nested `/* … *\/` comments; backtick names),
 * not a parse: a complete but wrong query still runs, so its errors are shown rather than waited on.
 */

/** Open brackets, in order, and whether the text ends inside a string, backtick name or block comment. */
export interface OpenState {
  readonly brackets: string;
  readonly inside: 'string' | 'raw-string' | 'name' | 'comment' | undefined;
}

const CLOSE: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

export function openState(text: string): OpenState {
  const stack: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"' && text.startsWith('"""', i)) {
      const end = text.indexOf('"""', i + 3);
      if (end < 0) return { brackets: stack.join(''), inside: 'raw-string' };
      i = end + 3;
      while (text[i] === '"') i++;
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < n && text[i] !== c) i += text[i] === '\\' ? 2 : 1;
      if (i >= n) return { brackets: stack.join(''), inside: 'string' };
      i++;
      continue;
    }
    if (c === '`') {
      i++;
      for (;;) {
        const end = text.indexOf('`', i);
        if (end < 0) return { brackets: stack.join(''), inside: 'name' };
        i = end + 1;
        if (text[i] !== '`') break;
        i++;
      }
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (text.startsWith('/*', i)) {
          depth++;
          i += 2;
        } else if (text.startsWith('*/', i)) {
          depth--;
          i += 2;
        } else i++;
      }
      if (depth > 0) return { brackets: stack.join(''), inside: 'comment' };
      continue;
    }
    if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (c in CLOSE) {
      // A stray closer is an error the parser reports; it does not make the input wait for more.
      if (stack[stack.length - 1] === CLOSE[c]) stack.pop();
    }
    i++;
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
