/**
 * Integers beyond 2^53 in long (and unsigned_long) fields, compared and joined exactly, as Elasticsearch compares
 * longs. `JSON.parse` rounds such numbers (9007199254740993 reads as …992), so the evaluator works on its parsed
 * events as usual and only when a field it compares exactly holds such a rounded number does it read that record's
 * text again with the integers kept exact (`bigint`). Cost: nothing for records without such numbers; one more
 * parse for the few that have them.
 *
 * The runner (and a query worker) names the text of the record being evaluated with {@link noteRecordText}; the
 * comparison leaves and join keys ask {@link exactView} for the exact reading of that record.
 */
import type { Expr } from '../ast/nodes.js';
import type { Event } from './event.js';

let currentEvent: Event | undefined;
let currentText: string | undefined;
let currentView: Event | undefined;

/** The record now being evaluated: its parsed event and original text. */
export function noteRecordText(ev: Event, text: string): void {
  currentEvent = ev;
  currentText = text;
  currentView = undefined;
}

/** A number `JSON.parse` may have rounded: an integer of magnitude 2^53 or more. */
export function isInexactInteger(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v);
}

/** The event read again with integers beyond 2^53 as `bigint`, when its text is known; else the event itself. */
export function exactView(ev: Event): Event {
  if (ev !== currentEvent || currentText === undefined) return ev;
  return (currentView ??= parseExact(currentText) ?? ev);
}

/** Marks an integer turned into a string for `JSON.parse`: as JSON text (escaped NUL), and as the parsed string. */
const MARK_JSON = '\\u0000eqlkit-exact-integer:';
const MARK = '\u0000eqlkit-exact-integer:';
/** JSON strings (skipped whole) or an integer literal of 16 digits or more (not part of a decimal or exponent). */
const STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<![\w.+-])-?\d{16,}(?![\w.])/g;

/** Parses a JSON object keeping integers beyond 2^53 exact (as `bigint`); undefined if it is not an object. */
export function parseExact(text: string): Event | undefined {
  const marked = text.replace(STRING_OR_LONG_INTEGER, (m) => (m.charCodeAt(0) === 34 || Number.isSafeInteger(Number(m)) ? m : `"${MARK_JSON}${m}"`));
  try {
    const v: unknown = JSON.parse(marked, (_k, v: unknown) => (typeof v === 'string' && v.startsWith(MARK) ? BigInt(v.slice(MARK.length)) : v));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Event) : undefined;
  } catch {
    return undefined;
  }
}

/** The exact value of an integer literal in a query (`9007199254740993`, `-9007199254740993`) beyond 2^53; else undefined. */
export function exactIntegerLiteral(e: Expr): bigint | undefined {
  let negative = false;
  while (e.kind === 'unary') {
    if (e.op === '-') negative = !negative;
    e = e.operand;
  }
  if (e.kind !== 'number' || !e.integer || Number.isSafeInteger(e.value) || !/^-?\d+$/.test(e.text)) return undefined;
  const n = BigInt(e.text);
  return negative ? -n : n;
}
