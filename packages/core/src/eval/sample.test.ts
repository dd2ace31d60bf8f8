import { describe, expect, it } from 'vitest';
import type { Hit } from './hit.js';
import type { KeyTuple } from './keys.js';
import { distinctCombinations, SampleEngine } from './sample.js';

const hits = new Map<number, Hit>();
/** One hit per id (the same id is the same event), its input order being the id. */
const hit = (id: number): Hit => {
  let h = hits.get(id);
  if (!h) hits.set(id, (h = { event: { id }, index: 'i', id: String(id), line: id, ordinal: id, ts: undefined, tiebreaker: undefined }));
  return h;
};
const ids = (combos: readonly (readonly Hit[])[]) => combos.map((c) => c.map((h) => h.ordinal));
const lists = (...groups: number[][]) => groups.map((g) => g.map(hit));
const key = (v: string): KeyTuple => ({ values: [{ value: v, sortable: v }], id: v });

describe('distinctCombinations (how Elasticsearch picks the samples of one key)', () => {
  it('picks one distinct event per filter, first filter varying slowest', () => {
    expect(ids(distinctCombinations(lists([1, 2, 3], [4, 5], [4, 5, 3]), 1))).toEqual([[1, 4, 5]]);
    expect(ids(distinctCombinations(lists([1], [2], [3]), 1))).toEqual([[1, 2, 3]]);
  });

  it('finds nothing when the filters cannot be filled with distinct events', () => {
    expect(distinctCombinations(lists([3], [3], [3]), 1)).toEqual([]);
    expect(distinctCombinations(lists([1], [1], [3]), 5)).toEqual([]);
    expect(distinctCombinations(lists([1], [3], [3]), 5)).toEqual([]);
  });

  it('lists up to max combinations in depth-first order, reusing events across samples', () => {
    const all = [
      [1, 3, 4], [1, 4, 3], [2, 1, 3], [2, 1, 4], [2, 3, 1],
      [2, 3, 4], [2, 4, 1], [2, 4, 3], [3, 1, 4], [3, 4, 1],
    ];
    for (let n = 1; n <= all.length + 1; n++) {
      expect(ids(distinctCombinations(lists([1, 2, 3], [1, 3, 4], [1, 3, 4]), n))).toEqual(all.slice(0, n));
    }
  });
});

describe('SampleEngine', () => {
  it('keeps filters + max - 1 events per filter and key, the earliest in input order', () => {
    const engine = new SampleEngine(2, 3);
    // Filter 0 (a) matches 5, 4, 2, 1 (arriving out of order); filter 1 (b) matches 9. Kept for a: 1, 2, 4.
    for (const id of [5, 4, 9, 2, 1]) engine.add(hit(id), id === 9 ? [undefined, [key('k')]] : [[key('k')], undefined]);
    expect(ids(engine.finish().map((s) => s.hits))).toEqual([[1, 9], [2, 9], [4, 9]]);
  });

  it('gives each key its own samples, keys ascending, and none to a key a filter did not match', () => {
    const engine = new SampleEngine(2, 2);
    engine.add(hit(1), [[key('b')], undefined]);
    engine.add(hit(2), [undefined, [key('b')]]);
    engine.add(hit(3), [[key('a')], [key('a')]]);
    engine.add(hit(4), [[key('a')], undefined]);
    engine.add(hit(5), [[key('c')], undefined]);
    const out = engine.finish();
    // Key a: 3 matches both filters, so it cannot pair with itself; [4, 3] is a's only sample.
    expect(out.map((s) => s.key.id)).toEqual(['a', 'b']);
    expect(ids(out.map((s) => s.hits))).toEqual([[4, 3], [1, 2]]);
  });

  it('with one sample per key, is the first distinct combination', () => {
    const engine = new SampleEngine(2, 1);
    for (const id of [1, 2, 3]) engine.add(hit(id), [[key('k')], [key('k')]]);
    expect(ids(engine.finish().map((s) => s.hits))).toEqual([[1, 2]]);
  });
});
