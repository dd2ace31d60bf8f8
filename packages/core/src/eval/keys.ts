/**
 * Join keys of sequences and samples. A stage's key is the tuple of its `by` values (query-level keys first).
 * As in Elasticsearch, a multi-valued key field gives one key per distinct value (doc values are sorted and
 * deduplicated, nulls are not indexed), several multi-valued keys give their cartesian product, and a missing
 * value excludes the event from the stage unless the key is optional (`by ?field`), where null is a real key.
 */
import type { Expr } from '../ast/nodes.js';
import type { Scalar } from '../functions/types.js';
import { compareStringsUtf8, toComparable } from '../values/compare.js';
import { formatIsoMillis } from '../values/timestamps.js';
import { canonicalIp } from '../values/ip.js';
import type { Event } from './event.js';
import { valueKind, type FieldPlanner, type FieldPlan } from './field-plan.js';
import { compileScript } from './script.js';
import { exactView, isInexactInteger } from './exact-integers.js';

/** One key value: its identity for grouping, the value to report, and how it sorts. */
export interface KeyValue {
  /** The value in its original type (numbers stay numbers); null for an optional missing key. */
  readonly value: Scalar;
  /** The value as Elasticsearch normalises it for comparison (dates as epoch millis, ips canonical). */
  readonly sortable: Scalar;
  /** For date fields: how to print the key (ISO in sequences, epoch millis in samples). */
  readonly dateMillis?: number;
  /** An integer beyond 2^53 (read exactly, exact-integers.ts): its digits, which are its identity. */
  readonly exact?: string;
}

export interface KeyTuple {
  readonly values: readonly KeyValue[];
  /** A string identity of the tuple (equal tuples, equal ids). */
  readonly id: string;
}

/** Extracts the key tuples of an event for one stage; [] when the event cannot take part. */
export type KeyExtractor = (ev: Event) => KeyTuple[];

const MAX_TUPLES = 1024;

function typeTag(v: Scalar): string {
  return v === null ? 'n' : typeof v === 'string' ? 's' : typeof v === 'number' ? 'd' : 'b';
}

/** Orders key values as Elasticsearch's composite aggregation does: null first, then by type, then by value. */
export function compareKeyValues(a: KeyValue, b: KeyValue): number {
  const x = a.sortable;
  const y = b.sortable;
  if (x === y && a.exact === b.exact) return 0;
  if (x === null) return -1;
  if (y === null) return 1;
  const tx = typeTag(x);
  const ty = typeTag(y);
  if (tx !== ty) return tx < ty ? -1 : 1;
  if (typeof x === 'string') return compareStringsUtf8(x, y as string);
  if (typeof x === 'number') {
    if (x !== y) return x < (y as number) ? -1 : 1;
    return a.exact !== undefined && b.exact !== undefined && a.exact !== b.exact ? (BigInt(a.exact) < BigInt(b.exact) ? -1 : 1) : 0;
  }
  return x === false ? -1 : 1;
}

export function compareKeyTuples(a: KeyTuple, b: KeyTuple): number {
  for (let i = 0; i < a.values.length; i++) {
    const c = compareKeyValues(a.values[i], b.values[i]);
    if (c) return c;
  }
  return 0;
}

/** The distinct values of one key for an event, sorted; [] when missing. */
type ValuesOf = (ev: Event) => KeyValue[];

function fieldKeyValues(plan: FieldPlan): ValuesOf {
  return (ev) => {
    const out: KeyValue[] = [];
    const seen = new Set<string>();
    // Integers beyond 2^53 are read exactly (a long key joins on its exact value).
    const exactly = (plan.kind === 'integer' || plan.kind === 'dynamic') && plan.accessor.some(ev, isInexactInteger);
    for (const raw of plan.accessor.values(exactly ? exactView(ev) : ev)) {
      if (typeof raw === 'bigint') {
        const exact = raw.toString();
        if (seen.has('d' + exact)) continue;
        seen.add('d' + exact);
        out.push({ value: Number(raw), sortable: Number(raw), exact });
        continue;
      }
      const kind = valueKind(plan, raw);
      if (kind === undefined) continue;
      if (kind === 'keyword' && plan.ignoreAbove !== undefined && typeof raw === 'string' && raw.length > plan.ignoreAbove) continue;
      const c = toComparable(raw, kind, plan.dateFormat);
      if (c === undefined) continue;
      let kv: KeyValue;
      if (kind === 'date') kv = { value: c as number, sortable: c as number, dateMillis: c as number };
      else if (kind === 'ip') {
        const text = canonicalIp(String(raw)) ?? String(raw);
        kv = { value: text, sortable: c as string };
      } else if (kind === 'version') kv = { value: String(raw), sortable: c as string };
      else kv = { value: c as Scalar, sortable: c as Scalar };
      const id = typeTag(kv.sortable) + String(kv.sortable);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(kv);
    }
    return out.sort(compareKeyValues);
  };
}

function scriptKeyValues(e: Expr, planner: FieldPlanner): ValuesOf {
  const node = compileScript(e, planner);
  return (ev) => {
    const seen = new Set<string>();
    const out: KeyValue[] = [];
    for (const v of node.eval(ev)) {
      if (v === null) continue;
      const id = typeTag(v) + String(v);
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ value: v, sortable: v });
    }
    return out.sort(compareKeyValues);
  };
}

const NULL_KEY: KeyValue = { value: null, sortable: null };

/** Compiles the key expressions of one stage (query-level keys first). */
export function compileKeys(keys: readonly Expr[], planner: FieldPlanner): KeyExtractor {
  if (keys.length === 0) {
    const empty: KeyTuple = { values: [], id: '' };
    return () => [empty];
  }
  const parts = keys.map((k) => {
    const optional = k.kind === 'field' && k.optional;
    if (k.kind === 'field') {
      const plan = planner.forRef(k);
      return { optional, values: plan.unmapped && optional ? () => [] : fieldKeyValues(plan) };
    }
    return { optional, values: scriptKeyValues(k, planner) };
  });
  return (ev) => {
    let tuples: KeyValue[][] = [[]];
    for (const part of parts) {
      let values = part.values(ev);
      if (values.length === 0) {
        if (!part.optional) return [];
        values = [NULL_KEY];
      }
      const next: KeyValue[][] = [];
      for (const t of tuples) for (const v of values) if (next.length < MAX_TUPLES) next.push([...t, v]);
      tuples = next;
    }
    return tuples.map((values) => ({ values, id: values.map((v) => typeTag(v.sortable) + (v.exact ?? String(v.sortable))).join('\u0000') }));
  };
}

/** A key value as Elasticsearch reports it: dates as ISO text in sequences, as epoch-millis text in samples. */
export function reportKey(v: KeyValue, context: 'sequence' | 'sample'): Scalar {
  if (v.dateMillis !== undefined) return context === 'sequence' ? formatIsoMillis(v.dateMillis) : String(v.dateMillis);
  return v.value;
}
