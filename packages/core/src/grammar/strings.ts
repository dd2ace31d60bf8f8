/**
 * Decoding of EQL string literals. The grammar only finds where a string ends; this module gives it its value
 * and reports bad escapes with their exact offsets.
 */

export interface EscapeProblem {
  readonly code: 'invalid-escape' | 'invalid-unicode-escape';
  /** Offsets relative to the start of the text passed in. */
  readonly start: number;
  readonly end: number;
  readonly escape: string;
}

// Elasticsearch's lexer accepts these (production rules use `\'`), besides `\u{…}`.
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '\\': '\\', '"': '"', "'": "'" };

/**
 * Decodes the body of a `"…"` string (without its quotes): `\n \r \t \b \f \\ \" \'` and `\u{X…}` with 2 to 8
 * hex digits. Never throws; invalid escapes are kept verbatim in the value and reported.
 */
export function decodeDoubleQuoted(body: string): { value: string; problems: EscapeProblem[] } {
  if (body.indexOf('\\') < 0) return { value: body, problems: [] };
  let value = '';
  const problems: EscapeProblem[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) {
      problems.push({ code: 'invalid-escape', start: i, end: i + 1, escape: '\\' });
      value += '\\';
      i++;
    } else if (next in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[next];
      i += 2;
    } else if (next === 'u') {
      const m = /^\\u\{([0-9A-Fa-f]*)\}/.exec(body.slice(i, i + 14));
      const digits = m?.[1];
      const codePoint = digits !== undefined ? parseInt(digits, 16) : NaN;
      if (!m || digits === undefined || digits.length < 2 || digits.length > 8 || !(codePoint <= 0x10ffff) || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
        const end = m ? i + m[0].length : i + 2;
        problems.push({ code: 'invalid-unicode-escape', start: i, end, escape: body.slice(i, end) });
        value += body.slice(i, end);
        i = end;
      } else {
        value += String.fromCodePoint(codePoint);
        i += m[0].length;
      }
    } else {
      const width = next.codePointAt(0)! > 0xffff ? 3 : 2;
      problems.push({ code: 'invalid-escape', start: i, end: i + width, escape: body.slice(i, i + width) });
      value += body.slice(i, i + width);
      i += width;
    }
  }
  return { value, problems };
}

/** Decodes a single-quoted string body the way Endgame EQL did (so the rejected form still has a value). */
export function decodeSingleQuoted(body: string): string {
  return body.replace(/\\(.)/g, (_, c: string) => (c in SIMPLE_ESCAPES ? SIMPLE_ESCAPES[c] : c === "'" ? "'" : c));
}

/** Encodes a value as a `"…"` EQL string literal that decodes back to the same value. */
export function encodeDoubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    switch (ch) {
      case '\\':
        out += '\\\\';
        break;
      case '"':
        out += '\\"';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      default: {
        const cp = ch.codePointAt(0)!;
        // Other control characters cannot be written raw inside "…"; escape them too.
        out += cp < 0x20 || cp === 0x7f ? `\\u{${cp.toString(16).toUpperCase().padStart(2, '0')}}` : ch;
      }
    }
  }
  return out + '"';
}
