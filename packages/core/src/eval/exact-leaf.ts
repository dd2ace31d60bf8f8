/**
 * Comparison leaves with an integer literal beyond 2^53 (`process.pid == 9007199254740993`): on a long field (or a
 * dynamic one, whose JSON integers Elasticsearch maps as long) values compare exactly with the literal — an event
 * value `JSON.parse` rounded is read again exactly from the record's text (exact-integers.ts). Other kinds (double,
 * keyword, …) compare as before, with the rounded literal, as Elasticsearch does for doubles.
 */
import type { ComparisonOp } from '../ast/nodes.js';
import type { Scalar } from '../functions/types.js';
import { compareStringsUtf8 } from '../values/compare.js';
import { exactView, isInexactInteger } from './exact-integers.js';
import type { Event } from './event.js';
import type { FieldPlan } from './field-plan.js';
import { compareLeaf, inLeaf, type Predicate } from './leaf.js';

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER_TEXT = /^[+-]?\d+$/;

/** A value as a long field indexes it, exactly: bigint for integers, a number for the rest; undefined if none. */
function longValue(plan: FieldPlan, v: unknown): bigint | number | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return undefined;
    if (Number.isInteger(v)) return BigInt(v);
    return plan.kind === 'integer' ? BigInt(Math.trunc(v)) : v;
  }
  if (plan.kind === 'integer' && typeof v === 'string') {
    const t = v.trim();
    if (INTEGER_TEXT.test(t)) return BigInt(t);
    if (NUMERIC_TEXT.test(t)) {
      const n = Number(t);
      return Number.isFinite(n) ? BigInt(Math.trunc(n)) : undefined;
    }
  }
  return undefined;
}

/** The event to read `plan`'s values from: the exact reading when some value of it was rounded. */
function source(plan: FieldPlan, ev: Event): Event {
  return plan.accessor.some(ev, isInexactInteger) ? exactView(ev) : ev;
}

const compares = (plan: FieldPlan) => plan.kind === 'integer' || plan.kind === 'dynamic';

/** `field <op> literal` with the literal's exact value `exact`. */
export function exactCompareLeaf(plan: FieldPlan, op: Exclude<ComparisonOp, '!='>, lit: Scalar, exact: bigint): Predicate {
  if (!compares(plan)) return compareLeaf(plan, op, lit);
  const text = exact.toString();
  const accept = op === '==' ? (c: number) => c === 0 : op === '<' ? (c: number) => c < 0 : op === '<=' ? (c: number) => c <= 0 : op === '>' ? (c: number) => c > 0 : (c: number) => c >= 0;
  const test = (v: unknown): boolean => {
    // A dynamic field's string is a keyword: compared with the literal's text.
    if (plan.kind === 'dynamic' && typeof v === 'string') return accept(compareStringsUtf8(v, text));
    const a = longValue(plan, v);
    if (a === undefined) return false;
    return accept(a < exact ? -1 : a > exact ? 1 : 0);
  };
  return (ev) => plan.accessor.some(source(plan, ev), test);
}

/** `field in (literals)` where some literals are integers beyond 2^53 (`exact[i]` their exact values). */
export function exactInLeaf(plan: FieldPlan, lits: readonly Scalar[], caseInsensitive: boolean, exact: readonly (bigint | undefined)[]): Predicate {
  if (!compares(plan)) return inLeaf(plan, lits, caseInsensitive);
  // The other literals as before (a rounded event value cannot equal one of them: they are below 2^53).
  const rest = inLeaf(plan, lits.filter((_, i) => exact[i] === undefined), caseInsensitive);
  const wanted = new Set(exact.filter((x): x is bigint => x !== undefined).map(String));
  const test = (v: unknown): boolean => {
    if (plan.kind === 'dynamic' && typeof v === 'string') return wanted.has(v);
    const a = longValue(plan, v);
    return typeof a === 'bigint' && wanted.has(a.toString());
  };
  return (ev) => rest(ev) || plan.accessor.some(source(plan, ev), test);
}
