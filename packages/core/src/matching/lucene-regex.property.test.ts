import { describe, expect, it } from 'vitest';
import { compileLuceneRegex } from './lucene-regex.js';
import { randomString, seededRandom } from '../../testing/random.js';

/**
 * Random patterns written twice, in Lucene syntax and as the equivalent JavaScript RegExp, checked three ways:
 * re2js against our automaton (both cases), and both against JavaScript's own engine (case-sensitive).
 */

type Pair = [lucene: string, js: string];

function generator(rand: () => number): (depth: number) => Pair {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const atoms: Pair[] = [
    ['a', 'a'],
    ['b', 'b'],
    ['A', 'A'],
    ['😀', '😀'],
    ['.', '[^]'],
    ['[ab]', '[ab]'],
    ['[^a]', '[^a]'],
    ['[a-b]', '[a-b]'],
    ['\\d', '[0-9]'],
    ['\\W', '[^0-9A-Z_a-z]'],
    ['"a."', 'a\\.'],
    ['@', '[^]*'],
    ['#', '(?!)'],
    ['()', '(?:)'],
    ['<0-12>', '(?:0*(?:[0-9]|1[0-2]))'],
  ];
  const gen = (depth: number): Pair => {
    const r = rand();
    if (depth <= 0 || r < 0.3) return pick(atoms);
    if (r < 0.5) {
      const [l1, j1] = gen(depth - 1);
      const [l2, j2] = gen(depth - 1);
      return [`(${l1}|${l2})`, `(?:${j1}|${j2})`];
    }
    if (r < 0.75) {
      const parts = [gen(depth - 1), gen(depth - 1)];
      return [parts.map((p) => p[0]).join(''), parts.map((p) => p[1]).join('')];
    }
    const [l, j] = gen(depth - 1);
    const [lq, jq] = pick<Pair>([
      ['*', '*'],
      ['+', '+'],
      ['?', '?'],
      ['{2}', '{2}'],
      ['{0,2}', '{0,2}'],
      ['{1,}', '{1,}'],
      ['{2,1}', '{2,1}'],
    ]);
    if (lq === '{2,1}') return [`(${l}){2,1}`, '(?!)'];
    return [`(${l})${lq}`, `(?:${j})${jq}`];
  };
  return gen;
}

describe('compileLuceneRegex: random patterns', () => {
  it('agrees across re2js, the automaton and JavaScript', () => {
    const rand = seededRandom(2024);
    const gen = generator(rand);
    let matched = 0;
    for (let i = 0; i < 400; i++) {
      const [lucene, js] = gen(4);
      const reference = new RegExp(`^(?:${js})$`, 'u');
      for (const ci of [false, true]) {
        const re2 = compileLuceneRegex(lucene, ci);
        const automaton = compileLuceneRegex(lucene, ci, { engine: 'automaton' });
        if (!re2.ok || !automaton.ok) throw new Error(`${lucene} did not compile`);
        for (let k = 0; k < 15; k++) {
          const value = randomString(rand, ['a', 'b', 'A', '0', '1', '😀', '.', '\n'], 6);
          const expected = re2.test(value);
          expect(automaton.test(value), `${lucene} ~ ${JSON.stringify(value)} (ci ${ci})`).toBe(expected);
          if (!ci) expect(expected, `${lucene} vs ${js} on ${JSON.stringify(value)}`).toBe(reference.test(value));
          if (expected) matched++;
        }
      }
    }
    expect(matched).toBeGreaterThan(500); // the values must actually exercise matches
  });

  it('treats a ~b as the complement: exactly one of them matches', () => {
    const rand = seededRandom(99);
    const gen = generator(rand);
    for (let i = 0; i < 150; i++) {
      const [lucene] = gen(3);
      const plain = compileLuceneRegex(lucene, false);
      const negated = compileLuceneRegex(`~(${lucene})`, false);
      const both = compileLuceneRegex(`(${lucene})&~(${lucene})`, false);
      if (!plain.ok || !negated.ok || !both.ok) throw new Error(`${lucene} did not compile`);
      for (let k = 0; k < 10; k++) {
        const value = randomString(rand, ['a', 'b', '0', '😀'], 5);
        expect(negated.test(value), `~(${lucene}) ~ ${value}`).toBe(!plain.test(value));
        expect(both.test(value)).toBe(false);
      }
    }
  });
});
