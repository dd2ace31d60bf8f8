import { describe, expect, it } from 'vitest';
import {
  comparatorFor,
  compareScalars,
  compareStringsUtf16,
  compareStringsUtf8,
  scalarEquals,
  toComparable,
  valueKindOf,
  type ValueKind,
} from './compare.js';

/** UTF-8 byte order computed the slow, obviously-correct way. */
function byteOrder(a: string, b: string): number {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return Math.sign(Buffer.compare(x, y));
}

describe('string order', () => {
  const cases: Array<[string, string, number, number]> = [
    // a, b, utf8 sign, utf16 sign
    ['Z', 'a', -1, -1], // ordinal, not case-insensitive
    ['a', 'b', -1, -1],
    ['', 'a', -1, -1],
    ['abc', 'ab', 1, 1],
    ['same', 'same', 0, 0],
    ['é', 'z', 1, 1],
    ['\uFFFD', '😀', -1, 1], // astral vs high BMP: the two orders disagree
    ['\uE000', '\u{10000}', -1, 1],
    ['\uD7FF', '\u{10000}', -1, -1],
    ['😀', '😁', -1, -1],
    ['a😀', 'a\uFFFF', 1, -1],
    ['\u{10FFFF}', '\uFFFF', 1, -1],
  ];
  it.each(cases)('%j vs %j', (a, b, utf8, utf16) => {
    expect(Math.sign(compareStringsUtf8(a, b))).toBe(utf8);
    expect(Math.sign(compareStringsUtf8(b, a))).toBe(utf8 === 0 ? 0 : -utf8);
    expect(byteOrder(a, b)).toBe(utf8);
    expect(Math.sign(compareStringsUtf16(a, b))).toBe(utf16);
  });

  it('agrees with UTF-8 byte order on random strings', () => {
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pool = ['a', 'Z', '0', 'é', '\u00FF', '\u0800', '\uD7FF', '\uE000', '\uFFFD', '\uFFFF', '😀', '\u{10000}', '\u{10FFFF}'];
    const gen = () => Array.from({ length: Math.floor(rnd() * 4) }, () => pool[Math.floor(rnd() * pool.length)]).join('');
    for (let i = 0; i < 2000; i++) {
      const a = gen();
      const b = gen();
      expect(Math.sign(compareStringsUtf8(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(byteOrder(a, b));
    }
  });
});

describe('compareScalars / scalarEquals', () => {
  const cases: Array<[unknown, unknown, number | undefined]> = [
    [1, 2, -1],
    [2, 1.5, 1],
    [1, 1.0, 0],
    [-0, 0, 0],
    [-1, -0.5, -1],
    [2 ** 53, 2 ** 53 + 2, -1],
    [false, true, -1],
    [true, true, 0],
    ['a', 'b', -1],
    ['\uFFFD', '😀', -1],
    [1, '1', undefined], // different kinds: ES refuses, no match at run time
    [true, 1, undefined],
    [null, 1, undefined],
    [undefined, undefined, undefined],
    [NaN, 1, undefined],
    [{}, {}, undefined],
  ];
  it.each(cases)('%j vs %j → %j', (a, b, expected) => {
    const c = compareScalars(a, b);
    expect(c === undefined ? undefined : Math.sign(c)).toBe(expected);
  });

  it('utf16 order is available for script-context comparisons', () => {
    expect(compareScalars('\uFFFD', '😀', 'utf16')).toBe(1);
  });

  const eq: Array<[unknown, unknown, boolean | undefined]> = [
    [1, 1.0, true],
    ['a', 'a', true],
    ['a', 'A', false],
    ['1', 1, false],
    [false, false, true],
    [null, null, undefined],
    [undefined, 'a', undefined],
  ];
  it.each(eq)('%j == %j → %j', (a, b, expected) => {
    expect(scalarEquals(a, b)).toBe(expected);
  });
});

describe('toComparable by field kind', () => {
  const cases: Array<[ValueKind, unknown, unknown]> = [
    ['keyword', 'abc', 'abc'],
    ['keyword', 42, '42'],
    ['keyword', true, 'true'],
    ['keyword', null, undefined],
    ['keyword', {}, undefined],
    ['integer', 42, 42],
    ['integer', '42', 42], // ES coerces numeric strings
    ['integer', 1.7, 1], // and truncates for integer types
    ['integer', -1.7, -1],
    ['number', '1.5', 1.5],
    ['number', ' 2 ', 2],
    ['number', '1e3', 1000],
    ['number', 'abc', undefined],
    ['number', '', undefined],
    ['number', true, undefined],
    ['boolean', true, true],
    ['boolean', 'false', false],
    ['boolean', 'yes', undefined],
    ['date', '1970-01-01T00:00:00.010Z', 10],
    ['date', '10', 10],
    ['date', 'garbage', undefined],
    ['ip', '::ffff:10.0.0.1', '\0\0\0\0\0\uffff\u0a00\u0001'],
    ['ip', 'nope', undefined],
    ['ip', 167772161, undefined],
    ['version', 'bad', 'bad'],
  ];
  it.each(cases)('%s %j → %j', (kind, value, expected) => {
    expect(toComparable(value, kind)).toEqual(expected);
  });

  it('dates honour the mapping format', () => {
    expect(toComparable('17-12-2022', 'date', 'dd-MM-yyyy')).toBe(Date.UTC(2022, 11, 17));
    expect(toComparable('2022-12-17', 'date', 'dd-MM-yyyy')).toBeUndefined();
  });

  const orders: Array<[ValueKind, unknown[]]> = [
    ['keyword', ['GTA', 'Z', 'doom', 'é', '\uFFFD', '😀']],
    ['integer', [-5, '0', 3, '10']],
    ['boolean', [false, true]],
    ['date', ['1969-12-31T23:59:59.999Z', '0', '1970-01-01T00:00:00.001Z', '1970-01-02']],
    ['ip', ['::1', '10.0.0.2', '::ffff:10.0.0.3', '192.168.0.1', '2001:db8::1']],
    ['version', ['1.2.4-SNAPSHOT', '1.2.4', '1.5.0', '1.11.3', 'bad']],
  ];
  it.each(orders)('%s values sort in ES order', (kind, list) => {
    const cmp = comparatorFor(kind);
    const keys = list.map((v) => toComparable(v, kind) as string | number | boolean);
    for (let i = 1; i < keys.length; i++) expect(cmp(keys[i - 1], keys[i]), `${String(list[i - 1])} < ${String(list[i])}`).toBeLessThan(0);
  });

  it('maps ES field types to kinds', () => {
    expect(valueKindOf('keyword')).toBe('keyword');
    expect(valueKindOf('wildcard')).toBe('keyword');
    expect(valueKindOf('long')).toBe('integer');
    expect(valueKindOf('float')).toBe('number');
    expect(valueKindOf('date')).toBe('date');
    expect(valueKindOf('ip')).toBe('ip');
    expect(valueKindOf('version')).toBe('version');
    expect(valueKindOf('object')).toBeUndefined();
  });
});
