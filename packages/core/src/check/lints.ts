// Likely mistakes that Elasticsearch accepts but that almost never mean what the author wanted (warnings):
//  - wildcard-in-equality: `==`, `!=` and `in` compare exactly, so `*` in their strings is a literal asterisk;
//  - never-true: conditions joined by `and` that exclude each other (see never-true.ts).
import type { ComparisonExpr, Expr, InExpr, Node } from '../ast/nodes.js';
import { walk } from '../ast/walk.js';
import type { Suggestion } from '../diagnostics/diagnostic.js';
import type { CheckContext } from './context.js';
import { checkNeverTrue } from './never-true.js';
import { asLiteral } from './value-types.js';

const hasWildcard = (e: Expr): boolean => e.kind === 'string' && e.value.includes('*');

/** Runs the lints over a condition (or any expression). */
export function lintExpression(root: Expr, ctx: CheckContext): void {
  walk(root, (n: Node, parent) => {
    if (n.kind === 'compare') wildcardInComparison(n, ctx);
    else if (n.kind === 'in') wildcardInList(n, ctx);
    else if (n.kind === 'logical' && n.op === 'and' && !(parent?.kind === 'logical' && parent.op === 'and')) checkNeverTrue(n, ctx);
    return true;
  });
}

function wildcardInComparison(node: ComparisonExpr, ctx: CheckContext): void {
  if (node.op !== '==' && node.op !== '!=') return;
  const [lit, other] = hasWildcard(node.right) && !asLiteral(node.left) ? [node.right, node.left] : hasWildcard(node.left) && !asLiteral(node.right) ? [node.left, node.right] : [];
  if (!lit || !other) return;
  const suggestions: Suggestion[] = [];
  const field = ctx.textOf(other);
  const pattern = ctx.textOf(lit);
  if (field !== undefined && pattern !== undefined) {
    const not = node.op === '!=' ? 'not ' : '';
    suggestions.push({ message: `match with wildcards, ignoring case: \`${not}${field} : ${pattern}\``, edits: [{ span: node.span, text: `${not}${field} : ${pattern}` }] });
    suggestions.push({ message: `match with wildcards, case-sensitively: \`${not}${field} like ${pattern}\``, edits: [{ span: node.span, text: `${not}${field} like ${pattern}` }] });
  }
  ctx.report('wildcard-in-equality', lit.span, { operator: node.op }, suggestions);
}

function wildcardInList(node: InExpr, ctx: CheckContext): void {
  const lit = node.values.find(hasWildcard);
  if (!lit) return;
  const op = `${node.negated ? 'not ' : ''}in${node.caseInsensitive ? '~' : ''}`;
  const suggestions: Suggestion[] = [];
  const field = ctx.textOf(node.operand);
  const values = node.values.every((v) => asLiteral(v)) ? node.values.map((v) => ctx.textOf(v)) : [];
  if (field !== undefined && values.length && values.every((v) => v !== undefined)) {
    const not = node.negated ? 'not ' : '';
    const list = values.length === 1 ? values[0] : `(${values.join(', ')})`;
    const matchOp = node.caseInsensitive ? ':' : 'like';
    const text = `${not}${field} ${matchOp} ${list}`;
    suggestions.push({ message: `match with wildcards: \`${text.length > 80 ? `${not}${field} ${matchOp} (…)` : text}\``, edits: [{ span: node.span, text }] });
  }
  ctx.report('wildcard-in-equality', lit.span, { operator: op }, suggestions);
}
