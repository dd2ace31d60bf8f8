/**
 * AST builder, part 2: expressions. Input: the Ohm nodes from `Expression` down to `Primary`.
 * Output: `Expr` nodes, binary operators folded to the left, parentheses dropped, predicates attached to their
 * operand. Example: `a and b or not c : "x"` becomes
 * `or(and(a, b), not(match(':', c, ["x"])))`.
 */
import type { IterationNode, Node as OhmNode } from 'ohm-js';
import type { ArithmeticOp, ComparisonOp, Expr, FieldSegment, Literal, MatchOperator } from '../ast/nodes.js';
import { syntaxDiagnostic } from '../diagnostics/catalog.js';
import type { EqlActionDict } from './load.js';
import { context, joinSpans, report, spanOf } from './build-context.js';
import { backtickName } from './build-literals.js';

export const expr = (node: OhmNode): Expr => node['ast']();
export const exprList = (node: OhmNode): Expr[] => node.asIteration().children.map(expr);

/** Folds `first (op next)*` to the left with `make`. */
function foldLeft(first: OhmNode, ops: IterationNode, rests: IterationNode, make: (op: string, left: Expr, right: Expr) => Expr): Expr {
  let acc = expr(first);
  for (let i = 0; i < ops.numChildren; i++) acc = make(ops.child(i).sourceString, acc, expr(rests.child(i)));
  return acc;
}

const logical = (op: 'and' | 'or') => (_: string, left: Expr, right: Expr): Expr => ({ kind: 'logical', op, left, right, span: joinSpans(left.span, right.span) });

export const expressionActions: EqlActionDict<unknown> = {
  OrExpr(first, ops, rests) {
    return foldLeft(first, ops, rests, logical('or'));
  },
  AndExpr(first, ops, rests) {
    return foldLeft(first, ops, rests, logical('and'));
  },
  NotExpr_not(_not, operand) {
    return { kind: 'not', operand: expr(operand), span: spanOf(this) } satisfies Expr;
  },
  NotExpr_lineage_rejected(relation, _of, _subquery) {
    report(syntaxDiagnostic('lineage-unsupported', spanOf(this), { relation: relation.sourceString }));
    context().unrepresentable = true;
    return { kind: 'boolean', value: false, span: spanOf(this) } satisfies Expr;
  },
  ComparisonExpr(first, ops, rests) {
    if (ops.numChildren > 1) report(syntaxDiagnostic('chained-comparison', spanOf(this), {}));
    let acc = expr(first);
    for (let i = 0; i < ops.numChildren; i++) {
      const opNode = ops.child(i);
      const right = expr(rests.child(i));
      let op = opNode.sourceString as ComparisonOp;
      if (opNode.sourceString === '=') {
        const span = spanOf(opNode);
        report(syntaxDiagnostic('assign-equality', span, {}, [{ message: 'use `==`', edits: [{ span, text: '==' }] }]));
        op = '==';
      }
      acc = { kind: 'compare', op, left: acc, right, opSpan: spanOf(opNode), span: joinSpans(acc.span, right.span) };
    }
    return acc;
  },
  AddExpr(first, ops, rests) {
    return foldLeft(first, ops, rests, (op, left, right) => ({ kind: 'arith', op: op as ArithmeticOp, left, right, span: joinSpans(left.span, right.span) }));
  },
  MulExpr(first, ops, rests) {
    return foldLeft(first, ops, rests, (op, left, right) => ({ kind: 'arith', op: op as ArithmeticOp, left, right, span: joinSpans(left.span, right.span) }));
  },
  UnaryExpr_sign(op, operand) {
    return { kind: 'unary', op: op.sourceString as '-' | '+', operand: expr(operand), span: spanOf(this) } satisfies Expr;
  },
  PredicateExpr(primary, predicate) {
    const operand = expr(primary);
    if (predicate.numChildren === 0) return operand;
    return predicate.child(0)['predicate'](operand);
  },
  InItem_constant(constant, _lookahead) {
    return expr(constant);
  },
  Primary_paren(_open, inner, _close) {
    return expr(inner);
  },
  FunctionCall(name, _open, args, _close) {
    const written = name.sourceString;
    const caseInsensitive = written.endsWith('~');
    return {
      kind: 'call',
      name: caseInsensitive ? written.slice(0, -1) : written,
      caseInsensitive,
      args: exprList(args),
      nameSpan: spanOf(name),
      span: spanOf(this),
    } satisfies Expr;
  },
  FieldRef(question, first, parts) {
    const segments: FieldSegment[] = [identifierSegment(first)];
    for (const part of parts.children) {
      const inner = part.child(0);
      if (inner.ctorName === 'FieldPathPart_member') segments.push(identifierSegment(inner.child(1)));
      else segments.push({ kind: 'index', index: Number(inner.child(1).sourceString) });
    }
    const name = fieldName(segments);
    // Elasticsearch's parser refuses `a[0]` at the first index (the AST is still built, for editors).
    const firstIndex = parts.children.find((p) => p.child(0).ctorName === 'FieldPathPart_index');
    if (firstIndex) report(syntaxDiagnostic('array-index', spanOf(firstIndex.child(0).child(1)), { path: name.replace(/\[\d+\]/g, '') }));
    return { kind: 'field', name, segments, optional: question.numChildren > 0, span: spanOf(this) } satisfies Expr;
  },
};

function identifierSegment(identifier: OhmNode): FieldSegment {
  const inner = identifier.child(0);
  return inner.ctorName === 'backtickName' ? { kind: 'name', name: backtickName(inner), quoted: true } : { kind: 'name', name: inner.sourceString, quoted: false };
}

/** The dotted name of a path: `a.b[0].c`. A quoted segment may itself contain dots (`` `a.b` `` is `a.b`). */
export function fieldName(segments: readonly FieldSegment[]): string {
  let name = '';
  for (const s of segments) {
    if (s.kind === 'index') name += `[${s.index}]`;
    else name += name === '' ? s.name : `.${s.name}`;
  }
  return name;
}

/** The `predicate(operand)` operation: attaches a predicate suffix to the expression before it. */
export const predicateActions: EqlActionDict<unknown> = {
  Predicate(inner) {
    return inner['predicate'](this.args.operand);
  },
  Predicate_in(not, op, _open, items, _close) {
    const operand: Expr = this.args.operand;
    return {
      kind: 'in',
      operand,
      values: exprList(items),
      negated: not.numChildren > 0,
      caseInsensitive: op.sourceString === 'in~',
      span: joinSpans(operand.span, spanOf(this)),
    } satisfies Expr;
  },
  Predicate_matchList(op, _open, constants, _close) {
    return matchExpr(this.args.operand, op, constants.asIteration().children.map((c) => expr(c) as Literal), spanOf(this));
  },
  Predicate_match(op, constant) {
    return matchExpr(this.args.operand, op, [expr(constant) as Literal], spanOf(this));
  },
};

function matchExpr(operand: Expr, op: OhmNode, patterns: Literal[], predicateSpan: { start: number; end: number }): Expr {
  return { kind: 'match', operator: op.sourceString as MatchOperator, operand, patterns, opSpan: spanOf(op), span: joinSpans(operand.span, predicateSpan) };
}
