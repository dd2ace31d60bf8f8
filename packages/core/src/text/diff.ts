/**
 * Myers' O(ND) difference algorithm over two sequences: the pairs of positions that stay (a longest common
 * subsequence), for turning "old text → new text" into small edits. Gives up (undefined) beyond `maxEdits`
 * insertions plus deletions, so that callers can fall back to one coarse edit instead of spending quadratic time.
 */
export function commonPairs<T>(a: readonly T[], b: readonly T[], maxEdits = 2000): [number, number][] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m, offset, a, b);
    }
  }
  return undefined;
}

function backtrack<T>(trace: Int32Array[], d: number, n: number, m: number, offset: number, a: readonly T[], b: readonly T[]): [number, number][] {
  const pairs: [number, number][] = [];
  let x = n;
  let y = m;
  for (let step = d; step > 0; step--) {
    const v = trace[step];
    const k = x - y;
    const prevK = k === -step || (k !== step && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) pairs.push([--x, --y]);
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0 && a[x - 1] === b[y - 1]) pairs.push([--x, --y]);
  return pairs.reverse();
}
