/**
 * Ordering and equality of EQL scalar values the way Elasticsearch compares them.
 *
 * Strings: keyword terms are UTF-8 `BytesRef`s, and a field-vs-literal comparison (`a < "x"`)
 * runs as a range query over those bytes, so the order is UTF-8 byte order, which equals Unicode
 * code-point order: `"Z" < "a"`, and an astral character (U+1F600) sorts *after* U+FFFD, where
 * JS `<` (UTF-16 code units) says the opposite. Composite-aggregation key order (samples) is the
 * same byte order. Comparisons evaluated in an ES *script* (over a function result) use Java
 * `String.compareTo`, which is UTF-16 order: pass `'utf16'` for those.
 *
 * Numbers: one numeric order for integers and floats (a long field compared with `2.5` behaves as
 * the range query ES builds). Booleans: `false < true`. Dates, IPs and versions are compared
 * through their normalised forms (epoch millis, {@link IpKey}, version sort key) — see
 * {@link toComparable}.
 */

import { parseIp } from './ip.js';
import { parseTimestamp } from './timestamps.js';
import { versionSortKey } from './version.js';

export type StringOrder = 'utf8' | 'utf16';

/** UTF-8 byte order (= code-point order) of two JS strings, without encoding them. */
export function compareStringsUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (D800–DFFF) encode code points above FFFF: lift them above E000–FFFF.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** UTF-16 code-unit order (Java `String.compareTo`, JS `<`). */
export function compareStringsUtf16(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Compares two scalars of the same kind: strings (by `order`, default UTF-8), numbers, booleans.
 * Returns `undefined` when either side is null/missing or the kinds differ (ES rejects such
 * comparisons at verification time; at run time they match nothing). Never throws.
 */
export function compareScalars(a: unknown, b: unknown, order: StringOrder = 'utf8'): number | undefined {
  const ta = typeof a;
  if (ta !== typeof b) return undefined;
  if (ta === 'string') return order === 'utf8' ? compareStringsUtf8(a as string, b as string) : compareStringsUtf16(a as string, b as string);
  if (ta === 'number') {
    const x = a as number;
    const y = b as number;
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : undefined; // NaN: incomparable
  }
  if (ta === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (ta === 'bigint') {
    const x = a as bigint;
    const y = b as bigint;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return undefined;
}

/**
 * Equality as `==` sees it: same kind and same value (`1 == 1.0`; `"1" != 1`). `undefined` when
 * either side is null/missing. Never throws.
 */
export function scalarEquals(a: unknown, b: unknown): boolean | undefined {
  if (a === null || a === undefined || b === null || b === undefined) return undefined;
  const ta = typeof a;
  if (ta !== typeof b) return false;
  return a === b;
}

/** Field kinds whose values compare differently (ES mapping types, grouped). */
export type ValueKind = 'keyword' | 'number' | 'integer' | 'boolean' | 'date' | 'ip' | 'version';

/** Maps an ES field type to the comparison kind; `undefined` for types EQL cannot compare. */
export function valueKindOf(esType: string): ValueKind | undefined {
  switch (esType) {
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
    case 'text':
    case 'match_only_text':
      return 'keyword';
    case 'long':
    case 'integer':
    case 'short':
    case 'byte':
    case 'unsigned_long':
      return 'integer';
    case 'double':
    case 'float':
    case 'half_float':
    case 'scaled_float':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
    case 'date_nanos':
      return 'date';
    case 'ip':
      return 'ip';
    case 'version':
      return 'version';
    default:
      return undefined;
  }
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Normalises a raw field value (or a query literal) to the primitive ES compares for `kind`:
 * keyword → string; number → number (numeric strings coerced, as ES `coerce` does); integer →
 * number truncated toward zero (ES stores `1.7` in a long field as 1); boolean → boolean (also
 * `"true"`/`"false"`); date → epoch millis (with the mapping `format`); ip → {@link IpKey};
 * version → sort key. `undefined` when the value is null or not representable. Never throws.
 */
export function toComparable(value: unknown, kind: ValueKind, dateFormat?: string): string | number | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  switch (kind) {
    case 'keyword':
      if (typeof value === 'string') return value;
      // ES indexes a JSON number/boolean in a keyword field as its text.
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    case 'number':
    case 'integer': {
      let n: number;
      if (typeof value === 'number') n = value;
      else if (typeof value === 'string' && NUMERIC_TEXT.test(value.trim())) n = Number(value.trim());
      else return undefined;
      if (!Number.isFinite(n)) return undefined;
      return kind === 'integer' ? Math.trunc(n) : n;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return value === 'true' ? true : value === 'false' ? false : undefined;
    case 'date':
      return parseTimestamp(value, dateFormat);
    case 'ip':
      return typeof value === 'string' ? parseIp(value) : undefined;
    case 'version':
      return typeof value === 'string' ? versionSortKey(value) : undefined;
  }
}

/**
 * A comparator over values already passed through {@link toComparable} for `kind`. Keys for
 * ip/version are byte-like strings compared by code unit; keywords use `order`.
 */
export function comparatorFor(kind: ValueKind, order: StringOrder = 'utf8'): (a: string | number | boolean, b: string | number | boolean) => number {
  if (kind === 'keyword') return order === 'utf8' ? (a, b) => compareStringsUtf8(a as string, b as string) : (a, b) => compareStringsUtf16(a as string, b as string);
  if (kind === 'boolean') return (a, b) => (a === b ? 0 : a ? 1 : -1);
  return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}
