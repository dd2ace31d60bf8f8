/**
 * Index-query leaves: a field compared with constants, the way Elasticsearch runs them as term, range,
 * wildcard, regexp, prefix and terms queries. A leaf is true when any indexed value of the field satisfies it
 * (multi-valued fields), and false when the field is missing; `not`/`!=` around a leaf then match missing fields.
 *
 * Values are normalised by the field's kind (keyword, number, date, ip, version, boolean), as the index holds
 * them: a number in a keyword field is its text, `"5"` in a long field is 5, dates are epoch milliseconds.
 */
import type { ComparisonOp } from '../ast/nodes.js';
import type { Scalar } from '../functions/types.js';
import { comparatorFor, toComparable, type ValueKind } from '../values/compare.js';
import { ipInRange, parseCidr, parseIp, type IpRange } from '../values/ip.js';
import { foldCase } from '../matching/case-fold.js';
import { valueKind, type FieldPlan } from './field-plan.js';
import type { Event } from './event.js';

export type Predicate = (ev: Event) => boolean;
type Comparable = string | number | boolean;

/** The indexed (comparable) form of one raw value, or undefined when it is not indexed. */
function indexed(plan: FieldPlan, kind: ValueKind, v: unknown): Comparable | undefined {
  if (kind === 'keyword' && plan.ignoreAbove !== undefined && typeof v === 'string' && v.length > plan.ignoreAbove) return undefined;
  return toComparable(v, kind, plan.dateFormat);
}

/** Normalises a constant for comparison with values of `kind` (integer fields compare with any number). */
function literalFor(kind: ValueKind, lit: Scalar, plan: FieldPlan): Comparable | undefined {
  if (lit === null) return undefined;
  return toComparable(lit, kind === 'integer' ? 'number' : kind, plan.dateFormat);
}

/** Per value kind, a lazily computed normalised literal (dynamic fields see several kinds). */
function literalCache(lit: Scalar, plan: FieldPlan, fold: boolean) {
  const cache = new Map<ValueKind, Comparable | undefined>();
  return (kind: ValueKind): Comparable | undefined => {
    if (cache.has(kind)) return cache.get(kind);
    let c = literalFor(kind, lit, plan);
    if (fold && typeof c === 'string' && kind === 'keyword') c = foldCase(c);
    cache.set(kind, c);
    return c;
  };
}

/** `field == null`'s opposite: the field has at least one indexed value. */
export function existsLeaf(plan: FieldPlan): Predicate {
  return (ev) => plan.accessor.some(ev, (v) => {
    const k = valueKind(plan, v);
    return k !== undefined && indexed(plan, k, v) !== undefined;
  });
}

/** `field <op> constant` (op is not `!=`: callers negate `==`). */
export function compareLeaf(plan: FieldPlan, op: Exclude<ComparisonOp, '!='>, lit: Scalar): Predicate {
  if (lit === null) return () => false;
  // An ip term query accepts a CIDR block: `source.ip == "10.0.0.0/8"`.
  if (op === '==' && plan.kind === 'ip' && typeof lit === 'string' && lit.includes('/')) {
    const r = parseCidr(lit);
    if (!r.ok) return () => false;
    return ipRangeLeaf(plan, [r.range]);
  }
  const litFor = literalCache(lit, plan, false);
  const comparators = new Map<ValueKind, (a: Comparable, b: Comparable) => number>();
  const cmpFor = (k: ValueKind) => {
    let c = comparators.get(k);
    if (!c) comparators.set(k, (c = comparatorFor(k === 'integer' ? 'number' : k, 'utf8')));
    return c;
  };
  const accept = op === '==' ? (c: number) => c === 0 : op === '<' ? (c: number) => c < 0 : op === '<=' ? (c: number) => c <= 0 : op === '>' ? (c: number) => c > 0 : (c: number) => c >= 0;
  return (ev) =>
    plan.accessor.some(ev, (v) => {
      const k = valueKind(plan, v);
      if (k === undefined) return false;
      const a = indexed(plan, k, v);
      const b = litFor(k);
      if (a === undefined || b === undefined) return false;
      if (op === '==') return a === b;
      return accept(cmpFor(k)(a, b));
    });
}

/** `field in (constants)` / `field in~ (…)`: a terms query. */
export function inLeaf(plan: FieldPlan, lits: readonly Scalar[], caseInsensitive: boolean): Predicate {
  const sets = new Map<ValueKind, Set<Comparable>>();
  const setFor = (k: ValueKind) => {
    let s = sets.get(k);
    if (!s) {
      s = new Set();
      for (const lit of lits) {
        let c = literalFor(k, lit, plan);
        if (c === undefined) continue;
        if (caseInsensitive && typeof c === 'string' && k === 'keyword') c = foldCase(c);
        s.add(c);
      }
      sets.set(k, s);
    }
    return s;
  };
  return (ev) =>
    plan.accessor.some(ev, (v) => {
      const k = valueKind(plan, v);
      if (k === undefined) return false;
      let a = indexed(plan, k, v);
      if (a === undefined) return false;
      if (caseInsensitive && typeof a === 'string' && k === 'keyword') a = foldCase(a);
      return setFor(k).has(a);
    });
}

/** A string test over the field's indexed text (wildcard, regexp, prefix). Non-keyword values use their text. */
export function textLeaf(plan: FieldPlan, test: (value: string) => boolean): Predicate {
  return (ev) =>
    plan.accessor.some(ev, (v) => {
      if (v === null || typeof v === 'object') return false;
      if (plan.ignoreAbove !== undefined && typeof v === 'string' && v.length > plan.ignoreAbove) return false;
      return test(typeof v === 'string' ? v : String(v));
    });
}

/** `cidrMatch(field, blocks…)` as a terms query on an ip field. */
export function ipRangeLeaf(plan: FieldPlan, ranges: readonly IpRange[]): Predicate {
  return (ev) =>
    plan.accessor.some(ev, (v) => {
      if (typeof v !== 'string') return false;
      const key = parseIp(v);
      return key !== undefined && ranges.some((r) => ipInRange(key, r));
    });
}

/** `startsWith(field, prefix)` as a prefix query (case-insensitive for `startsWith~`). */
export function prefixTest(prefix: string, caseInsensitive: boolean): (v: string) => boolean {
  if (!caseInsensitive) return (v) => v.startsWith(prefix);
  const p = foldCase(prefix);
  // Case folding keeps UTF-16 lengths, so only the value's first `prefix.length` units matter.
  return (v) => foldCase(v.slice(0, prefix.length)) === p;
}
