// The expression walk: every node is visited once, its type computed bottom-up and remembered in `ctx.types`;
// each concern (fields, operators, functions) reports as it goes.
import type { Expr } from '../ast/nodes.js';
import type { CheckContext } from './context.js';
import { checkField } from './fields.js';
import { checkCall } from './functions.js';
import { checkArithmetic, checkComparison, checkIn, checkMatch, checkUnary } from './operators.js';
import { describeType, literalType, type ValueType } from './value-types.js';

/** Checks `e` and its children; returns its type. */
export function visitExpr(e: Expr, ctx: CheckContext): ValueType {
  const visit = (x: Expr) => visitExpr(x, ctx);
  let t: ValueType;
  switch (e.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      t = literalType(e);
      break;
    case 'field':
      t = checkField(e, ctx);
      break;
    case 'call':
      t = checkCall(e, ctx, visit);
      break;
    case 'not':
      requireBoolean(e.operand, visit(e.operand), ctx);
      t = 'boolean';
      break;
    case 'logical':
      requireBoolean(e.left, visit(e.left), ctx);
      requireBoolean(e.right, visit(e.right), ctx);
      t = 'boolean';
      break;
    case 'compare':
      t = checkComparison(e, ctx, visit);
      break;
    case 'arith':
      t = checkArithmetic(e, ctx, visit);
      break;
    case 'unary':
      t = checkUnary(e, ctx, visit);
      break;
    case 'in':
      t = checkIn(e, ctx, visit);
      break;
    case 'match':
      t = checkMatch(e, ctx, visit);
      break;
  }
  ctx.types.set(e, t);
  return t;
}

/** Checks a condition (a `where` clause, a `filter` pipe argument): it must be a boolean. */
export function visitCondition(e: Expr, ctx: CheckContext): void {
  requireBoolean(e, visitExpr(e, ctx), ctx);
}

function requireBoolean(e: Expr, t: ValueType, ctx: CheckContext): void {
  if (t === 'boolean' || t === 'unknown' || t === 'null') return;
  ctx.report('condition-type', e.span, { what: `\`${ctx.short(e)}\``, found: describeType(t) });
}
