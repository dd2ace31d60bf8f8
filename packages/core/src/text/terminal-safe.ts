/**
 * Untrusted text (event data, rule files) made safe and measurable for a terminal, for every face that prints it
 * (the command's table and CSV, the REPL). Nothing here writes anywhere: it only transforms strings.
 *
 * - Control characters are shown as escapes instead of acting on the terminal: C0 (ESC, CR, BEL, …), DEL and C1
 *   (U+0080–U+009F, which some terminals obey as CSI/OSC introducers) as `\xHH` (`\t`, `\n`, `\r` by name).
 * - Characters that change how the rest of the line reads without being seen — bidirectional overrides and
 *   isolates, invisible joiners and spaces, line/paragraph separators — and lone surrogates as `\uHHHH`.
 * - Backslashes stay as they are (Windows paths fill event data); the exact value is in the JSON formats.
 */
import stringWidth from 'string-width';

// C0, DEL, C1; Arabic letter mark; Mongolian vowel separator; zero-width space, ZWNJ/ZWJ stay (scripts and emoji
// need them) but LRM/RLM go; line and paragraph separators; bidi embeddings and overrides; word joiner, invisible
// operators and bidi isolates; BOM / zero-width no-break space; interlinear annotations; lone surrogates.
const UNSAFE_SOURCE =
  '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u180e\\u200b\\u200e\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff\\ufff9-\\ufffb]' +
  '|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const UNSAFE_TEST = new RegExp(UNSAFE_SOURCE);
const UNSAFE = new RegExp(UNSAFE_SOURCE, 'g');

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const hex = (c: string, digits: number) => c.charCodeAt(0).toString(16).toUpperCase().padStart(digits, '0');

/** `text` with every control and invisible formatting character escaped (see the module comment). */
export function terminalSafe(text: string): string {
  if (!UNSAFE_TEST.test(text)) return text;
  return text.replace(UNSAFE, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/**
 * JSON text with the same characters written as `\uHHHH` escapes, so the value is unchanged and the text is
 * safe on a terminal. `JSON.stringify` escapes C0 itself but leaves DEL, C1 and the invisible characters raw.
 * Tab, newline and carriage return are left alone: in valid JSON they can only be whitespace between tokens.
 */
export function jsonTerminalSafe(json: string): string {
  if (!UNSAFE_TEST.test(json)) return json;
  return json.replace(UNSAFE, (c) => (c === '\t' || c === '\n' || c === '\r' ? c : `\\u${hex(c, 4)}`));
}

/**
 * Columns `text` takes on a terminal (wide East Asian characters count two, combining marks none). Text longer than
 * `2 * max` UTF-16 units is measured on that prefix, which is enough to tell whether it fits `max` columns.
 */
export function displayWidth(text: string, max = 4096): number {
  const measured = text.length > 2 * max ? text.slice(0, 2 * max) : text;
  return NARROW.test(measured) ? measured.length : stringWidth(measured);
}

/**
 * The common case, measured without looking up each character's width: only characters one column wide and never
 * combining — printable ASCII, Latin-1 and Latin Extended, IPA and spacing modifiers, Greek, Cyrillic (without its
 * combining marks), general punctuation such as `…`.
 */
const NARROW = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e]*$/;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `text` cut to at most `width` columns, ending in `…` when something was cut (whole characters only). */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  const limit = 4 * width + 8;
  if (text.length <= limit && displayWidth(text) <= width) return text;
  if (NARROW.test(text.length > limit ? text.slice(0, limit) : text)) return text.slice(0, width - 1) + '…';
  // Only a prefix is ever looked at, so a megabyte-long value costs no more than a short one.
  let prefix = text.length > limit ? text.slice(0, limit) : text;
  if (/[\ud800-\udbff]$/.test(prefix)) prefix = prefix.slice(0, -1);
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(prefix)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return out + '…';
}

/**
 * The values of a field as one line of text: nothing for none, a single value as itself (strings unquoted), and
 * several as a JSON array, so that `["a, b"]` and `["a", "b"]` look different. Not yet terminal-safe.
 */
export function displayValues(values: readonly unknown[]): string {
  if (values.length === 0) return '';
  if (values.length === 1) return typeof values[0] === 'string' ? values[0] : JSON.stringify(values[0]) ?? String(values[0]);
  return `[${values.map((v) => JSON.stringify(v) ?? String(v)).join(', ')}]`;
}
