/**
 * Samples: unordered groups of events, one per filter, sharing a join key. As Elasticsearch's sample iterator
 * does, for each key that every filter matched the first `filters + max_samples_per_key - 1` events of each
 * filter (in index order) are kept, and the samples of the key are the first `max_samples_per_key` combinations
 * of distinct events, one per filter, in depth-first order: the first filter's event varies slowest. Later
 * samples of a key may therefore reuse events of earlier ones (a key with two `a` events and one `b` event has
 * two samples, both with that `b`). Samples come out ordered by key (null first, strings in byte order, false
 * before true); the events of a sample are in filter order.
 */
import type { Hit } from './hit.js';
import { compareKeyTuples, type KeyTuple } from './keys.js';

export interface SampleMatch {
  readonly key: KeyTuple;
  readonly hits: readonly Hit[];
}

interface Bucket {
  readonly key: KeyTuple;
  /** Per filter: its first matching events in input order, at most `perStageCap`. */
  readonly perStage: Hit[][];
}

export class SampleEngine {
  private readonly buckets = new Map<string, Bucket>();
  /** Events kept per key and filter: what Elasticsearch's per-filter search for one key asks for. */
  private readonly perStageCap: number;
  private readonly maxSamplesPerKey: number;

  constructor(
    private readonly stageCount: number,
    maxSamplesPerKey: number,
  ) {
    this.maxSamplesPerKey = Math.max(1, maxSamplesPerKey);
    this.perStageCap = stageCount + this.maxSamplesPerKey - 1;
  }

  /** Adds an event (any order) with its keys per filter (undefined: the filter does not match). */
  add(hit: Hit, stageKeys: readonly (readonly KeyTuple[] | undefined)[]): void {
    stageKeys.forEach((keys, stage) => {
      if (!keys) return;
      for (const key of keys) {
        let b = this.buckets.get(key.id);
        if (!b) this.buckets.set(key.id, (b = { key, perStage: Array.from({ length: this.stageCount }, () => []) }));
        keepFirst(b.perStage[stage], hit, this.perStageCap);
      }
    });
  }

  finish(): SampleMatch[] {
    const out: SampleMatch[] = [];
    const buckets = [...this.buckets.values()].sort((a, b) => compareKeyTuples(a.key, b.key));
    for (const b of buckets) {
      if (b.perStage.some((l) => l.length === 0)) continue;
      for (const hits of distinctCombinations(b.perStage, this.maxSamplesPerKey)) out.push({ key: b.key, hits });
    }
    return out;
  }
}

/** Inserts `hit` into `list` (kept in input order) unless `cap` earlier events are already there. */
function keepFirst(list: Hit[], hit: Hit, cap: number): void {
  if (list.length === cap && list[cap - 1].ordinal < hit.ordinal) return;
  let at = list.length;
  while (at > 0 && list[at - 1].ordinal > hit.ordinal) at--;
  if (list[at - 1] === hit) return; // the same event under the same key twice (a repeated multi-value)
  list.splice(at, 0, hit);
  if (list.length > cap) list.pop();
}

/**
 * The first `max` combinations of distinct events, one from each list, in depth-first order (the first list
 * varies slowest). An event that several lists hold fills at most one slot of a combination.
 */
export function distinctCombinations(lists: readonly (readonly Hit[])[], max: number): Hit[][] {
  const found: Hit[][] = [];
  const chosen: Hit[] = [];
  const walk = (stage: number): void => {
    for (const h of lists[stage]) {
      if (found.length >= max) return;
      if (chosen.includes(h)) continue;
      chosen.push(h);
      if (stage === lists.length - 1) found.push([...chosen]);
      else walk(stage + 1);
      chosen.pop();
    }
  };
  if (max > 0 && lists.length > 0) walk(0);
  return found;
}
