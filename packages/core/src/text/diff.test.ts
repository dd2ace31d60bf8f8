import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/random.js';
import { commonPairs } from './diff.js';

/** The length of a longest common subsequence, by dynamic programming (the reference). */
function lcsLength(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(row[j], row[j - 1]);
      diag = up;
    }
  }
  return row[b.length];
}

describe('commonPairs', () => {
  it('finds a longest common subsequence of increasing, matching pairs', () => {
    const rand = seededRandom(3);
    for (let n = 0; n < 500; n++) {
      const word = () => Array.from({ length: Math.floor(rand() * 12) }, () => 'abc'[Math.floor(rand() * 3)]).join('');
      const a = word();
      const b = word();
      const pairs = commonPairs([...a], [...b])!;
      expect(pairs.length).toBe(lcsLength(a, b));
      pairs.forEach(([i, j], at) => {
        expect(a[i]).toBe(b[j]);
        if (at) expect(i > pairs[at - 1][0] && j > pairs[at - 1][1]).toBe(true);
      });
    }
  });

  it('gives up beyond the edit budget', () => {
    expect(commonPairs([...'aaaa'], [...'bbbb'], 3)).toBeUndefined();
    expect(commonPairs([...'aaaa'], [...'bbbb'], 8)).toEqual([]);
    expect(commonPairs([], [])).toEqual([]);
  });
});
