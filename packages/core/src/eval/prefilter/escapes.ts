/**
 * Escapes that could hide a literal in JSON text: `\uXXXX` (any character) and `\/` (a slash). Every other
 * character of a JSON string has exactly one spelling in a line without them (see `text-literals.ts`).
 *
 * Input: raw JSON text. Output: whether it contains such an escape. A backslash starts an escape when the run of
 * backslashes ending at it has odd length (`\\u` is an escaped backslash followed by `u`, as in `C:\\users`).
 */

const BACKSLASH = 0x5c;

function hasEscape(line: string, pair: string): boolean {
  let p = line.indexOf(pair);
  while (p >= 0) {
    let k = p;
    while (k > 0 && line.charCodeAt(k - 1) === BACKSLASH) k--;
    if ((p - k) % 2 === 0) return true;
    p = line.indexOf(pair, p + 2);
  }
  return false;
}

/** True when `line` holds a `\u` or `\/` escape (then a literal may be spelled differently in it). */
export function hasHidingEscape(line: string): boolean {
  return hasEscape(line, '\\u') || hasEscape(line, '\\/');
}
