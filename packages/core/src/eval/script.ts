/**
 * Script evaluation: how Elasticsearch evaluates what it cannot turn into an index query (function calls other
 * than the few it pushes down, arithmetic, comparisons between fields). Logic is three-valued — a missing
 * field is null, null propagates through functions and comparisons, `and`/`or`/`not` follow SQL — and a null
 * result never matches.
 *
 * Multi-valued fields are evaluated per value (the cartesian product of the arguments' values, capped), and a
 * predicate holds when any combination is true, as Elasticsearch does since 7.15.
 */
import type { Expr } from '../ast/nodes.js';
import { arithmetic } from '../functions/arithmetic.js';
import { lookupFunction } from '../functions/registry.js';
import type { Scalar } from '../functions/types.js';
import { foldCase } from '../matching/case-fold.js';
import { compareStringsUtf16, toComparable } from '../values/compare.js';
import type { FieldPlan, FieldPlanner } from './field-plan.js';
import { patternMatcher } from './patterns.js';
import { isNullCall } from './call-nulls.js';
import type { Event } from './event.js';

/** The values an expression can take for one event (one per combination of multi-valued inputs). */
type Values = Scalar[];
type FloatKind = 'int' | 'float' | 'dynamic';

export interface ScriptNode {
  eval(ev: Event): Values;
  readonly float: FloatKind;
}

const NULL: Values = [null];
/** At most this many combinations of multi-valued arguments are tried per call. */
const MAX_COMBINATIONS = 4096;

const isFloatValue = (kind: FloatKind, v: Scalar): boolean => kind === 'float' || (kind === 'dynamic' && typeof v === 'number' && !Number.isInteger(v));

/** Every combination of the argument value lists (capped). */
function combinations(lists: Values[]): Scalar[][] {
  let out: Scalar[][] = [[]];
  for (const list of lists) {
    const next: Scalar[][] = [];
    for (const prefix of out) for (const v of list) if (next.length < MAX_COMBINATIONS) next.push([...prefix, v]);
    out = next;
  }
  return out;
}

/** A field's doc values as a script sees them: typed by the mapping, nulls dropped, missing → [null]. */
function fieldValues(plan: FieldPlan, ev: Event): Values {
  const raw = plan.accessor.values(ev);
  if (raw.length === 0) return NULL;
  const out: Values = [];
  for (const v of raw) {
    const s = scriptScalar(plan, v);
    if (s !== undefined) out.push(s);
  }
  return out.length ? out : NULL;
}

function scriptScalar(plan: FieldPlan, v: unknown): Scalar | undefined {
  if (plan.kind === 'dynamic') return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
  if (plan.kind === 'keyword' && typeof v === 'string' && plan.ignoreAbove !== undefined && v.length > plan.ignoreAbove) return undefined;
  const c = toComparable(v, plan.kind, plan.dateFormat);
  if (c === undefined) return undefined;
  // IPs and versions are compared through keys, but scripts see their text.
  return plan.kind === 'ip' || plan.kind === 'version' ? String(v) : c;
}

/** Three-valued comparison of two scalars, as a Java script would: same types only, strings by UTF-16. */
export function compareScript(a: Scalar, b: Scalar): number | null {
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return compareStringsUtf16(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  return null;
}

const CMP: Record<string, (c: number) => boolean> = { '==': (c) => c === 0, '!=': (c) => c !== 0, '<': (c) => c < 0, '<=': (c) => c <= 0, '>': (c) => c > 0, '>=': (c) => c >= 0 };

export function and3(a: Scalar, b: Scalar): Scalar {
  if (a === false || b === false) return false;
  if (a === null || b === null) return null;
  return true;
}
export function or3(a: Scalar, b: Scalar): Scalar {
  if (a === true || b === true) return true;
  if (a === null || b === null) return null;
  return false;
}

/** Compiles an expression for script evaluation. */
export function compileScript(e: Expr, planner: FieldPlanner): ScriptNode {
  switch (e.kind) {
    case 'string':
    case 'boolean':
      return { eval: () => [e.value], float: 'int' };
    case 'number':
      return { eval: () => [e.value], float: e.integer ? 'int' : 'float' };
    case 'null':
      return { eval: () => NULL, float: 'int' };
    case 'field': {
      const plan = planner.forRef(e);
      if (plan.unmapped && e.optional) return { eval: () => NULL, float: 'int' };
      return { eval: (ev) => fieldValues(plan, ev), float: plan.isFloat ? 'float' : plan.kind === 'dynamic' ? 'dynamic' : 'int' };
    }
    case 'unary': {
      const x = compileScript(e.operand, planner);
      return { eval: (ev) => x.eval(ev).map((v) => (typeof v === 'number' ? (e.op === '-' ? -v : v) : null)), float: x.float };
    }
    case 'arith': {
      const l = compileScript(e.left, planner);
      const r = compileScript(e.right, planner);
      const float: FloatKind = l.float === 'float' || r.float === 'float' ? 'float' : l.float === 'dynamic' || r.float === 'dynamic' ? 'dynamic' : 'int';
      return {
        float,
        eval: (ev) =>
          combinations([l.eval(ev), r.eval(ev)]).map(([a, b]) =>
            typeof a === 'number' && typeof b === 'number' ? (arithmetic(e.op, a, isFloatValue(l.float, a), b, isFloatValue(r.float, b))?.value ?? null) : null,
          ),
      };
    }
    case 'call':
      return compileCall(e, planner);
    case 'compare': {
      const l = compileScript(e.left, planner);
      const r = compileScript(e.right, planner);
      const test = CMP[e.op];
      return {
        float: 'int',
        eval: (ev) =>
          combinations([l.eval(ev), r.eval(ev)]).map(([a, b]) => {
            const c = compareScript(a, b);
            return c === null ? null : test(c);
          }),
      };
    }
    case 'logical': {
      const l = compileScript(e.left, planner);
      const r = compileScript(e.right, planner);
      const op = e.op === 'and' ? and3 : or3;
      return { float: 'int', eval: (ev) => combinations([l.eval(ev), r.eval(ev)]).map(([a, b]) => op(a, b)) };
    }
    case 'not': {
      const x = compileScript(e.operand, planner);
      return { float: 'int', eval: (ev) => x.eval(ev).map((v) => (v === null ? null : !v)) };
    }
    case 'in': {
      const x = compileScript(e.operand, planner);
      const items = e.values.map((v) => compileScript(v, planner));
      const norm = (v: Scalar) => (e.caseInsensitive && typeof v === 'string' ? foldCase(v) : v);
      return {
        float: 'int',
        eval: (ev) => {
          const listValues = items.flatMap((i) => i.eval(ev)).map(norm);
          return x.eval(ev).map((v) => {
            if (v === null) return null;
            const nv = norm(v);
            const hit = listValues.some((w) => w !== null && compareScript(nv, w) === 0);
            const result: Scalar = hit ? true : listValues.includes(null) ? null : false;
            return e.negated ? (result === null ? null : !result) : result;
          });
        },
      };
    }
    case 'match': {
      const x = compileScript(e.operand, planner);
      const test = patternMatcher(e.operator, e.patterns);
      return { float: 'int', eval: (ev) => x.eval(ev).map((v) => (v === null ? null : test(typeof v === 'string' ? v : String(v)))) };
    }
  }
}

function compileCall(e: Extract<Expr, { kind: 'call' }>, planner: FieldPlanner): ScriptNode {
  const def = lookupFunction(e.name);
  if (!def) return { eval: () => NULL, float: 'int' }; // the checker reports unknown functions
  const args = e.args.map((a) => compileScript(a, planner));
  const float: FloatKind = def.returns === 'number' ? (args.some((a) => a.float === 'float') ? 'float' : 'dynamic') : 'int';
  const caseInsensitive = e.caseInsensitive && def.caseInsensitive;
  return {
    float,
    eval: (ev) =>
      combinations(args.map((a) => a.eval(ev))).map((values) => {
        if (isNullCall(def, values)) return null;
        return def.impl(values, { caseInsensitive, floatArgs: values.map((v, i) => isFloatValue(args[i].float, v)) });
      }),
  };
}

/** A script used as a filter: it matches when some combination evaluates to true. */
export function scriptPredicate(node: ScriptNode): (ev: Event) => boolean {
  return (ev) => node.eval(ev).includes(true);
}
