/**
 * Constant folding: the value of an expression that does not depend on the event (literals, arithmetic and
 * functions over literals, optional fields absent from the mapping). Elasticsearch folds these before it plans a
 * query, which decides whether a comparison is an index query (`x > -1`: `-1` folds) or a script.
 */
import type { Expr } from '../ast/nodes.js';
import { arithmetic } from '../functions/arithmetic.js';
import { lookupFunction } from '../functions/registry.js';
import type { Scalar } from '../functions/types.js';
import { isNullCall } from './call-nulls.js';

export interface Constant {
  readonly value: Scalar;
  /** True for a floating-point number (`1.0`, `divide(1, 2.0)`). */
  readonly isFloat: boolean;
}

/** Whether a field reference is known to be null everywhere (an optional field the mapping lacks). */
export type IsNullField = (ref: Extract<Expr, { kind: 'field' }>) => boolean;

/** The constant value of `e`, or undefined when it depends on the event. Never throws. */
export function foldConstant(e: Expr, isNullField: IsNullField): Constant | undefined {
  switch (e.kind) {
    case 'string':
      return { value: e.value, isFloat: false };
    case 'number':
      return { value: e.value, isFloat: !e.integer };
    case 'boolean':
      return { value: e.value, isFloat: false };
    case 'null':
      return { value: null, isFloat: false };
    case 'field':
      return e.optional && isNullField(e) ? { value: null, isFloat: false } : undefined;
    case 'unary': {
      const c = foldConstant(e.operand, isNullField);
      if (!c) return undefined;
      if (c.value === null) return c;
      return typeof c.value === 'number' ? { value: e.op === '-' ? -c.value : c.value, isFloat: c.isFloat } : undefined;
    }
    case 'arith': {
      const l = foldConstant(e.left, isNullField);
      const r = l && foldConstant(e.right, isNullField);
      if (!l || !r) return undefined;
      if (l.value === null || r.value === null) return { value: null, isFloat: false };
      if (typeof l.value !== 'number' || typeof r.value !== 'number') return undefined;
      const v = arithmetic(e.op, l.value, l.isFloat, r.value, r.isFloat);
      return v ? { value: v.value, isFloat: v.isFloat } : { value: null, isFloat: false };
    }
    case 'call': {
      const def = lookupFunction(e.name);
      if (!def) return undefined;
      const args: Constant[] = [];
      for (const a of e.args) {
        const c = foldConstant(a, isNullField);
        if (!c) return undefined;
        args.push(c);
      }
      const values = args.map((a) => a.value);
      if (isNullCall(def, values)) return { value: null, isFloat: false };
      const value = def.impl(values, { caseInsensitive: e.caseInsensitive, floatArgs: args.map((a) => a.isFloat) });
      return { value, isFloat: typeof value === 'number' && (def.returns === 'number' ? args.some((a) => a.isFloat) || !Number.isInteger(value) : false) };
    }
    default:
      return undefined;
  }
}
