import { type CodePointSet, MAX_CODE_POINT } from './code-point-set.js';

/**
 * Splits the code points into the classes an automaton cannot tell apart, so determinized states need one
 * transition per class rather than per code point. Class k covers `starts[k]..starts[k+1]-1`.
 */
export class Alphabet {
  private readonly starts: number[];
  private readonly ascii = new Int32Array(128);

  constructor(sets: Iterable<CodePointSet>) {
    const cuts = new Set<number>([0]);
    for (const set of sets) {
      for (let i = 0; i < set.length; i += 2) {
        cuts.add(set[i]);
        if (set[i + 1] < MAX_CODE_POINT) cuts.add(set[i + 1] + 1);
      }
    }
    this.starts = [...cuts].sort((a, b) => a - b);
    for (let cp = 0; cp < 128; cp++) this.ascii[cp] = this.search(cp);
  }

  get size(): number {
    return this.starts.length;
  }

  classOf(cp: number): number {
    return cp < 128 ? this.ascii[cp] : this.search(cp);
  }

  /** The code points of class `k`, as a set. */
  classSet(k: number): CodePointSet {
    const next = this.starts[k + 1];
    return [this.starts[k], next === undefined ? MAX_CODE_POINT : next - 1];
  }

  /** The classes a set covers, as flattened inclusive `[firstClass, lastClass]` pairs. */
  spans(set: CodePointSet): number[] {
    const out: number[] = [];
    for (let i = 0; i < set.length; i += 2) out.push(this.classOf(set[i]), this.classOf(set[i + 1]));
    return out;
  }

  private search(cp: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= cp) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
