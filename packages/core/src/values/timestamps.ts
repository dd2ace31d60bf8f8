/**
 * Timestamps as an Elasticsearch `date` field reads them, to epoch milliseconds (UTC).
 *
 * - The default mapping format is `strict_date_optional_time||epoch_millis`: alternatives are
 *   tried left to right, so `"2020"` is the year 2020 while `"1"` and `"1601000000000"` are epoch
 *   millis (ISO needs a 4-digit year followed by `-` or the end).
 * - JSON numbers go through the same formats as their text (ES parses `textOrNull()`), so with
 *   the default format `2020` is also a year; FILETIME-sized numbers end up as epoch millis.
 * - No zone = UTC. Sub-millisecond digits are truncated toward the past (Instant.toEpochMilli).
 * - Results outside ±8.64e15 ms (the JS Date range) are rejected, so formatting never fails.
 */

import { civilFromDays, daysFromCivil, daysInMonth, MS_PER_DAY } from './civil-time.js';
import { compileJavaPattern } from './date-pattern.js';
import { localToUtc, parseZone, type Zone } from './time-zones.js';

/** Parses one field value to epoch millis; `undefined` (never NaN, never a throw) when it cannot. */
export type DateParser = (value: unknown) => number | undefined;

export type DateFormatResult = { ok: true; parse: DateParser } | { ok: false; error: string };

export const DEFAULT_DATE_FORMAT = 'strict_date_optional_time||epoch_millis';

const MAX_MS = 8.64e15;

function inRange(ms: number): number | undefined {
  return ms >= -MAX_MS && ms <= MAX_MS ? ms : undefined;
}

/** Digits of s[start, end) as a number, or -1. */
function digits(s: string, start: number, end: number): number {
  if (end > s.length) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function isZoneStart(c: number): boolean {
  return c === 43 || c === 45 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function build(year: number, month: number, day: number, hour: number, minute: number, second: number, nanos: number, zone: Zone): number | undefined {
  if (month < 1 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const local = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + Math.floor(nanos / 1e6);
  const utc = localToUtc(local, zone);
  return utc === undefined ? undefined : inRange(utc);
}

const UTC: Zone = { fixed: 0 };

/**
 * `strict_date_optional_time`, field by field as Elasticsearch's Iso8601Parser reads it:
 * `yyyy[-MM[-dd[T[HH[:mm[:ss[(.|,)fraction]]]]]]]` with a zone allowed after the hour, minute,
 * second or fraction (`Z`, `±HH[[:]MM[[:]SS]]`, `UTC+01:00`, `Europe/Paris`); a leading `-`
 * negates the year. Fractions take 1–9 digits.
 */
export function parseIsoDateOptionalTime(input: string): number | undefined {
  let s = input;
  let sign = 1;
  if (s.charCodeAt(0) === 45) {
    sign = -1;
    s = s.slice(1);
  }
  const len = s.length;
  const y = digits(s, 0, 4);
  if (y < 0) return undefined;
  const year = sign * y;
  if (len === 4) return build(year, 1, 1, 0, 0, 0, 0, UTC);
  if (s[4] !== '-') return undefined;
  const month = digits(s, 5, 7);
  if (month < 0 || month > 12) return undefined;
  if (len === 7) return build(year, month, 1, 0, 0, 0, 0, UTC);
  if (s[7] !== '-') return undefined;
  const day = digits(s, 8, 10);
  if (day < 0 || day > 31) return undefined;
  if (len === 10 || (len === 11 && s[10] === 'T')) return build(year, month, day, 0, 0, 0, 0, UTC);
  if (s[10] !== 'T') return undefined;

  const hour = digits(s, 11, 13);
  if (hour < 0 || hour > 23) return undefined;
  if (len === 13) return build(year, month, day, hour, 0, 0, 0, UTC);
  if (isZoneStart(s.charCodeAt(13))) return withZone(s, 13, year, month, day, hour, 0, 0, 0);
  if (s[13] !== ':') return undefined;

  const minute = digits(s, 14, 16);
  if (minute < 0 || minute > 59) return undefined;
  if (len === 16) return build(year, month, day, hour, minute, 0, 0, UTC);
  if (isZoneStart(s.charCodeAt(16))) return withZone(s, 16, year, month, day, hour, minute, 0, 0);
  if (s[16] !== ':') return undefined;

  const second = digits(s, 17, 19);
  if (second < 0 || second > 59) return undefined;
  if (len === 19) return build(year, month, day, hour, minute, second, 0, UTC);
  if (isZoneStart(s.charCodeAt(19))) return withZone(s, 19, year, month, day, hour, minute, second, 0);
  if (s[19] !== '.' && s[19] !== ',') return undefined;

  let nanos = 0;
  let pos = 20;
  for (; pos < len && pos < 29; pos++) {
    const d = s.charCodeAt(pos) - 48;
    if (d < 0 || d > 9) break;
    nanos = nanos * 10 + d;
  }
  if (pos === 20) return undefined;
  nanos *= 10 ** (29 - pos);
  if (pos === len) return build(year, month, day, hour, minute, second, nanos, UTC);
  if (isZoneStart(s.charCodeAt(pos))) return withZone(s, pos, year, month, day, hour, minute, second, nanos);
  return undefined;
}

function withZone(s: string, pos: number, y: number, mo: number, d: number, h: number, mi: number, sec: number, nanos: number): number | undefined {
  const zone = parseZone(s, pos);
  return zone ? build(y, mo, d, h, mi, sec, nanos, zone) : undefined;
}

const EPOCH_MILLIS = /^(-?)(\d{1,19})(?:\.(\d{1,6}))?$/;
const EPOCH_SECOND = /^(-?)(\d{1,19})(?:\.(\d{1,9}))?$/;

/** `epoch_millis`: `-?digits[.1-6 digits]`; the fraction is sub-millisecond and floors. */
export function parseEpochMillis(s: string): number | undefined {
  const m = EPOCH_MILLIS.exec(s);
  if (!m) return undefined;
  const whole = Number(m[2]);
  const frac = m[3] ? Number(`0.${m[3]}`) : 0;
  const v = m[1] ? -(whole + frac) : whole + frac;
  return inRange(Math.floor(v));
}

/** `epoch_second`: `-?digits[.1-9 digits]` seconds. */
export function parseEpochSecond(s: string): number | undefined {
  const m = EPOCH_SECOND.exec(s);
  if (!m) return undefined;
  const ms = Number(m[2]) * 1000 + (m[3] ? Math.floor(Number(m[3].padEnd(9, '0')) / 1e6) : 0);
  return inRange(m[1] ? -ms : ms);
}

type TextParser = (s: string) => number | undefined;

// Named ES formats (strict_ and lenient spellings share one parser here).
const ISO: TextParser = parseIsoDateOptionalTime;
const NAMED_PATTERNS: Record<string, string> = {
  date: 'yyyy-MM-dd',
  date_hour: "yyyy-MM-dd'T'HH",
  date_hour_minute: "yyyy-MM-dd'T'HH:mm",
  date_hour_minute_second: "yyyy-MM-dd'T'HH:mm:ss",
  date_hour_minute_second_millis: "yyyy-MM-dd'T'HH:mm:ss.SSS",
  date_hour_minute_second_fraction: "yyyy-MM-dd'T'HH:mm:ss.SSS",
  date_time: "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
  date_time_no_millis: "yyyy-MM-dd'T'HH:mm:ssXXX",
  basic_date: 'yyyyMMdd',
  basic_date_time: "yyyyMMdd'T'HHmmss.SSSXX",
  basic_date_time_no_millis: "yyyyMMdd'T'HHmmssXX",
  hour_minute_second: 'HH:mm:ss',
  hour_minute: 'HH:mm',
  year_month_day: 'yyyy-MM-dd',
  year_month: 'yyyy-MM',
  year: 'yyyy',
};

function namedParser(name: string): TextParser | undefined {
  switch (name) {
    case 'epoch_millis':
      return parseEpochMillis;
    case 'epoch_second':
      return parseEpochSecond;
    case 'strict_date_optional_time':
    case 'date_optional_time':
    case 'strict_date_optional_time_nanos':
    case 'iso8601':
      return ISO;
  }
  const base = name.startsWith('strict_') ? name.slice(7) : name;
  const pattern = NAMED_PATTERNS[base];
  if (pattern === undefined) return undefined;
  const compiled = compileJavaPattern(pattern);
  return compiled.ok ? compiled.parse : undefined;
}

/** The text ES would hand to the date parser for a JSON value, or undefined for non-scalars. */
function valueText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'bigint') return String(value);
  return undefined;
}

/**
 * Compiles an ES date `format` (named formats such as `epoch_millis`, `strict_date_optional_time`,
 * `yyyy-MM-dd`-style Java patterns, and `||`-separated alternatives tried left to right).
 * Never throws: an invalid format comes back as `{ ok: false, error }`.
 */
export function compileDateFormat(format: string = DEFAULT_DATE_FORMAT): DateFormatResult {
  const parsers: TextParser[] = [];
  for (const part of format.split('||')) {
    const name = part.trim();
    const named = namedParser(name);
    if (named) {
      parsers.push(named);
      continue;
    }
    const compiled = compileJavaPattern(part);
    if (!compiled.ok) return { ok: false, error: `Invalid format: [${format}]: ${compiled.error}` };
    parsers.push(compiled.parse);
  }
  const parse: DateParser = (value) => {
    const text = valueText(value);
    if (text === undefined || text === '') return undefined;
    for (const p of parsers) {
      const ms = p(text);
      if (ms !== undefined) return inRange(ms);
    }
    return undefined;
  };
  return { ok: true, parse };
}

const formatCache = new Map<string, DateFormatResult>();
const defaultParse = (compileDateFormat() as { ok: true; parse: DateParser }).parse;

/**
 * Epoch millis of a timestamp field value under `format` (default
 * `strict_date_optional_time||epoch_millis`). `undefined` when unparseable or the format is
 * invalid. Never throws, never returns NaN.
 */
export function parseTimestamp(value: unknown, format?: string): number | undefined {
  if (format === undefined || format === DEFAULT_DATE_FORMAT) return defaultParse(value);
  let compiled = formatCache.get(format);
  if (compiled === undefined) {
    if (formatCache.size > 256) formatCache.clear();
    compiled = compileDateFormat(format);
    formatCache.set(format, compiled);
  }
  return compiled.ok ? compiled.parse(value) : undefined;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * ISO-8601 UTC with milliseconds, as ES prints dates in results: `1970-01-01T00:00:00.000Z`.
 * Years outside 0000–9999 get a sign (`+10000`, `-0001`), as java.time prints them.
 * Throws RangeError for a non-finite or non-integer input (only parser output is expected here).
 */
export function formatIsoMillis(ms: number): string {
  if (!Number.isSafeInteger(ms)) throw new RangeError(`not an epoch-millisecond value: ${ms}`);
  const days = Math.floor(ms / MS_PER_DAY);
  let rest = ms - days * MS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  const y = year < 0 ? `-${pad(-year, 4)}` : year > 9999 ? `+${year}` : pad(year, 4);
  return `${y}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(milli, 3)}Z`;
}
