/**
 * Samples: unordered groups of events, one per filter, sharing a join key. For each key that every filter
 * matched, Elasticsearch fetches a few events per filter (in index order) and picks distinct events, one per
 * filter, by backtracking; up to `max_samples_per_key` samples per key. Samples come out ordered by key
 * (null first, strings in byte order, false before true); the events of a sample are in filter order.
 */
import type { Hit } from './hit.js';
import { compareKeyTuples, type KeyTuple } from './keys.js';

export interface SampleMatch {
  readonly key: KeyTuple;
  readonly hits: readonly Hit[];
}

interface Bucket {
  readonly key: KeyTuple;
  readonly perStage: Hit[][];
}

export class SampleEngine {
  private readonly buckets = new Map<string, Bucket>();
  /** Events kept per key and filter, as Elasticsearch's per-filter searches fetch. */
  private readonly perStageCap: number;

  constructor(
    private readonly stageCount: number,
    private readonly maxSamplesPerKey: number,
  ) {
    this.perStageCap = stageCount * Math.max(1, maxSamplesPerKey);
  }

  /** Adds an event (any order) with its keys per filter (undefined: the filter does not match). */
  add(hit: Hit, stageKeys: readonly (readonly KeyTuple[] | undefined)[]): void {
    stageKeys.forEach((keys, stage) => {
      if (!keys) return;
      for (const key of keys) {
        let b = this.buckets.get(key.id);
        if (!b) this.buckets.set(key.id, (b = { key, perStage: Array.from({ length: this.stageCount }, () => []) }));
        const list = b.perStage[stage];
        if (list.length < this.perStageCap) list.push(hit);
      }
    });
  }

  finish(): SampleMatch[] {
    const out: SampleMatch[] = [];
    const buckets = [...this.buckets.values()].sort((a, b) => compareKeyTuples(a.key, b.key));
    for (const b of buckets) {
      if (b.perStage.some((l) => l.length === 0)) continue;
      const lists = b.perStage.map((l) => [...l].sort((x, y) => x.ordinal - y.ordinal));
      for (let n = 0; n < this.maxSamplesPerKey; n++) {
        const picked = pickDistinct(lists);
        if (!picked) break;
        out.push({ key: b.key, hits: picked });
        // The next sample of this key uses other events.
        const used = new Set(picked);
        for (let i = 0; i < lists.length; i++) lists[i] = lists[i].filter((h) => !used.has(h));
      }
    }
    return out;
  }
}

/** One distinct event per list, the first combination in list order (depth-first), or undefined. */
export function pickDistinct(lists: readonly (readonly Hit[])[]): Hit[] | undefined {
  const chosen: Hit[] = [];
  const search = (stage: number): boolean => {
    if (stage === lists.length) return true;
    for (const h of lists[stage]) {
      if (chosen.includes(h)) continue;
      chosen.push(h);
      if (search(stage + 1)) return true;
      chosen.pop();
    }
    return false;
  };
  return search(0) ? chosen : undefined;
}
