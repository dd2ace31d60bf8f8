import { describe, expect, it } from 'vitest';
import { compileFieldAccessor, formatFieldPath, getField, getFieldValues, type PathSegment } from './field-access.js';

describe('getField: nested objects and dotted keys are one field', () => {
  const cases: Array<[string, unknown, string, unknown]> = [
    ['nested', { process: { name: 'a' } }, 'process.name', 'a'],
    ['dotted at root', { 'process.name': 'a' }, 'process.name', 'a'],
    ['dotted below a nested object', { process: { 'parent.name': 'b' } }, 'process.parent.name', 'b'],
    ['nested below a dotted key', { 'process.parent': { name: 'b' } }, 'process.parent.name', 'b'],
    ['fully dotted, three levels', { 'a.b.c': 1 }, 'a.b.c', 1],
    ['single segment', { pid: 4 }, 'pid', 4],
    ['@timestamp', { '@timestamp': 5 }, '@timestamp', 5],
    ['missing leaf', { process: { name: 'a' } }, 'process.pid', undefined],
    ['missing root', {}, 'process.name', undefined],
    ['scalar in the middle', { process: 'x' }, 'process.name', undefined],
    ['explicit null is kept', { process: { name: null } }, 'process.name', null],
    ['leaf array returned raw', { tags: ['a', 'b'] }, 'tags', ['a', 'b']],
    ['object leaf returned raw', { process: { name: 'a' } }, 'process', { name: 'a' }],
    ['empty string key segment', { a: { '': 1 } }, 'a.', 1],
    ['false and 0 are values', { a: { b: false, c: 0 } }, 'a.b', false],
    ['Object.prototype names are not fields', {}, 'constructor', undefined],
    ['toString below an object', { a: {} }, 'a.toString', undefined],
    ['__proto__ from JSON.parse is a real key', JSON.parse('{"__proto__":{"x":1}}'), '__proto__.x', 1],
    ['own "constructor" key works', { constructor: 'c' }, 'constructor', 'c'],
  ];
  it.each(cases)('%s', (_name, event, path, expected) => {
    expect(getField(event, path)).toEqual(expected);
  });

  it('dotted and nested spellings in one event both contribute (longest key first)', () => {
    expect(getField({ 'a.b': 1, a: { b: 2 } }, 'a.b')).toEqual([1, 2]);
    expect(getFieldValues({ a: { b: 2 }, 'a.b': 1 }, 'a.b')).toEqual([1, 2]);
    expect(getFieldValues({ 'a.b': { c: 1 }, a: { 'b.c': 2, b: { c: 3 } }, 'a.b.c': 0 }, 'a.b.c')).toEqual([0, 1, 2, 3]);
  });

  it('non-object events have no fields', () => {
    for (const ev of [null, undefined, 42, 'x', [{ a: 1 }]]) {
      expect(getField(ev, 'a')).toBeUndefined();
      expect(getFieldValues(ev, 'a')).toEqual([]);
    }
  });
});

describe('arrays flatten (ES multi-valued fields)', () => {
  const cases: Array<[string, unknown, string, unknown, unknown[]]> = [
    ['array of objects', { a: [{ b: 1 }, { b: 2 }] }, 'a.b', [1, 2], [1, 2]],
    ['array of objects, one lacks the field', { a: [{ b: 1 }, { c: 2 }] }, 'a.b', [1], [1]],
    ['array of objects holding arrays', { a: [{ b: [1, 2] }, { b: 3 }] }, 'a.b', [1, 2, 3], [1, 2, 3]],
    ['nested arrays of objects', { a: [[{ b: 1 }], [{ b: 2 }]] }, 'a.b', [1, 2], [1, 2]],
    ['array of objects with dotted keys', { a: [{ 'b.c': 1 }, { b: { c: 2 } }] }, 'a.b.c', [1, 2], [1, 2]],
    ['leaf nested arrays', { a: [[1], [2, [3]]] }, 'a', [[1], [2, [3]]], [1, 2, 3]],
    ['nulls: kept by get, dropped by values', { a: [1, null, 2] }, 'a', [1, null, 2], [1, 2]],
    ['only nulls', { a: [null] }, 'a', [null], []],
    ['empty array', { a: [] }, 'a', [], []],
    ['null leaf', { a: null }, 'a', null, []],
    ['objects are not leaf values', { a: [{ x: 1 }, 'v'] }, 'a', [{ x: 1 }, 'v'], ['v']],
    ['scalars mixed into an object array are skipped', { a: [1, { b: 2 }] }, 'a.b', [2], [2]],
    ['nothing found under an array', { a: [{ c: 1 }] }, 'a.b', undefined, []],
  ];
  it.each(cases)('%s', (_name, event, path, get, values) => {
    expect(getField(event, path)).toEqual(get);
    expect(getFieldValues(event, path)).toEqual(values);
  });
});

describe('compiled accessor', () => {
  it('some() is any-match over values and stops early', () => {
    const acc = compileFieldAccessor('a.b');
    const seen: unknown[] = [];
    const hit = acc.some({ a: [{ b: 1 }, { b: 2 }, { b: 3 }] }, (v) => {
      seen.push(v);
      return v === 2;
    });
    expect(hit).toBe(true);
    expect(seen).toEqual([1, 2]);
    expect(acc.some({ a: { b: null } }, () => true)).toBe(false);
    expect(acc.some({}, () => true)).toBe(false);
  });

  it('null_value replaces explicit nulls but not missing fields', () => {
    const acc = compileFieldAccessor('f', { nullValue: 'NULL' });
    expect(acc.values({ f: null })).toEqual(['NULL']);
    expect(acc.values({ f: ['a', null] })).toEqual(['a', 'NULL']);
    expect(acc.values({})).toEqual([]);
    expect(acc.get({ f: null })).toBeNull();
    expect(acc.some({ f: null }, (v) => v === 'NULL')).toBe(true);
  });

  it('does not mutate or copy scalar results', () => {
    const leaf = ['x'];
    const ev = { a: { b: leaf } };
    expect(compileFieldAccessor('a.b').get(ev)).toBe(leaf);
  });

  const indexCases: Array<[string, string, PathSegment[], unknown, unknown, unknown[]]> = [
    ['index then name', 'a[0].b', [{ name: 'a' }, { index: 0 }, { name: 'b' }], { a: [{ b: 1 }, { b: 2 }] }, 1, [1]],
    ['index last', 'a[1]', [{ name: 'a' }, { index: 1 }], { a: ['x', 'y'] }, 'y', ['y']],
    ['negative counts from the end', 'a[-1]', [{ name: 'a' }, { index: -1 }], { a: ['x', 'y'] }, 'y', ['y']],
    ['out of range', 'a[5]', [{ name: 'a' }, { index: 5 }], { a: ['x'] }, undefined, []],
    ['index on a scalar', 'a[0]', [{ name: 'a' }, { index: 0 }], { a: 'x' }, undefined, []],
    ['index on an object', 'a[0]', [{ name: 'a' }, { index: 0 }], { a: { 0: 'x' } }, undefined, []],
    ['dotted key before the index', 'a.b[0]', [{ name: 'a' }, { name: 'b' }, { index: 0 }], { 'a.b': [7] }, 7, [7]],
    ['dotted key after the index', 'a[0].b.c', [{ name: 'a' }, { index: 0 }, { name: 'b' }, { name: 'c' }], { a: [{ 'b.c': 3 }] }, 3, [3]],
    ['element is an array of objects', 'a[0].b', [{ name: 'a' }, { index: 0 }, { name: 'b' }], { a: [[{ b: 1 }, { b: 2 }]] }, [1, 2], [1, 2]],
  ];
  it.each(indexCases)('index segments: %s (%s)', (_name, text, segs, event, get, values) => {
    const acc = compileFieldAccessor(segs);
    expect(acc.path).toBe(text);
    expect(formatFieldPath(segs)).toBe(text);
    expect(acc.get(event)).toEqual(get);
    expect(acc.values(event)).toEqual(values);
  });
});
