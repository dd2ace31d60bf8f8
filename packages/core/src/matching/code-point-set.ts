/**
 * Sets of code points as sorted, disjoint, non-adjacent inclusive ranges, flattened: `[lo0, hi0, lo1, hi1, ...]`.
 * The alphabet is 0..0x10FFFF, surrogate code points included (a lone surrogate in a JS string is a character).
 */
export type CodePointSet = readonly number[];

export const MAX_CODE_POINT = 0x10ffff;
export const EMPTY_SET: CodePointSet = [];
export const ALL_CODE_POINTS: CodePointSet = [0, MAX_CODE_POINT];

/** Normalises arbitrary `[lo, hi]` pairs (flattened) into a set. */
export function setFromRanges(pairs: readonly number[]): CodePointSet {
  const list: [number, number][] = [];
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i] <= pairs[i + 1]) list.push([pairs[i], pairs[i + 1]]);
  list.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of list) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last] + 1) out[last] = Math.max(out[last], hi);
    else out.push(lo, hi);
  }
  return out;
}

export function setFromCodePoints(cps: readonly number[]): CodePointSet {
  return setFromRanges(cps.flatMap((c) => [c, c]));
}

export function unionSets(sets: readonly CodePointSet[]): CodePointSet {
  return setFromRanges(sets.flat());
}

export function complementSet(set: CodePointSet): CodePointSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < set.length; i += 2) {
    if (set[i] > next) out.push(next, set[i] - 1);
    next = set[i + 1] + 1;
  }
  if (next <= MAX_CODE_POINT) out.push(next, MAX_CODE_POINT);
  return out;
}

export function intersectSets(a: CodePointSet, b: CodePointSet): CodePointSet {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i], b[j]);
    const hi = Math.min(a[i + 1], b[j + 1]);
    if (lo <= hi) out.push(lo, hi);
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return out;
}

export function setContains(set: CodePointSet, cp: number): boolean {
  let lo = 0;
  let hi = set.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < set[2 * mid]) hi = mid - 1;
    else if (cp > set[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}
