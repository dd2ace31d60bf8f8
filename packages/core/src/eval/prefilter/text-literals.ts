/**
 * From the values a leaf compares with to literals its matching events must contain in their JSON text.
 *
 * Input: decoded value text (a whole value for `==`/`in`, or fragments of a pattern), and whether the comparison
 * folds case. Output: a {@link Requirement}, `TRUE` when nothing safe can be required.
 *
 * Invariants (why a requirement is sound):
 * - A leaf tests the field's values as text: a string value is itself, a JSON number `n` is `String(n)` (which
 *   need not be its JSON spelling: `1e2` reads as `100`, `1e400` as `Infinity`), a boolean is `true`/`false`.
 *   So text that could be (part of) a number's `String` gives no requirement, and anchoring to the quotes of a
 *   JSON string is only allowed when some character of the pattern can be neither in a number's nor in a
 *   boolean's text: then the matching value is a JSON string.
 * - A JSON string value appears in the line JSON-escaped: `"` as `\"`, `\` as `\\`, the five short control
 *   escapes, everything else verbatim — as long as the line has no `\uXXXX` or `\/` escape (the matcher accepts
 *   such lines without looking). Text with another control character or a lone surrogate can only be written with
 *   `\u`, so it requires nothing.
 * - Case-insensitive text is folded with `foldCase`; the matcher accepts every code point that folds to the same
 *   code point (`caseVariants`), so a value matching case-insensitively always satisfies the literal.
 */
import { foldCase } from '../../matching/case-fold.js';
import { lit, TRUE, type Requirement } from './requirement.js';

/** Characters of `String(n)` for any JSON number `n` (digits, sign, point, exponent, `Infinity`; `NaN` too). */
const NUMBER_CHARS = new Set('0123456789+-.eEinftyINFTYaA');
/** True when every character of `text` may occur in a number's text: the value could be a JSON number. */
export function couldBeNumberText(text: string): boolean {
  for (const ch of foldCase(text)) if (!NUMBER_CHARS.has(ch)) return false;
  return true;
}

/**
 * True when a value a pattern accepts must be a JSON string: the pattern's literal text has a character no
 * number's text has, and the pattern does not accept `true` or `false` (`matchesBoolean`).
 */
export function forcesString(literalText: string, matchesBoolean: boolean): boolean {
  return !matchesBoolean && !couldBeNumberText(literalText);
}

const SHORT_ESCAPES: Record<number, string> = { 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0c: '\\f', 0x0d: '\\r', 0x22: '\\"', 0x5c: '\\\\' };

/**
 * How `text` appears inside a JSON string in a line without `\u` escapes, one entry per code point of `text`
 * (`undefined` when some character can only be written as `\uXXXX`: other control characters, lone surrogates).
 */
export function jsonPieces(text: string): string[] | undefined {
  const out: string[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const esc = SHORT_ESCAPES[cp];
    if (esc !== undefined) out.push(esc);
    else if (cp < 0x20 || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    else out.push(ch);
  }
  return out;
}

/** A literal for `text` (folded when `ci`), or TRUE when it cannot be written without `\u` escapes. */
function literal(text: string, ci: boolean, start: boolean, end: boolean): Requirement {
  const t = ci ? foldCase(text) : text;
  if (jsonPieces(t) === undefined) return TRUE;
  if (t === '' && !(start && end)) return TRUE;
  return lit({ text: t, caseInsensitive: ci, start, end });
}

/**
 * A matching value equals `value` (case-folded when `ci`). Callers handle what is not plain text equality
 * (numeric coercion of the literal, mapped kinds); this handles numbers and booleans stored for keywords.
 */
export function valueEquals(value: string, ci: boolean): Requirement {
  if (couldBeNumberText(value)) return TRUE;
  const v = ci ? foldCase(value) : value;
  const boolean = v === 'true' || v === 'false';
  return literal(value, ci, !boolean, !boolean);
}

/**
 * A matching value contains `fragments` (in any order) and starts with `prefix` and ends with `suffix` ('' when
 * the pattern starts or ends with a wildcard). `stringOnly` says the whole pattern forces a JSON string value
 * (see {@link forcesString}); without it the fragments are required unanchored, and only those that cannot be
 * part of a number's text.
 */
export function valueContains(prefix: string, suffix: string, fragments: readonly string[], ci: boolean, stringOnly: boolean): Requirement[] {
  const out: Requirement[] = [];
  const add = (text: string, start: boolean, end: boolean) => {
    if (text === '') return;
    if (!stringOnly && couldBeNumberText(text)) return;
    out.push(literal(text, ci, stringOnly && start, stringOnly && end));
  };
  add(prefix, true, false);
  add(suffix, false, true);
  for (const f of fragments) if (f !== prefix && f !== suffix) add(f, false, false);
  return out;
}
