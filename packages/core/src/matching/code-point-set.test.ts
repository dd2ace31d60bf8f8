import { describe, expect, it } from 'vitest';
import {
  complementSet,
  intersectSets,
  MAX_CODE_POINT,
  setContains,
  setFromCodePoints,
  setFromRanges,
  unionSets,
} from './code-point-set.js';

describe('code point sets', () => {
  it.each([
    [[5, 9, 1, 3], [1, 3, 5, 9]],
    [[1, 3, 4, 6], [1, 6]], // adjacent ranges merge
    [[1, 10, 2, 3], [1, 10]],
    [[5, 4], []], // empty range dropped
    [[], []],
  ])('normalises %j', (pairs, expected) => {
    expect(setFromRanges(pairs)).toEqual(expected);
  });

  it('builds, combines and queries sets', () => {
    const abc = setFromCodePoints([0x63, 0x61, 0x62, 0x78]);
    expect(abc).toEqual([0x61, 0x63, 0x78, 0x78]);
    expect(complementSet(abc)).toEqual([0, 0x60, 0x64, 0x77, 0x79, MAX_CODE_POINT]);
    expect(complementSet([])).toEqual([0, MAX_CODE_POINT]);
    expect(complementSet([0, MAX_CODE_POINT])).toEqual([]);
    expect(intersectSets([0, 10, 20, 30], [5, 25])).toEqual([5, 10, 20, 25]);
    expect(unionSets([[0, 1], [2, 3], [10, 10]])).toEqual([0, 3, 10, 10]);
    expect(setContains(abc, 0x62)).toBe(true);
    expect(setContains(abc, 0x64)).toBe(false);
    expect(setContains(abc, 0x78)).toBe(true);
    expect(setContains([], 0)).toBe(false);
  });
});
