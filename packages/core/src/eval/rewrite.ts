/**
 * The rewrites Elasticsearch's optimizer applies to a condition before planning it, where they change which parts
 * run as index queries (two-valued) and which as scripts (three-valued) — and so how missing fields behave:
 *
 * - `not` over a comparison becomes the opposite comparison: `not x > 5` is `x <= 5` (a range query, false when
 *   `x` is missing), `not x == 5` is `x != 5`; `not not e` is `e`;
 * - a boolean function or predicate compared with `true`/`false` is the predicate itself or its negation:
 *   `startsWith(x, "a") == false` is `not startsWith(x, "a")`;
 * - arithmetic on one side of a comparison with integer constants moves to the constant side:
 *   `x + 1 > 2` is `x > 1`, `x * 2 == 4` is `x == 2`, `-x > 2` is `x < -2` (not for `/`, `%`, floating-point
 *   fields, or a product that would not divide exactly).
 *
 * Input and output are AST expressions; nodes keep the spans of what they replace. Never throws.
 */
import type { ComparisonExpr, ComparisonOp, Expr, NumberLiteral } from '../ast/nodes.js';

const NEGATED: Record<ComparisonOp, ComparisonOp> = { '==': '!=', '!=': '==', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };
const REVERSED: Record<ComparisonOp, ComparisonOp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** Whether an expression is a predicate (a boolean "function" in Elasticsearch's terms, not a field). */
function isPredicate(e: Expr): boolean {
  return e.kind === 'compare' || e.kind === 'logical' || e.kind === 'not' || e.kind === 'in' || e.kind === 'match' || e.kind === 'call';
}

function intLiteral(e: Expr): NumberLiteral | undefined {
  if (e.kind === 'number' && e.integer) return e;
  if (e.kind === 'unary' && e.op === '-' && e.operand.kind === 'number' && e.operand.integer) {
    return { kind: 'number', value: -e.operand.value, integer: true, text: `-${e.operand.text}`, span: e.span };
  }
  return undefined;
}

function literal(value: number, like: Expr): NumberLiteral {
  return { kind: 'number', value, integer: true, text: String(value), span: like.span };
}

export interface RewriteOptions {
  /** True when the expression is known to be floating point (a float-mapped field). */
  readonly isFloat: (e: Expr) => boolean;
}

/** Rewrites a condition as Elasticsearch's optimizer would (see the module comment). */
export function rewriteCondition(e: Expr, opts: RewriteOptions): Expr {
  switch (e.kind) {
    case 'logical':
      return { ...e, left: rewriteCondition(e.left, opts), right: rewriteCondition(e.right, opts) };
    case 'not': {
      const inner = rewriteCondition(e.operand, opts);
      if (inner.kind === 'not') return inner.operand;
      if (inner.kind === 'compare') return rewriteCondition({ ...inner, op: NEGATED[inner.op], span: e.span }, opts);
      return { ...e, operand: inner };
    }
    case 'compare':
      return rewriteComparison(e, opts);
    default:
      return e;
  }
}

function rewriteComparison(c: ComparisonExpr, opts: RewriteOptions): Expr {
  // Constants go to the right first (`0 <= x` is `x >= 0`).
  const leftConst = c.left.kind === 'number' || c.left.kind === 'string' || c.left.kind === 'boolean' || intLiteral(c.left) !== undefined;
  const rightConst = c.right.kind === 'number' || c.right.kind === 'string' || c.right.kind === 'boolean' || c.right.kind === 'null' || intLiteral(c.right) !== undefined;
  if (leftConst && !rightConst && c.right.kind !== 'null') c = { ...c, left: c.right, right: c.left, op: REVERSED[c.op] };
  const { left, right } = c;
  // `predicate == true` / `== false` (and `!=`).
  if (right.kind === 'boolean' && isPredicate(left) && (c.op === '==' || c.op === '!=')) {
    const positive = (c.op === '==') === right.value;
    const p = rewriteCondition(left, opts);
    return positive ? p : rewriteCondition({ kind: 'not', operand: p, span: c.span }, opts);
  }
  const target = intLiteral(right);
  if (!target) return c;
  // `-x <op> k` is `x <reversed op> -k`.
  if (left.kind === 'unary' && left.op === '-' && !intLiteral(left)) {
    return rewriteComparison({ ...c, left: left.operand, right: literal(-target.value, right), op: REVERSED[c.op] }, opts);
  }
  if (left.kind !== 'arith' || left.op === '%' || left.op === '/') return c;
  // Commutative operations put their constant on the right (`1 + x` is `x + 1`).
  let { left: operand, right: k } = left;
  if ((left.op === '+' || left.op === '*') && intLiteral(operand) && !intLiteral(k)) [operand, k] = [k, operand];
  const step = intLiteral(k);
  if (!step || intLiteral(operand) || opts.isFloat(operand)) return c;
  switch (left.op) {
    case '+':
      return rewriteComparison({ ...c, left: operand, right: literal(target.value - step.value, right) }, opts);
    case '-':
      return rewriteComparison({ ...c, left: operand, right: literal(target.value + step.value, right) }, opts);
    case '*': {
      if (step.value === 0 || target.value % step.value !== 0) return c;
      const op = step.value < 0 ? REVERSED[c.op] : c.op;
      return rewriteComparison({ ...c, op, left: operand, right: literal(target.value / step.value, right) }, opts);
    }
  }
  return c;
}
