/**
 * Checks a record's original JSON text for what `JSON.parse` accepts but Elasticsearch refuses to index — a key twice
 * in one object (its parser detects duplicates; `JSON.parse` silently keeps the last) — and for nesting deeper than
 * {@link MAX_NESTING_DEPTH}, which Elasticsearch's parser refuses and which would exhaust the call stack of the
 * recursive code that prints and inspects events. One pass over the text, strings skipped with `indexOf`; run on
 * matching records only (see docs/semantics.md), so the cost does not grow with the input.
 */

/** Objects and arrays nested deeper than this are refused (Jackson's default nesting limit, which Elasticsearch uses). */
export const MAX_NESTING_DEPTH = 1000;

export type RecordProblemKind = 'too-deep' | 'duplicate-key' | 'bad-timestamp';

export interface RecordProblem {
  readonly kind: RecordProblemKind;
  readonly message: string;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

/** Keys of one open object: a list while small, a set once large. */
class KeySet {
  private list: string[] = [];
  private set: Set<string> | undefined;

  /** Adds `key`; false when it was there already. */
  add(key: string): boolean {
    if (this.set) {
      if (this.set.has(key)) return false;
      this.set.add(key);
      return true;
    }
    if (this.list.includes(key)) return false;
    this.list.push(key);
    if (this.list.length > 16) this.set = new Set(this.list);
    return true;
  }
}

/** The end (index of the closing quote) of the string whose opening quote is at `open`; -1 if it does not close. */
function stringEnd(text: string, open: number): number {
  let q = text.indexOf('"', open + 1);
  while (q >= 0) {
    let b = q - 1;
    while (text.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q;
    q = text.indexOf('"', q + 1);
  }
  return -1;
}

/** The problem with a record's JSON text (which `JSON.parse` accepted), if any. */
export function recordTextProblem(text: string): RecordProblem | undefined {
  /** Per open container: its keys (objects) or undefined (arrays). */
  const keys: (KeySet | undefined)[] = [];
  /** Per open container: the path segment it sits under (arrays add none). */
  const path: string[] = [];
  let expectKey = false;
  let lastKey = '';
  const len = text.length;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) return undefined; // not JSON after all: the parser reported it
      if (expectKey) {
        const raw = text.slice(i + 1, end);
        lastKey = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (!keys[keys.length - 1]!.add(lastKey)) {
          const where = [...path.filter((p) => p !== ''), lastKey].join('.');
          return { kind: 'duplicate-key', message: `duplicate key "${where}" in one object (Elasticsearch refuses such a document; JSON.parse would keep the last)` };
        }
        expectKey = false;
      }
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (keys.length >= MAX_NESTING_DEPTH) {
        return { kind: 'too-deep', message: `objects and arrays nested more than ${MAX_NESTING_DEPTH.toLocaleString('en-US')} levels deep (Elasticsearch refuses such a document)` };
      }
      const inObject = keys.length > 0 && keys[keys.length - 1] !== undefined;
      path.push(inObject ? lastKey : '');
      keys.push(c === OPEN_BRACE ? new KeySet() : undefined);
      expectKey = c === OPEN_BRACE;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      keys.pop();
      path.pop();
      expectKey = false;
    } else if (c === COMMA) {
      expectKey = keys.length > 0 && keys[keys.length - 1] !== undefined;
    }
  }
  return undefined;
}
