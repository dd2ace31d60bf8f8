import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil } from './civil-time.js';
import { compileDateFormat, formatIsoMillis, parseTimestamp } from './timestamps.js';

const iso = (s: string) => Date.parse(s);

describe('default format strict_date_optional_time||epoch_millis', () => {
  const cases: Array<[unknown, number | undefined]> = [
    // ISO date-times
    ['2024-05-06T08:00:00.000Z', iso('2024-05-06T08:00:00.000Z')],
    ['2024-05-06T08:00:00Z', iso('2024-05-06T08:00:00Z')],
    ['2024-05-06T08:00:00', iso('2024-05-06T08:00:00Z')], // no zone = UTC
    ['2024-05-06T08:00', iso('2024-05-06T08:00:00Z')],
    ['2024-05-06T08', iso('2024-05-06T08:00:00Z')],
    ['2024-05-06T', iso('2024-05-06T00:00:00Z')],
    ['2024-05-06', iso('2024-05-06T00:00:00Z')],
    ['2024-05', iso('2024-05-01T00:00:00Z')],
    ['2024', iso('2024-01-01T00:00:00Z')], // a 4-digit string is a year, not millis
    ['1970-01-01T00:00:00.001Z', 1],
    ['1970-01-01T00:00:00.0019Z', 1], // sub-millisecond digits truncate
    ['1970-01-01T00:00:00.123456789Z', 123],
    ['1970-01-01T00:00:00,5Z', 500], // comma separator
    ['1970-01-01T00:00:00.1234567891Z', undefined], // max 9 fraction digits
    ['1970-01-01T00:00:00.Z', undefined],
    ['1970-01-01T01:00:00+01:00', 0],
    ['1970-01-01T01:00:00+0100', 0],
    ['1970-01-01T01:00:00+01', 0],
    ['1969-12-31T23:00:00-01:00', 0],
    ['1970-01-01T01:00+01:00', 0], // zone after minutes
    ['1970-01-01T01+01:00', 0], // zone after hours
    ['1970-01-01T01:00:00.000+01:00', 0],
    ['1970-01-01T00:00:00+01:00:30', -3630_000],
    ['1970-01-01T00:00:00+0100:30', undefined], // colons used inconsistently
    ['1970-01-01T00:00:00+19:00', undefined], // beyond ±18h
    ['1970-01-01T00:00:00UTC', 0],
    ['1970-01-01T01:00:00GMT+01:00', 0],
    ['1970-01-01T00:00:00Europe/Paris', -3600_000],
    ['2024-07-01T12:00:00Europe/Paris', iso('2024-07-01T10:00:00Z')], // summer time
    ['1970-01-01T00:00:00Not/AZone', undefined],
    ['1970-01-01T00:00:00z', undefined],
    ['1970-01-01 00:00:00', undefined], // space instead of T
    ['1970-01-01T24:00:00', undefined],
    ['1970-01-01T23:60:00', undefined],
    ['1970-01-01T23:59:60', undefined], // no leap seconds
    ['2023-02-29', undefined], // strict: no rollover
    ['2024-02-29', iso('2024-02-29T00:00:00Z')],
    ['2024-04-31', undefined],
    ['2024-00-10', undefined],
    ['2024-13-01', undefined],
    ['2024-1-01', undefined],
    ['0000-01-01', iso('0000-01-01T00:00:00Z')],
    ['-0001-01-01', iso('-000001-01-01T00:00:00Z')],
    // epoch_millis alternative
    ['1', 1],
    ['0', 0],
    ['10', 10],
    ['-1', -1],
    ['1601000000000', 1601000000000],
    ['1.5', 1],
    ['-1.5', -2], // floors, as Instant.toEpochMilli
    ['1.1234567', undefined], // at most 6 fraction digits
    ['+1', undefined],
    ['1e3', undefined],
    [' 1', undefined],
    ['', undefined],
    ['abc', undefined],
    ['99999999999999999', undefined], // beyond the JS Date range
    // JSON numbers are read through their text, like ES does
    [0, 0],
    [1714982400000, 1714982400000],
    [131485997150000000, undefined], // raw FILETIME: epoch millis far beyond the supported range
    [2020, iso('2020-01-01T00:00:00Z')], // four digits: a year under the default format
    [1.5, 1],
    [NaN, undefined],
    [Infinity, undefined],
    [null, undefined],
    [undefined, undefined],
    [true, undefined],
    [{}, undefined],
    [['2020-01-01'], undefined],
  ];
  it.each(cases)('%j → %j', (value, expected) => {
    expect(parseTimestamp(value)).toBe(expected);
  });
});

describe('explicit formats', () => {
  const cases: Array<[string, unknown, number | undefined]> = [
    ['dd-MM-yyyy', '12-12-2022', iso('2022-12-12T00:00:00Z')],
    ['dd-MM-yyyy', '2022-12-12', undefined],
    ['dd-MM-yyyy', '32-12-2022', undefined],
    ['dd-MM-yyyy', '1-12-2022', undefined], // dd needs two digits
    ['d-M-yyyy', '1-2-2022', iso('2022-02-01T00:00:00Z')],
    ['yyyy-MM-dd', '2022-12-17', iso('2022-12-17T00:00:00Z')],
    ['yyyy-MM-dd', '2022-12-17T00:00:00Z', undefined],
    ['yyyyMMdd', '20221217', iso('2022-12-17T00:00:00Z')],
    ['yyMMdd', '221217', iso('2022-12-17T00:00:00Z')],
    ['yyyy', '12345', undefined], // more digits than letters need a sign
    ['yyyy', '+12345', iso('+012345-01-01T00:00:00Z')],
    ['uuuu', '-0001', iso('-000001-01-01T00:00:00Z')],
    ['yyyy', '-0001', undefined], // year-of-era starts at 1
    ['yyyy', '0000', undefined],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", '2022-12-17T10:11:12.345+02:00', iso('2022-12-17T08:11:12.345Z')],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", '2022-12-17T10:11:12.345Z', iso('2022-12-17T10:11:12.345Z')],
    ["yyyy-MM-dd'T'HH:mm:ssZ", '2022-12-17T10:11:12+0200', iso('2022-12-17T08:11:12Z')],
    ["yyyy-MM-dd'T'HH:mm:ssx", '2022-12-17T10:11:12Z', undefined], // x has no 'Z' form
    ["yyyy-MM-dd HH:mm:ss VV", '2022-12-17 10:00:00 Europe/Paris', iso('2022-12-17T09:00:00Z')],
    ['dd/MMM/yyyy:HH:mm:ss Z', '17/Dec/2022:10:11:12 +0000', iso('2022-12-17T10:11:12Z')],
    ['dd/MMM/yyyy', '17/dec/2022', undefined], // text is case-sensitive
    ['EEE, dd MMM yyyy', 'Sat, 17 Dec 2022', iso('2022-12-17T00:00:00Z')],
    ['EEE, dd MMM yyyy', 'Mon, 17 Dec 2022', undefined], // wrong weekday: STRICT resolver
    ['MMMM d, yyyy', 'December 7, 2022', iso('2022-12-07T00:00:00Z')],
    ['hh:mm a', '12:30 AM', 30 * 60_000],
    ['hh:mm a', '01:30 PM', 13.5 * 3600_000],
    ['hh:mm a', '13:30 PM', undefined],
    ['HH:mm', '10:30', 10.5 * 3600_000], // no date → 1970-01-01
    ['yyyy-DDD', '2024-060', iso('2024-02-29T00:00:00Z')],
    ['yyyy-DDD', '2023-366', undefined],
    ["yyyy-MM-dd['T'HH:mm]", '2022-12-17', iso('2022-12-17T00:00:00Z')],
    ["yyyy-MM-dd['T'HH:mm]", '2022-12-17T10:00', iso('2022-12-17T10:00:00Z')],
    ["yyyy-MM-dd'T'HH:mm:ss.SSS", '2022-12-17T10:11:12.3', undefined], // SSS = exactly three digits
    ["''yyyy''", "'2022'", iso('2022-01-01T00:00:00Z')],
    ["'at' yyyy", 'at 2022', iso('2022-01-01T00:00:00Z')],
    ["'it''s' yyyy", "it's 2022", iso('2022-01-01T00:00:00Z')],
    ['yyyy.MM', '2022.12', iso('2022-12-01T00:00:00Z')],
    ['yyyy.MM', '2022x12', undefined], // '.' is a literal, not a regex wildcard
    ['G yyyy', 'BC 0001', iso('0000-01-01T00:00:00Z')],
    ['epoch_millis', '1000', 1000],
    ['epoch_millis', '2020', 2020], // no ISO alternative here
    ['epoch_millis', 1000, 1000],
    ['epoch_second', '1', 1000],
    ['epoch_second', '1.5', 1500],
    ['epoch_second', 1.25, 1250],
    ['epoch_second', '-1', -1000],
    ['strict_date_optional_time', '1', undefined],
    ['strict_date_optional_time', '2022-12-17T10:00:00Z', iso('2022-12-17T10:00:00Z')],
    ['strict_date', '2022-12-17', iso('2022-12-17T00:00:00Z')],
    ['date', '2022-12-17T10:00', undefined],
    ['strict_date_time', '2022-12-17T10:11:12.345Z', iso('2022-12-17T10:11:12.345Z')],
    ['basic_date', '20221217', iso('2022-12-17T00:00:00Z')],
    ['dd-MM-yyyy||epoch_millis', '17-12-2022', iso('2022-12-17T00:00:00Z')],
    ['dd-MM-yyyy||epoch_millis', '1671235200000', 1671235200000],
    ['yyyy||epoch_millis', '1671235200000', 1671235200000], // first alternative fails on 13 digits
    ['epoch_millis||yyyy', '2022', 2022], // order matters
  ];
  it.each(cases)('%s: %j → %j', (format, value, expected) => {
    const f = compileDateFormat(format);
    expect(f.ok).toBe(true);
    if (f.ok) expect(f.parse(value)).toBe(expected);
    expect(parseTimestamp(value, format)).toBe(expected);
  });

  const bad: Array<[string, RegExp]> = [
    ['foo_bar', /Unsupported pattern letter: f/],
    ['yyyy-MM-dd||qqq', /Unsupported pattern letter: q/],
    ['ddd', /Too many pattern letters: d/],
    ["yyyy 'unterminated", /incomplete string literal/],
    ['yyyy]', /without previous \[/],
    ['yyyy#', /reserved character/],
    ['V', /count must be 2/],
  ];
  it.each(bad)('invalid format %s is reported, not thrown', (format, message) => {
    const f = compileDateFormat(format);
    expect(f.ok).toBe(false);
    if (!f.ok) expect(f.error).toMatch(message);
    expect(parseTimestamp('2022', format)).toBeUndefined();
  });

  it('daylight-saving gaps and overlaps resolve like java.time', () => {
    const f = compileDateFormat("yyyy-MM-dd'T'HH:mm VV");
    if (!f.ok) throw new Error(f.error);
    // 2024-03-31 02:30 does not exist in Paris: shifted forward by the gap → 03:30 CEST = 01:30Z.
    expect(f.parse('2024-03-31T02:30 Europe/Paris')).toBe(iso('2024-03-31T01:30:00Z'));
    // 2024-10-27 02:30 happens twice: the earlier offset (+02:00) wins → 00:30Z.
    expect(f.parse('2024-10-27T02:30 Europe/Paris')).toBe(iso('2024-10-27T00:30:00Z'));
  });
});

describe('formatIsoMillis', () => {
  const cases: Array<[number, string]> = [
    [0, '1970-01-01T00:00:00.000Z'],
    [1, '1970-01-01T00:00:00.001Z'],
    [-1, '1969-12-31T23:59:59.999Z'],
    [345_600_000, '1970-01-05T00:00:00.000Z'],
    [1714982400123, '2024-05-06T08:00:00.123Z'],
    [Date.UTC(2024, 1, 29, 23, 59, 59, 999), '2024-02-29T23:59:59.999Z'],
    [Date.parse('0000-01-01T00:00:00Z'), '0000-01-01T00:00:00.000Z'],
    [Date.parse('-000001-06-01T00:00:00Z'), '-0001-06-01T00:00:00.000Z'],
    [Date.parse('+010000-01-01T00:00:00Z'), '+10000-01-01T00:00:00.000Z'],
  ];
  it.each(cases)('%d → %s', (ms, text) => {
    expect(formatIsoMillis(ms)).toBe(text);
  });

  it('round-trips through the parser', () => {
    for (const ms of [0, 1, -1, 951_782_400_000, 4_102_444_800_000, -62_135_596_800_000]) {
      expect(parseTimestamp(formatIsoMillis(ms))).toBe(ms);
    }
  });

  it('rejects non-integers', () => {
    expect(() => formatIsoMillis(NaN)).toThrow(RangeError);
    expect(() => formatIsoMillis(1.5)).toThrow(RangeError);
  });
});

describe('civil calendar arithmetic', () => {
  it('matches Date over a wide range of days', () => {
    for (let days = -800_000; days <= 800_000; days += 997) {
      const d = new Date(days * 86_400_000);
      const c = civilFromDays(days);
      expect([c.year, c.month, c.day]).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
      expect(daysFromCivil(c.year, c.month, c.day)).toBe(days);
    }
  });
});
