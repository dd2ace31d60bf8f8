import { describe, expect, it } from 'vitest';
import { lazyDfaMatcher } from './lazy-dfa.js';
import { StateBudget } from './nfa.js';
import { parseLuceneRegex } from './regex-parse.js';
import { regexToNfa } from './regex-to-nfa.js';
import { randomString, seededRandom } from '../../testing/random.js';

function nfaFor(pattern: string) {
  const parsed = parseLuceneRegex(pattern);
  if (!parsed.ok) throw new Error(parsed.message);
  return regexToNfa(parsed.ast, false, new StateBudget(100_000));
}

describe('lazyDfaMatcher', () => {
  it('gives the same answers when its cache keeps overflowing', () => {
    // `.*a.{8}` needs 2^9 deterministic states: far more than a 40-cell cache holds.
    const nfa = nfaFor('.*a.{8}');
    const roomy = lazyDfaMatcher(nfa);
    const cramped = lazyDfaMatcher(nfa, 40);
    const rand = seededRandom(5);
    let hits = 0;
    for (let i = 0; i < 3000; i++) {
      const value = randomString(rand, ['a', 'b'], 30);
      const expected = /^[^]*a[^]{8}$/.test(value);
      expect(roomy(value)).toBe(expected);
      expect(cramped(value)).toBe(expected);
      if (expected) hits++;
    }
    expect(hits).toBeGreaterThan(100);
  });

  it('reads surrogate pairs as one character and lone surrogates as characters', () => {
    const test = lazyDfaMatcher(nfaFor('.x.'));
    expect(test('😀x😀')).toBe(true);
    expect(test('\ud83dx\ude00')).toBe(true);
    expect(test('\ud83d\ude00x')).toBe(false);
  });
});
