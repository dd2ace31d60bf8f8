// Sorted paths and a parent → children index over a set of dotted paths, built once on first use.
// Serves completion (`withPrefix`, `children`) and the "is this an intermediate object" test.

/** Parent path of a dotted path (`''` for a top-level name). */
export function parentOf(path: string): string {
  const i = path.lastIndexOf('.');
  return i < 0 ? '' : path.slice(0, i);
}

/** Index over a fixed set of paths; each structure is built lazily and then reused. Never throws. */
export class PathIndex {
  private sortedPaths: string[] | undefined;
  private childMap: Map<string, string[]> | undefined;
  private prefixes: Set<string> | undefined;

  constructor(private readonly paths: readonly string[]) {}

  /** Every path, sorted by code unit. */
  sorted(): readonly string[] {
    if (!this.sortedPaths) this.sortedPaths = [...this.paths].sort(compareCodeUnits);
    return this.sortedPaths;
  }

  /** True when some path lies strictly under `path` (i.e. `path` is an object with children). */
  hasDescendants(path: string): boolean {
    if (!this.prefixes) {
      // Cheaper than the child index: a lookup miss should not pay for sorting.
      this.prefixes = new Set();
      for (const p of this.paths) {
        for (let i = p.indexOf('.'); i > 0; i = p.indexOf('.', i + 1)) this.prefixes.add(p.slice(0, i));
      }
    }
    return this.prefixes.has(path);
  }

  /** Paths starting with `prefix`, in sorted order. */
  *withPrefix(prefix: string): Iterable<string> {
    const all = this.sorted();
    for (let i = lowerBound(all, prefix); i < all.length && all[i].startsWith(prefix); i++) yield all[i];
  }

  /** Immediate children of `parent` as full paths, sorted; includes intermediate objects nobody declared. */
  children(parent: string): string[] {
    return this.childIndex().get(parent) ?? [];
  }

  private childIndex(): Map<string, string[]> {
    if (this.childMap) return this.childMap;
    const sets = new Map<string, Set<string>>();
    for (const path of this.sorted()) {
      // Register the path and each missing ancestor under its parent; stop at the first ancestor already known.
      let child = path;
      while (true) {
        const parent = parentOf(child);
        let set = sets.get(parent);
        if (!set) sets.set(parent, (set = new Set()));
        if (set.has(child)) break;
        set.add(child);
        if (parent === '') break;
        child = parent;
      }
    }
    this.childMap = new Map([...sets].map(([k, v]) => [k, [...v].sort(compareCodeUnits)]));
    return this.childMap;
  }
}

/** Plain code-unit order (what `Array.prototype.sort` does without a comparator), as a comparator. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First index whose element is >= `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
