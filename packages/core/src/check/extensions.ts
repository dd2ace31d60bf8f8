// Extensions: forms eqlkit evaluates but Elasticsearch rejects. Each is a warning naming Elasticsearch's refusal
// (an error under `strict`), so a rule meant for Elasticsearch is never silently accepted.
//  - Field-to-field comparisons: ES translates a comparison to a query on its left side and requires the right
//    side to fold to a constant; `in` lists must be constants; arithmetic inside a comparison must not combine
//    fields on both sides (ES PR #73681, `length(a) + length(b) > 10`).
//  - Legacy pipes `count filter sort unique unique_count`: "Pipe [x] is not supported".
import type { ComparisonExpr, Expr, FieldRef, InExpr, Pipe } from '../ast/nodes.js';
import { walk } from '../ast/walk.js';
import type { CheckContext } from './context.js';
import { fieldPath } from './fields.js';

export const LEGACY_PIPES: ReadonlySet<string> = new Set(['count', 'filter', 'sort', 'unique', 'unique_count']);

/**
 * True when `ref` stands for a field Elasticsearch reads. An optional `?field` the schema does not have is
 * replaced by null, a constant (so `?x == ?y` over unmapped fields is `null == null`, which ES runs); without a
 * schema an optional field is given the benefit of the doubt.
 */
function readsField(ref: FieldRef, ctx: CheckContext | undefined): boolean {
  if (!ref.optional) return true;
  const schema = ctx?.schema;
  return schema !== undefined && schema.resolve(fieldPath(ref)).kind !== 'unknown';
}

/** The field paths an expression reads. */
export function fieldsIn(e: Expr, ctx?: CheckContext): Set<string> {
  const out = new Set<string>();
  walk(e, (n) => {
    if (n.kind === 'field' && readsField(n, ctx)) out.add(fieldPath(n));
  });
  return out;
}

/** True when the expression reads no field (Elasticsearch can fold it to a constant). */
export function isFoldable(e: Expr, ctx?: CheckContext): boolean {
  let foldable = true;
  walk(e, (n) => {
    if (n.kind === 'field' && readsField(n, ctx)) foldable = false;
    return foldable;
  });
  return foldable;
}

/** Reports a comparison whose two sides both read fields, or arithmetic over two fields inside it. */
export function checkComparisonExtension(node: ComparisonExpr, ctx: CheckContext): void {
  const leftFolds = isFoldable(node.left, ctx);
  const rightFolds = isFoldable(node.right, ctx);
  if (!leftFolds && !rightFolds) {
    ctx.report('field-comparison', node.right.span, { what: `\`${ctx.short(node)}\` compares \`${ctx.short(node.left, 30)}\` with \`${ctx.short(node.right, 30)}\`` });
    return;
  }
  checkArithmeticFields(leftFolds ? node.right : node.left, ctx);
}

/** Reports `in` list entries that read fields. */
export function checkInExtension(node: InExpr, ctx: CheckContext): void {
  for (const v of node.values) {
    if (!isFoldable(v, ctx)) ctx.report('field-comparison', v.span, { what: `\`${ctx.short(v, 30)}\` in an \`in\` list reads a field` });
  }
  checkArithmeticFields(node.operand, ctx);
}

function checkArithmeticFields(side: Expr, ctx: CheckContext): void {
  walk(side, (n) => {
    if (n.kind !== 'arith') return true;
    const a = fieldsIn(n.left, ctx);
    const b = fieldsIn(n.right, ctx);
    if (a.size === 0 || b.size === 0 || strictSuperset(a, b) || strictSuperset(b, a)) return true;
    ctx.report('field-comparison', n.span, { what: `\`${ctx.short(n)}\` combines fields on both sides of an arithmetic operator inside a comparison` });
    return false;
  });
}

function strictSuperset(a: Set<string>, b: Set<string>): boolean {
  if (a.size <= b.size) return false;
  for (const x of b) if (!a.has(x)) return false;
  return true;
}

/** Reports a legacy pipe. */
export function checkPipe(pipe: Pipe, ctx: CheckContext): void {
  const name = pipe.name.toLowerCase();
  if (LEGACY_PIPES.has(name)) ctx.report('legacy-pipe', pipe.nameSpan, { name });
}
