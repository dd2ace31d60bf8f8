/**
 * Compiles a Java `DateTimeFormatter` pattern (as used in an Elasticsearch `date` mapping's
 * `format`, e.g. `dd-MM-yyyy`) into a strict parser, following ES's choices: `Locale.ROOT`
 * (English names), case-sensitive text, `ResolverStyle.STRICT` (no rollover of invalid dates),
 * missing fields defaulting to 1970-01-01T00:00:00 UTC.
 *
 * Supported letters: G y u D M L d E a h K k H m s S V X x Z, quoted literals, `[...]` optional
 * sections. Other pattern letters report an error (they are valid Java but rare in mappings).
 */

import { daysFromCivil, daysInMonth, isLeapYear, isoDayOfWeek, MS_PER_DAY } from './civil-time.js';
import { localToUtc, parseNumericOffset, parseZone, type Zone } from './time-zones.js';

interface Fields {
  era?: number; // 0 = BC, 1 = AD
  yearOfEra?: number;
  year?: number;
  dayOfYear?: number;
  month?: number;
  day?: number;
  weekday?: number;
  ampm?: number;
  hour?: number;
  hour12?: number; // h: 1-12
  hour0to11?: number; // K
  hour1to24?: number; // k
  minute?: number;
  second?: number;
  nanos?: number;
  zone?: Zone;
}

type Setter = (f: Fields, text: string) => boolean;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export type PatternResult = { ok: true; parse: (text: string) => number | undefined } | { ok: false; error: string };

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function num(set: (f: Fields, v: number) => void): Setter {
  return (f, t) => {
    set(f, Number(t));
    return true;
  };
}

function nameSetter(names: readonly string[], set: (f: Fields, index: number) => void): Setter {
  return (f, t) => {
    const i = names.indexOf(t);
    if (i < 0) return false;
    set(f, i);
    return true;
  };
}

function namesRegex(names: readonly string[]): string {
  return `(${names.map(escapeRegex).join('|')})`;
}

interface Token {
  readonly regex: string;
  readonly setter?: Setter;
}

/** Translates one run of a pattern letter into a regex fragment and a field setter. */
function letterToken(letter: string, count: number): Token | string {
  const tooMany = `Too many pattern letters: ${letter}`;
  switch (letter) {
    case 'G':
      if (count > 5) return tooMany;
      return { regex: count === 4 ? '(Before Christ|Anno Domini)' : count === 5 ? '(B|A)' : '(BC|AD)', setter: (f, t) => ((f.era = t.startsWith('B') ? 0 : 1), true) };
    case 'y':
    case 'u': {
      const set = letter === 'y' ? (f: Fields, v: number) => (f.yearOfEra = v) : (f: Fields, v: number) => (f.year = v);
      if (count === 2) return { regex: '(\\d{2})', setter: num((f, v) => set(f, 2000 + v)) };
      if (count === 1) return { regex: '(\\d{1,9})', setter: num(set) };
      if (count === 3) return { regex: '(\\d{3,9})', setter: num(set) };
      // EXCEEDS_PAD: more digits than letters (or a negative year) need an explicit sign.
      return { regex: `(\\d{${count}}|[+]\\d{${count + 1},9}|-\\d{${count},9})`, setter: num(set) };
    }
    case 'D':
      if (count > 3) return tooMany;
      return { regex: count === 1 ? '(\\d{1,3})' : count === 2 ? '(\\d{2,3})' : '(\\d{3})', setter: num((f, v) => (f.dayOfYear = v)) };
    case 'M':
    case 'L':
      if (count === 1) return { regex: '(\\d{1,2})', setter: num((f, v) => (f.month = v)) };
      if (count === 2) return { regex: '(\\d{2})', setter: num((f, v) => (f.month = v)) };
      if (count === 3) {
        const short = MONTHS.map((m) => m.slice(0, 3));
        return { regex: namesRegex(short), setter: nameSetter(short, (f, i) => (f.month = i + 1)) };
      }
      if (count === 4) return { regex: namesRegex(MONTHS), setter: nameSetter(MONTHS, (f, i) => (f.month = i + 1)) };
      return tooMany;
    case 'd':
    case 'H':
    case 'h':
    case 'K':
    case 'k':
    case 'm':
    case 's': {
      if (count > 2) return tooMany;
      const setters: Record<string, (f: Fields, v: number) => void> = {
        d: (f, v) => (f.day = v),
        H: (f, v) => (f.hour = v),
        h: (f, v) => (f.hour12 = v),
        K: (f, v) => (f.hour0to11 = v),
        k: (f, v) => (f.hour1to24 = v),
        m: (f, v) => (f.minute = v),
        s: (f, v) => (f.second = v),
      };
      return { regex: count === 1 ? '(\\d{1,2})' : '(\\d{2})', setter: num(setters[letter]) };
    }
    case 'E': {
      if (count > 4) return tooMany;
      const names = count === 4 ? DAYS : DAYS.map((d) => d.slice(0, 3));
      return { regex: namesRegex(names), setter: nameSetter(names, (f, i) => (f.weekday = i + 1)) };
    }
    case 'a':
      if (count > 1) return tooMany;
      return { regex: '(AM|PM)', setter: (f, t) => ((f.ampm = t === 'PM' ? 1 : 0), true) };
    case 'S':
      if (count > 9) return tooMany;
      return { regex: `(\\d{${count}})`, setter: (f, t) => ((f.nanos = Number(t.padEnd(9, '0'))), true) };
    case 'V':
      if (count !== 2) return 'Pattern letter count must be 2: V';
      return { regex: '([A-Za-z][A-Za-z0-9~/._+-]*)', setter: zoneSetter };
    case 'X':
    case 'x':
      return offsetToken(letter, count);
    case 'Z':
      if (count <= 3) return { regex: '([+-]\\d{4})', setter: offsetSetter };
      if (count === 4) return { regex: '(GMT(?:[+-]\\d{1,2}(?::\\d{2}(?::\\d{2})?)?)?)', setter: zoneSetter };
      if (count === 5) return { regex: '(Z|[+-]\\d{2}:\\d{2}(?::\\d{2})?)', setter: offsetSetter };
      return tooMany;
    default:
      return `Unsupported pattern letter: ${letter}`;
  }
}

const offsetSetter: Setter = (f, t) => {
  if (t === 'Z') {
    f.zone = { fixed: 0 };
    return true;
  }
  const off = parseNumericOffset(t, 0);
  if (off === undefined) return false;
  f.zone = { fixed: off };
  return true;
};

const zoneSetter: Setter = (f, t) => {
  const z = parseZone(t, 0);
  if (!z) return false;
  f.zone = z;
  return true;
};

function offsetToken(letter: string, count: number): Token | string {
  const forms = ['[+-]\\d{2}(?:\\d{2})?', '[+-]\\d{4}', '[+-]\\d{2}:\\d{2}', '[+-]\\d{4}(?:\\d{2})?', '[+-]\\d{2}:\\d{2}(?::\\d{2})?'];
  if (count > 5) return `Too many pattern letters: ${letter}`;
  const body = forms[count - 1];
  // X prints/parses 'Z' for a zero offset; x uses the numeric form (+00).
  return { regex: letter === 'X' ? `(Z|${body})` : `(${body})`, setter: offsetSetter };
}

const LETTERS = /[A-Za-z]/;

/** Compiles a single Java pattern (no `||`). Never throws. */
export function compileJavaPattern(pattern: string): PatternResult {
  let regex = '';
  const setters: Setter[] = [];
  let depth = 0;
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === "'") {
      // '' is a literal quote, outside or inside a quoted run.
      if (pattern[i + 1] === "'") {
        regex += "'";
        i += 2;
        continue;
      }
      let lit = '';
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) return { ok: false, error: `Pattern ends with an incomplete string literal: ${pattern}` };
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            lit += "'";
            j += 2;
            continue;
          }
          j++;
          break;
        }
        lit += pattern[j++];
      }
      regex += escapeRegex(lit);
      i = j;
      continue;
    }
    if (c === '[') {
      regex += '(?:';
      depth++;
      i++;
      continue;
    }
    if (c === ']') {
      if (depth === 0) return { ok: false, error: `Pattern invalid as it contains ] without previous [: ${pattern}` };
      regex += ')?';
      depth--;
      i++;
      continue;
    }
    if (c === '{' || c === '}' || c === '#') return { ok: false, error: `Pattern includes reserved character: '${c}'` };
    if (LETTERS.test(c)) {
      let j = i;
      while (j < pattern.length && pattern[j] === c) j++;
      const tok = letterToken(c, j - i);
      if (typeof tok === 'string') return { ok: false, error: tok };
      regex += tok.regex;
      if (tok.setter) setters.push(tok.setter);
      i = j;
      continue;
    }
    regex += escapeRegex(c);
    i++;
  }
  regex += ')?'.repeat(depth); // Java closes unterminated optional sections at the end
  const re = new RegExp(`^${regex}$`);
  return {
    ok: true,
    parse(text: string) {
      const m = re.exec(text);
      if (!m) return undefined;
      const f: Fields = {};
      for (let g = 0; g < setters.length; g++) {
        const t = m[g + 1];
        if (t !== undefined && !setters[g](f, t)) return undefined;
      }
      return resolve(f);
    },
  };
}

/** Applies Java's STRICT resolution: every field must be in range and consistent. */
function resolve(f: Fields): number | undefined {
  let year = f.year;
  if (f.yearOfEra !== undefined) {
    if (f.yearOfEra < 1) return undefined; // year-of-era starts at 1
    const y = f.era === 0 ? 1 - f.yearOfEra : f.yearOfEra;
    if (year !== undefined && year !== y) return undefined;
    year = y;
  }
  year ??= 1970;
  let month = f.month ?? 1;
  let day = f.day ?? 1;
  if (f.dayOfYear !== undefined) {
    if (f.dayOfYear < 1 || f.dayOfYear > (isLeapYear(year) ? 366 : 365)) return undefined;
    const d = daysFromCivil(year, 1, 1) + f.dayOfYear - 1;
    const fromDoy = civilMonthDay(year, d);
    if ((f.month !== undefined && f.month !== fromDoy.month) || (f.day !== undefined && f.day !== fromDoy.day)) return undefined;
    month = fromDoy.month;
    day = fromDoy.day;
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const days = daysFromCivil(year, month, day);
  if (f.weekday !== undefined && f.weekday !== isoDayOfWeek(days)) return undefined;

  let hour = f.hour;
  if (f.hour1to24 !== undefined) {
    if (f.hour1to24 < 1 || f.hour1to24 > 24) return undefined;
    const h = f.hour1to24 % 24;
    if (hour !== undefined && hour !== h) return undefined;
    hour = h;
  }
  const pm = f.ampm ?? 0;
  if (f.hour12 !== undefined) {
    if (f.hour12 < 1 || f.hour12 > 12) return undefined;
    hour = (f.hour12 % 12) + pm * 12;
  } else if (f.hour0to11 !== undefined) {
    if (f.hour0to11 > 11) return undefined;
    hour = f.hour0to11 + pm * 12;
  }
  hour ??= 0;
  const minute = f.minute ?? 0;
  const second = f.second ?? 0;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const local = days * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + Math.floor((f.nanos ?? 0) / 1e6);
  return localToUtc(local, f.zone ?? { fixed: 0 });
}

function civilMonthDay(year: number, days: number): { month: number; day: number } {
  let month = 1;
  let rest = days - daysFromCivil(year, 1, 1);
  while (rest >= daysInMonth(year, month)) {
    rest -= daysInMonth(year, month);
    month++;
  }
  return { month, day: rest + 1 };
}
