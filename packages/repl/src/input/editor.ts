/**
 * The input line's state and its editing operations, as pure functions: the Ink component applies them with
 * functional state updates, so keys that arrive faster than the screen redraws are never lost.
 */

export interface EditorState {
  readonly text: string;
  /** Offset of the cursor in `text`. */
  readonly cursor: number;
}

export const EMPTY: EditorState = { text: '', cursor: 0 };

export function insert(s: EditorState, chunk: string): EditorState {
  const clean = chunk.replace(/\r\n?/g, '\n').replace(/\t/g, '  ');
  return { text: s.text.slice(0, s.cursor) + clean + s.text.slice(s.cursor), cursor: s.cursor + clean.length };
}

export function backspace(s: EditorState): EditorState {
  if (s.cursor === 0) return s;
  const n = isLowSurrogate(s.text.charCodeAt(s.cursor - 1)) && s.cursor > 1 ? 2 : 1;
  return { text: s.text.slice(0, s.cursor - n) + s.text.slice(s.cursor), cursor: s.cursor - n };
}

export function deleteForward(s: EditorState): EditorState {
  if (s.cursor >= s.text.length) return s;
  const n = isHighSurrogate(s.text.charCodeAt(s.cursor)) ? 2 : 1;
  return { text: s.text.slice(0, s.cursor) + s.text.slice(s.cursor + n), cursor: s.cursor };
}

export function left(s: EditorState): EditorState {
  return { ...s, cursor: Math.max(0, s.cursor - (isLowSurrogate(s.text.charCodeAt(s.cursor - 1)) ? 2 : 1)) };
}

export function right(s: EditorState): EditorState {
  return { ...s, cursor: Math.min(s.text.length, s.cursor + (isHighSurrogate(s.text.charCodeAt(s.cursor)) ? 2 : 1)) };
}

/** Start of the cursor's line (Home, Ctrl-A). */
export function lineStart(s: EditorState): EditorState {
  return { ...s, cursor: s.text.lastIndexOf('\n', s.cursor - 1) + 1 };
}

/** End of the cursor's line (End, Ctrl-E). */
export function lineEnd(s: EditorState): EditorState {
  const nl = s.text.indexOf('\n', s.cursor);
  return { ...s, cursor: nl < 0 ? s.text.length : nl };
}

/** Deletes from the cursor to the end of its line (Ctrl-K). */
export function killToEnd(s: EditorState): EditorState {
  const end = lineEnd(s).cursor;
  return { text: s.text.slice(0, s.cursor) + s.text.slice(end === s.cursor && end < s.text.length ? end + 1 : end), cursor: s.cursor };
}

/** Deletes the word before the cursor and the spaces after it (Ctrl-W). */
export function deleteWordBefore(s: EditorState): EditorState {
  const before = s.text.slice(0, s.cursor);
  const m = /(\s*[^\s]*\s*)$/.exec(before)!;
  const cut = /\S/.test(m[1]) ? /([^\s]*\s*)$/.exec(before)![1].length : m[1].length;
  return { text: before.slice(0, before.length - cut) + s.text.slice(s.cursor), cursor: s.cursor - cut };
}

/** The line and column of the cursor. */
export function cursorPosition(s: EditorState): { line: number; column: number } {
  const before = s.text.slice(0, s.cursor);
  const line = before.split('\n').length - 1;
  return { line, column: s.cursor - (before.lastIndexOf('\n') + 1) };
}

/** Moves the cursor one line up or down (keeping its column when it can); undefined at the first/last line. */
export function verticalMove(s: EditorState, delta: -1 | 1): EditorState | undefined {
  const lines = s.text.split('\n');
  const { line, column } = cursorPosition(s);
  const target = line + delta;
  if (target < 0 || target >= lines.length) return undefined;
  let offset = 0;
  for (let i = 0; i < target; i++) offset += lines[i].length + 1;
  return { ...s, cursor: offset + Math.min(column, lines[target].length) };
}

/** Replaces `[from, to)` by `text` and puts the cursor after it. */
export function replaceRange(s: EditorState, from: number, to: number, text: string): EditorState {
  return { text: s.text.slice(0, from) + text + s.text.slice(to), cursor: from + text.length };
}

export function setText(text: string): EditorState {
  return { text, cursor: text.length };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
