// Operators over typed operands: comparisons, `in`, the pattern operators, arithmetic.
// A literal on either side is checked against the other side's type (literals.ts); two typed sides must be
// compatible (Elasticsearch's `areCompatible`); `:`/`like`/`regex`/`in~` need strings; `<` cannot order booleans;
// arithmetic needs numbers.
import type { ArithmeticExpr, ComparisonExpr, Expr, InExpr, MatchExpr, UnaryExpr } from '../ast/nodes.js';
import type { Suggestion } from '../diagnostics/diagnostic.js';
import type { CheckContext } from './context.js';
import { checkComparisonExtension, checkInExtension } from './extensions.js';
import { checkLiteralAgainst, checkRegexLiteral } from './literals.js';
import { asLiteral, compatible, describeType, isNumeric, isOpen, isStringLike, type ValueType } from './value-types.js';

export type Visit = (e: Expr) => ValueType;

export function checkComparison(node: ComparisonExpr, ctx: CheckContext, visit: Visit): ValueType {
  const lt = visit(node.left);
  const rt = visit(node.right);
  checkComparisonExtension(node, ctx);
  const ordering = node.op !== '==' && node.op !== '!=';
  const leftLit = asLiteral(node.left);
  const rightLit = asLiteral(node.right);
  if (rightLit && !leftLit) checkLiteralAgainst(rightLit, lt, node.left, ctx, ordering);
  else if (leftLit && !rightLit) checkLiteralAgainst(leftLit, rt, node.right, ctx, ordering);
  else if (!compatible(lt, rt)) {
    ctx.report('type-mismatch', node.right.span, { what: `\`${ctx.short(node.left)}\``, expected: describeType(lt), found: `${describeType(rt)} (\`${ctx.short(node.right, 40)}\`)` });
  }
  if (ordering) {
    const side = lt === 'boolean' ? node.left : rt === 'boolean' ? node.right : undefined;
    if (side) ctx.report('operator-type', node.opSpan, { operator: node.op, needs: 'numbers, strings, IP addresses and dates', what: `\`${ctx.short(side)}\``, found: 'a boolean' });
  }
  return 'boolean';
}

export function checkIn(node: InExpr, ctx: CheckContext, visit: Visit): ValueType {
  const t = visit(node.operand);
  for (const v of node.values) visit(v);
  checkInExtension(node, ctx);
  if (node.caseInsensitive && !isStringLike(t)) {
    ctx.report('operator-type', node.span, { operator: node.negated ? 'not in~' : 'in~', needs: 'strings', what: `\`${ctx.short(node.operand)}\``, found: describeType(t) });
    return 'boolean';
  }
  for (const v of node.values) {
    const lit = asLiteral(v);
    if (lit) checkLiteralAgainst(lit, t, node.operand, ctx);
    else {
      const vt = ctx.types.get(v) ?? 'unknown';
      if (!compatible(t, vt)) ctx.report('type-mismatch', v.span, { what: `\`${ctx.short(node.operand)}\``, expected: describeType(t), found: describeType(vt) });
    }
  }
  return 'boolean';
}

export function checkMatch(node: MatchExpr, ctx: CheckContext, visit: Visit): ValueType {
  const t = visit(node.operand);
  if (!isStringLike(t)) {
    ctx.report('operator-type', node.opSpan, { operator: node.operator, needs: 'strings', what: `\`${ctx.short(node.operand)}\``, found: describeType(t) }, matchToEquality(node, t));
    return 'boolean';
  }
  const regex = node.operator === 'regex' || node.operator === 'regex~';
  for (const p of node.patterns) {
    if (p.kind === 'string') {
      if (regex) checkRegexLiteral(p, ctx);
    } else if (p.kind !== 'null') {
      checkLiteralAgainst(p, 'string', node.operand, ctx, false, true);
    }
  }
  return 'boolean';
}

/** `pid : 4` / `trusted : true` → `==` (or `in`) when every pattern is a literal of the operand's type. */
function matchToEquality(node: MatchExpr, t: ValueType): Suggestion[] {
  const fits = node.patterns.every((p) => (isNumeric(t) ? p.kind === 'number' : t === 'boolean' ? p.kind === 'boolean' : false));
  if (!fits) return [];
  const op = node.patterns.length === 1 ? '==' : 'in';
  return [{ message: `compare with \`${op}\``, edits: [{ span: node.opSpan, text: op }] }];
}

export function checkArithmetic(node: ArithmeticExpr, ctx: CheckContext, visit: Visit): ValueType {
  const lt = visit(node.left);
  const rt = visit(node.right);
  const bad = [numberOperand(node.left, lt, node.op, ctx), numberOperand(node.right, rt, node.op, ctx)].some(Boolean);
  if (bad) return 'unknown';
  if (lt === 'float' || rt === 'float') return 'float';
  if (lt === 'integer' && rt === 'integer') return 'integer';
  return isOpen(lt) && isOpen(rt) ? 'unknown' : 'number';
}

export function checkUnary(node: UnaryExpr, ctx: CheckContext, visit: Visit): ValueType {
  const t = visit(node.operand);
  return numberOperand(node.operand, t, node.op, ctx) ? 'unknown' : t;
}

function numberOperand(e: Expr, t: ValueType, op: string, ctx: CheckContext): boolean {
  if (isNumeric(t) || isOpen(t)) return false;
  ctx.report('operator-type', e.span, { operator: op, needs: 'numbers', what: `\`${ctx.short(e)}\``, found: describeType(t) });
  return true;
}
