// "Did you mean" for field paths. Paths are bucketed by length once, so a query only scores candidates whose
// length is within the distance bound, and each score stops as soon as the bound is exceeded: ~10k paths answer
// in well under a millisecond.
import { osaDistance } from '../text/edit-distance.js';
import { parentOf } from './path-index.js';


interface Scored {
  p: string;
  d: number;
  sameParent: boolean;
}

/** Candidate paths grouped by length, for bounded nearest-path search. */
export class Suggester {
  private readonly byLength = new Map<number, { path: string; lower: string }[]>();

  constructor(paths: Iterable<string>) {
    for (const path of paths) {
      let bucket = this.byLength.get(path.length);
      if (!bucket) this.byLength.set(path.length, (bucket = []));
      bucket.push({ path, lower: path.toLowerCase() });
    }
  }

  /**
   * Up to `n` paths closest to `path`, best first: smaller distance, then same parent as `path`, then
   * alphabetical. A case-only difference ranks first. Returns [] when nothing is close enough; never throws.
   */
  suggest(path: string, n = 3): string[] {
    if (n <= 0 || path === '') return [];
    const lower = path.toLowerCase();
    const parent = parentOf(path);
    const better = (x: Scored, y: Scored): number => x.d - y.d || Number(y.sameParent) - Number(x.sameParent) || (x.p < y.p ? -1 : 1);
    const best: Scored[] = [];
    // Once n candidates are found, the n-th distance bounds the search: lengths further away cannot beat it.
    let bound = Math.max(1, Math.min(4, Math.floor(path.length / 4)));
    for (let delta = 0; delta <= bound; delta++) {
      for (const len of delta === 0 ? [path.length] : [path.length - delta, path.length + delta]) {
        for (const c of this.byLength.get(len) ?? []) {
          if (c.path === path) continue;
          // Case-only differences score below 1, so `Process.Name` → `process.name` wins.
          const d = c.lower === lower ? 0.5 : osaDistance(path, c.path, Math.floor(bound));
          if (d > bound) continue;
          best.push({ p: c.path, d, sameParent: parentOf(c.path) === parent });
          best.sort(better);
          if (best.length > n) best.pop();
          if (best.length === n) bound = best[n - 1].d;
        }
      }
    }
    return best.map((s) => s.p);
  }
}
