// TOML string values, decoded with an exact map back to the document: `'''…'''`, `"""…"""` (escapes and
// line-ending backslashes), `'…'` and `"…"` (escapes). Tolerant: an unclosed string yields what was typed so far.
import type { Span } from '../ast/nodes.js';

export type TomlStringForm = "'''" | '"""' | "'" | '"';

export interface DecodedString {
  readonly form: TomlStringForm;
  /** The decoded value. */
  readonly value: string;
  /** The body in the document: after the opening delimiter (and its trimmed newline), before the closing one. */
  readonly body: Span;
  /** Where the whole token (delimiters included) ends; the end of the typed text when unclosed. */
  readonly end: number;
  readonly closed: boolean;
  /** Document offset where the source of each value character starts; one extra entry: `body.end`. */
  readonly starts: Int32Array;
  /** Document offset just after the source of each value character (an escape's source is several characters). */
  readonly ends: Int32Array;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };

/** The form of the string starting at `at`, if one does. */
export function stringFormAt(text: string, at: number): TomlStringForm | undefined {
  if (text.startsWith("'''", at)) return "'''";
  if (text.startsWith('"""', at)) return '"""';
  if (text[at] === "'") return "'";
  if (text[at] === '"') return '"';
  return undefined;
}

/**
 * Decodes the TOML string starting at `at` (which must hold a quote). `stopAt(lineStart)` lets the caller end an
 * unclosed multi-line string at a line that cannot belong to it (a table header).
 */
export function decodeTomlString(text: string, at: number, stopAt?: (lineStart: number) => boolean): DecodedString | undefined {
  const form = stringFormAt(text, at);
  if (!form) return undefined;
  const multi = form.length === 3;
  const escapes = form[0] === '"';
  let i = at + form.length;
  // A newline right after a multi-line opening delimiter is not part of the value.
  if (multi) {
    if (text.startsWith('\r\n', i)) i += 2;
    else if (text[i] === '\n') i++;
  }
  const bodyStart = i;
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (s: string, from: number, to: number) => {
    for (let k = 0; k < s.length; k++) {
      chars.push(s[k]);
      starts.push(from);
      ends.push(to);
    }
  };
  const finish = (bodyEnd: number, end: number, closed: boolean): DecodedString => {
    starts.push(bodyEnd);
    return { form, value: chars.join(''), body: { start: bodyStart, end: bodyEnd }, end, closed, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
  };
  while (i < text.length) {
    const c = text[i];
    if (c === form[0] && text.startsWith(form, i)) {
      if (!multi) return finish(i, i + 1, true);
      // Up to two quotes just before the closing delimiter belong to the value (`""""` ends with a quote).
      let run = 3;
      while (run < 5 && text[i + run] === form[0]) run++;
      for (let k = 0; k < run - 3; k++) push(form[0], i + k, i + k + 1);
      return finish(i + run - 3, i + run, true);
    }
    if (c === '\n' || c === '\r') {
      if (!multi) return finish(i, i, false);
      const lineStart = c === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
      if (stopAt && stopAt(lineStart)) return finish(i, i, false);
      for (let k = i; k < lineStart; k++) push(text[k], k, k + 1);
      i = lineStart;
      continue;
    }
    if (escapes && c === '\\') {
      const n = text[i + 1];
      if (n !== undefined && Object.hasOwn(SIMPLE_ESCAPES, n)) {
        push(SIMPLE_ESCAPES[n], i, i + 2);
        i += 2;
        continue;
      }
      if (n === 'u' || n === 'U' || n === 'x') {
        const len = n === 'u' ? 4 : n === 'U' ? 8 : 2;
        const hex = text.slice(i + 2, i + 2 + len);
        const cp = /^[0-9A-Fa-f]+$/.test(hex) && hex.length === len ? parseInt(hex, 16) : NaN;
        if (cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
          push(String.fromCodePoint(cp), i, i + 2 + len);
          i += 2 + len;
          continue;
        }
      }
      if (multi) {
        // A line-ending backslash: the newline and all whitespace up to the next other character are dropped.
        const m = /^\\[ \t]*(\r?\n)[ \t\r\n]*/.exec(text.slice(i, i + 4096));
        if (m) {
          i += m[0].length;
          continue;
        }
      }
      // An invalid escape: keep the backslash (TOML rejects it; the query shows what was written).
      push('\\', i, i + 1);
      i++;
      continue;
    }
    push(c, i, i + 1);
    i++;
  }
  return finish(text.length, text.length, false);
}

/** Encodes `value` for insertion into the body of a string of `form` (what an edit of the decoded text must write). */
export function encodeForTomlString(value: string, form: TomlStringForm): string {
  switch (form) {
    case "'''":
    case "'":
      // Literal strings have no escapes: the text goes in as written.
      return value;
    case '"""':
      return value.replace(/\\/g, '\\\\').replace(/"""/g, '""\\"');
    case '"':
      return value.replace(/[\\"\n\r\t]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\${c}`));
  }
}
