/**
 * Field access on JSON events with Elasticsearch's view of `_source`:
 *
 * - nested objects and dotted keys are the same field, mixed too: `{"process":{"name":"a"}}`,
 *   `{"process.name":"a"}` and `{"process":{"parent.name":"b"}}` all answer `process.name` /
 *   `process.parent.name`;
 * - when several spellings are present in one event (`{"a.b":1,"a":{"b":2}}`) ES indexes all of
 *   them into the one field, so the field is multi-valued; values come longest key first;
 * - arrays along the path flatten (`{"a":[{"b":1},{"b":2}]}` → `a.b` is `[1, 2]`);
 * - doc values hold no nulls: `values`/`some` drop `null` (or substitute the mapping's
 *   `null_value`), while `get` keeps the raw `null` so "explicit null" and "missing" stay apart.
 *
 * Paths are compiled once into an accessor (this is the evaluator's hot path): every candidate key
 * is precomputed, and reading a scalar allocates nothing.
 */

/** One step of a field path: a name (joinable with neighbouring names into dotted keys) or an array index. */
export type PathSegment = { readonly name: string } | { readonly index: number };

export interface FieldAccessorOptions {
  /**
   * The mapping's `null_value`: an explicit JSON `null` (also inside arrays) is read as this
   * value by `values`/`some`, as ES indexes it. A missing field stays missing.
   */
  readonly nullValue?: unknown;
}

export interface FieldAccessor {
  /** The path as written (`a.b`, `a[0].b`). */
  readonly path: string;
  /**
   * The raw value: `undefined` when no spelling of the path exists, the value itself (which may
   * be `null`, an array or an object) when exactly one location holds it, and a fresh flat array
   * of leaf values (nested arrays flattened, nulls kept) when the path crossed an array of objects
   * or several spellings matched. Never throws.
   */
  get(event: unknown): unknown;
  /** Flattened leaf values in document order; nulls dropped (or `nullValue`), objects dropped. Never throws. */
  values(event: unknown): unknown[];
  /** True when some leaf value (as listed by `values`) satisfies `pred`; stops at the first hit, allocates nothing itself. */
  some(event: unknown, pred: (value: unknown) => boolean): boolean;
}

/** Splits a dotted path into name segments (`"a.b"` → `[{name:"a"},{name:"b"}]`); no bracket syntax. */
export function parseFieldPath(path: string): PathSegment[] {
  return path.split('.').map((name) => ({ name }));
}

/** Renders segments back to the EQL spelling: `a.b[0].c`. */
export function formatFieldPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if ('index' in s) out += `[${s.index}]`;
    else out += out === '' ? s.name : `.${s.name}`;
  }
  return out;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Candidate keys at one name position: every dotted join of the following names, longest first. */
interface Step {
  readonly isIndex: boolean;
  /** For index steps: 0-based, negative counts from the end. */
  readonly index: number;
  readonly keys: readonly string[];
  /** Segment position after consuming `keys[k]`. */
  readonly next: readonly number[];
  /** `keys[k]` also names something on Object.prototype, so a hit needs an own-property check. */
  readonly guard: readonly boolean[];
}

function compileSteps(segs: readonly PathSegment[]): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    if ('index' in s) {
      steps.push({ isIndex: true, index: s.index, keys: [], next: [], guard: [] });
      continue;
    }
    let end = i;
    while (end < segs.length && !('index' in segs[end])) end++;
    const keys: string[] = [];
    const next: number[] = [];
    const guard: boolean[] = [];
    for (let j = end - 1; j >= i; j--) {
      const key = segs
        .slice(i, j + 1)
        .map((x) => (x as { name: string }).name)
        .join('.');
      keys.push(key);
      next.push(j + 1);
      guard.push(key in Object.prototype);
    }
    steps.push({ isIndex: false, index: 0, keys, next, guard });
  }
  return steps;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Appends `v` to `out`, flattening nested arrays (ES treats `[[1],[2]]` as `[1,2]`). */
function pushFlat(out: unknown[], v: unknown): void {
  if (Array.isArray(v)) for (const x of v) pushFlat(out, x);
  else out.push(v);
}

/** Merges two `get` results into one flat multi-value list. */
function merge(a: unknown, b: unknown): unknown[] {
  const out: unknown[] = [];
  pushFlat(out, a);
  pushFlat(out, b);
  return out;
}

/**
 * Compiles a path once; reuse the accessor for every event. Accepts a dotted string or parsed
 * segments (needed for index steps `a[0].b`: index 0 is the first element, -1 the last).
 */
export function compileFieldAccessor(path: string | readonly PathSegment[], options: FieldAccessorOptions = {}): FieldAccessor {
  const segs = typeof path === 'string' ? parseFieldPath(path) : path;
  const steps = compileSteps(segs);
  const n = steps.length;
  const hasNullValue = options.nullValue !== undefined && options.nullValue !== null;
  const nullValue = options.nullValue;

  function getAt(node: unknown, si: number): unknown {
    if (si === n) return node;
    const step = steps[si];
    if (Array.isArray(node)) {
      // ES flattens arrays of objects: collect the rest of the path from every element.
      let out: unknown[] | undefined;
      for (const el of node) {
        const r = Array.isArray(el) || isObject(el) ? getAt(el, si) : undefined;
        if (r === undefined) continue;
        if (out === undefined) out = [];
        pushFlat(out, r);
      }
      return out;
    }
    if (!isObject(node)) return undefined;
    const keys = step.keys; // name steps only: paths with index steps use getWithIndex
    let result: unknown = undefined;
    for (let k = 0; k < keys.length; k++) {
      const v = node[keys[k]];
      if (v === undefined || (step.guard[k] && !hasOwn.call(node, keys[k]))) continue;
      const r = getAt(v, step.next[k]);
      if (r === undefined) continue;
      result = result === undefined ? r : merge(result, r);
    }
    return result;
  }

  /** Index step on an array value (not flattened: `a[0]` addresses the raw JSON array). */
  function atIndex(node: unknown, si: number): unknown {
    if (!Array.isArray(node)) return undefined;
    const idx = steps[si].index;
    const el = node[idx < 0 ? node.length + idx : idx];
    return el;
  }

  /** Visits leaf values; `visit` returns true to stop. Returns true when stopped. */
  function walk(node: unknown, si: number, visit: (v: unknown) => boolean): boolean {
    if (si === n) return visitLeaf(node, visit);
    const step = steps[si];
    if (step.isIndex) {
      const el = atIndex(node, si);
      return el === undefined ? false : walk(el, si + 1, visit);
    }
    if (Array.isArray(node)) {
      for (const el of node) if ((Array.isArray(el) || isObject(el)) && walk(el, si, visit)) return true;
      return false;
    }
    if (!isObject(node)) return false;
    const keys = step.keys;
    for (let k = 0; k < keys.length; k++) {
      const v = node[keys[k]];
      if (v === undefined || (step.guard[k] && !hasOwn.call(node, keys[k]))) continue;
      if (walk(v, step.next[k], visit)) return true;
    }
    return false;
  }

  function visitLeaf(v: unknown, visit: (v: unknown) => boolean): boolean {
    if (v === null) return hasNullValue ? visit(nullValue) : false;
    if (Array.isArray(v)) {
      for (const x of v) if (visitLeaf(x, visit)) return true;
      return false;
    }
    if (typeof v === 'object' || v === undefined) return false; // objects are not leaf values
    return visit(v);
  }

  // `get` with index steps: resolve step by step (index steps break dotted-key joining anyway).
  function getWithIndex(node: unknown, si: number): unknown {
    if (si === n) return node;
    if (steps[si].isIndex) {
      const el = Array.isArray(node) ? atIndex(node, si) : undefined;
      return el === undefined ? undefined : getWithIndex(el, si + 1);
    }
    // Resolve the name run up to the next index step, then continue from each hit.
    const hits: unknown[] = [];
    collectRun(node, si, hits);
    let result: unknown = undefined;
    for (let h = 0; h < hits.length; h += 2) {
      const r = getWithIndex(hits[h], hits[h + 1] as number);
      if (r === undefined) continue;
      result = result === undefined ? r : merge(result, r);
    }
    return result;
  }

  /** For a name run starting at `si`, pushes (value, nextSegment) pairs for each location reached. */
  function collectRun(node: unknown, si: number, out: unknown[]): void {
    if (si === n || steps[si].isIndex) {
      out.push(node, si);
      return;
    }
    if (Array.isArray(node)) {
      for (const el of node) if (Array.isArray(el) || isObject(el)) collectRun(el, si, out);
      return;
    }
    if (!isObject(node)) return;
    const step = steps[si];
    for (let k = 0; k < step.keys.length; k++) {
      const v = node[step.keys[k]];
      if (v === undefined || (step.guard[k] && !hasOwn.call(node, step.keys[k]))) continue;
      collectRun(v, step.next[k], out);
    }
  }

  const hasIndex = steps.some((s) => s.isIndex);
  const pathText = typeof path === 'string' ? path : formatFieldPath(path);

  return {
    path: pathText,
    get: hasIndex ? (event) => getWithIndex(event, 0) : (event) => (isObject(event) && !Array.isArray(event) ? getAt(event, 0) : undefined),
    values(event) {
      const out: unknown[] = [];
      if (isObject(event) && !Array.isArray(event))
        walk(event, 0, (v) => {
          out.push(v);
          return false;
        });
      return out;
    },
    some(event, pred) {
      return isObject(event) && !Array.isArray(event) && walk(event, 0, pred);
    },
  };
}

// A small cache so the convenience functions below stay cheap when called with repeated paths.
const cache = new Map<string, FieldAccessor>();
const CACHE_LIMIT = 1024;

function cached(path: string): FieldAccessor {
  let acc = cache.get(path);
  if (acc === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    acc = compileFieldAccessor(path);
    cache.set(path, acc);
  }
  return acc;
}

/** `compileFieldAccessor(path).get(event)` with a compiled-path cache. Never throws; `undefined` when missing. */
export function getField(event: unknown, path: string): unknown {
  return cached(path).get(event);
}

/** `compileFieldAccessor(path).values(event)` with a compiled-path cache: flattened leaf values, nulls dropped. */
export function getFieldValues(event: unknown, path: string): unknown[] {
  return cached(path).values(event);
}
