/**
 * Time-zone designators as `java.time.ZoneId.of` / Elasticsearch accept them in date strings:
 * `Z`, numeric offsets (`+01`, `+0100`, `+01:00`, `+01:00:30`), `UTC`/`GMT`/`UT` with an optional
 * offset, and IANA region ids (`Europe/Paris`, resolved through `Intl`, like Java's
 * `ZonedDateTime.ofLocal`: earlier offset in an overlap, shifted forward in a gap).
 */

import { daysFromCivil } from './civil-time.js';

/** A resolved zone: a fixed offset in seconds, or a region whose offset depends on the instant. */
export type Zone = { readonly fixed: number } | { readonly region: string };

const MAX_OFFSET_SECONDS = 18 * 3600;

function twoDigits(s: string, at: number): number {
  if (at + 2 > s.length) return -1;
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Parses a signed numeric offset occupying all of `s` from `pos`: `±HH`, `±HHMM`, `±HH:MM`,
 * `±HHMMSS`, `±HH:MM:SS` (colons used consistently). Returns seconds, or undefined.
 */
export function parseNumericOffset(s: string, pos: number): number | undefined {
  const sign = s[pos];
  if (sign !== '+' && sign !== '-') return undefined;
  let p = pos + 1;
  const h = twoDigits(s, p);
  if (h < 0) return undefined;
  p += 2;
  let m = 0;
  let sec = 0;
  if (p < s.length) {
    const colon = s[p] === ':';
    if (colon) p++;
    m = twoDigits(s, p);
    if (m < 0) return undefined;
    p += 2;
    if (p < s.length) {
      if ((s[p] === ':') !== colon) return undefined;
      if (colon) p++;
      sec = twoDigits(s, p);
      if (sec < 0) return undefined;
      p += 2;
      if (p !== s.length) return undefined;
    }
  }
  const total = h * 3600 + m * 60 + sec;
  if (total > MAX_OFFSET_SECONDS) return undefined;
  return sign === '-' ? -total : total;
}

/** Java `ZoneOffset.of` after a `UTC`/`GMT`/`UT` prefix: also allows a one-digit hour (`GMT+1`). */
function parsePrefixedOffset(s: string): number | undefined {
  if (/^[+-]\d$/.test(s)) return (s[0] === '-' ? -1 : 1) * Number(s[1]) * 3600;
  return parseNumericOffset(s, 0);
}

const regionCache = new Map<string, Intl.DateTimeFormat | null>();

function regionFormatter(id: string): Intl.DateTimeFormat | null {
  let f = regionCache.get(id);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: id,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null; // RangeError: unknown time zone
    }
    regionCache.set(id, f);
  }
  return f;
}

/**
 * Parses the zone designator that fills `s` from `pos` to the end. Never throws.
 */
export function parseZone(s: string, pos: number): Zone | undefined {
  const c = s[pos];
  if (c === 'Z' && pos + 1 === s.length) return { fixed: 0 };
  if (c === '+' || c === '-') {
    const off = parseNumericOffset(s, pos);
    return off === undefined ? undefined : { fixed: off };
  }
  const id = s.slice(pos);
  const prefix = /^(UTC|GMT|UT)(.*)$/.exec(id);
  if (prefix) {
    if (prefix[2] === '') return { fixed: 0 };
    const off = parsePrefixedOffset(prefix[2]);
    return off === undefined ? undefined : { fixed: off };
  }
  // Java region-id syntax; the zone must also be known to the runtime's tz database.
  if (!/^[A-Za-z][A-Za-z0-9~/._+-]+$/.test(id)) return undefined;
  return regionFormatter(id) ? { region: id } : undefined;
}

/** Offset (seconds) of a region at a UTC instant. */
function regionOffsetAt(f: Intl.DateTimeFormat, utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  let year = 0;
  let bc = false;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of f.formatToParts(new Date(whole))) {
    switch (part.type) {
      case 'era':
        bc = part.value === 'BC';
        break;
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value);
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
    }
  }
  if (bc) year = 1 - year;
  const local = daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000;
  return Math.round((local - whole) / 1000);
}

/**
 * Converts a local date-time (given as milliseconds as if it were UTC) in `zone` to a UTC instant.
 */
export function localToUtc(localMs: number, zone: Zone): number | undefined {
  if ('fixed' in zone) return localMs - zone.fixed * 1000;
  const f = regionFormatter(zone.region);
  if (!f) return undefined;
  const before = regionOffsetAt(f, localMs - 86_400_000);
  const after = regionOffsetAt(f, localMs + 86_400_000);
  const tBefore = localMs - before * 1000;
  if (before === after) return tBefore;
  const tAfter = localMs - after * 1000;
  const validBefore = regionOffsetAt(f, tBefore) === before;
  const validAfter = regionOffsetAt(f, tAfter) === after;
  // Overlap: Java keeps the earlier offset. Gap: Java moves forward by the gap, which is tBefore.
  return validAfter && !validBefore ? tAfter : tBefore;
}
