/**
 * The second stage: a parsed statement (+ optionally the schema of the indexes it searches) → diagnostics.
 *
 * Input: the AST from `parse`, and `CheckOptions`. Output: diagnostics sorted by position, each with a stable
 * `eql/<code>` (catalog.ts), a half-open span into the query text and, where one exists, suggested edits.
 * Invariants: `check` never throws and never mutates the AST; without `options.schema` only the
 * schema-independent checks run (functions, operator/literal sanity, regex and CIDR validity, extensions,
 * likely mistakes), so an evaluator can call it on any query it is about to run.
 * Example: `process where process.pid == "x"` with an ECS schema → `eql/type-mismatch` on `"x"`.
 */
import type { EventQuery, Expr, Statement } from '../ast/nodes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { parse } from '../parse.js';
import { checkDiagnostic } from './catalog.js';
import { isStackOverflow, tooLargeDiagnostic } from '../grammar/depth-limit.js';
import { checkCategories, checkOrderingFields } from './categories.js';
import { CheckContext, type CheckOptions } from './context.js';
import { pinnedDatasets } from './datasets.js';
import { checkPipe } from './extensions.js';
import { visitCondition, visitExpr } from './expressions.js';
import { lintExpression } from './lints.js';
import { checkJoinKeyTypes } from './sequences.js';

/** Type-checks a parsed query. Never throws; see the module comment for what runs with and without a schema. */
export function check(ast: Statement, options: CheckOptions = {}): Diagnostic[] {
  try {
    const ctx = new CheckContext(options);
    checkStatement(ast, ctx);
    return sortDiagnostics(ctx.diagnostics);
  } catch (e) {
    // A query chained too deeply for the recursive checks gets a plain answer at its start (a point span).
    if (isStackOverflow(e)) return [tooLargeDiagnostic(ast.span.start)];
    // A bug in a check must not take the caller down.
    return [checkDiagnostic('internal-error', { start: ast.span.start, end: ast.span.start }, { message: e instanceof Error ? e.message : String(e) })];
  }
}

export interface CheckTextResult {
  readonly ast: Statement | undefined;
  /** Parse diagnostics and check diagnostics together, sorted by position. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses and checks one query text (the source is passed on, so suggestions keep the author's spelling). Never throws. */
export function checkText(text: string, options: Omit<CheckOptions, 'source'> = {}): CheckTextResult {
  const parsed = parse(text);
  if (!parsed.ast) return { ast: undefined, diagnostics: parsed.diagnostics };
  return { ast: parsed.ast, diagnostics: sortDiagnostics([...parsed.diagnostics, ...check(parsed.ast, { ...options, source: text })]) };
}

function checkStatement(ast: Statement, ctx: CheckContext): void {
  const q = ast.query;
  const events: EventQuery[] = [];
  if (q.kind === 'event') {
    // Separate targets (endgame-*) apply to event queries, as detection-rules validates them.
    ctx.checkTargets = (ctx.options.targets?.length ?? 0) > 0;
    checkEventQuery(q, ctx);
    ctx.checkTargets = false;
    events.push(q);
  } else {
    visitKeys(q.by, ctx);
    const stages = [...q.stages, ...(q.kind === 'sequence' && q.until ? [q.until] : [])];
    for (const stage of stages) {
      checkEventQuery(stage.query, ctx);
      visitKeys(stage.by, ctx);
      events.push(stage.query);
    }
    checkJoinKeyTypes(q, ctx);
  }
  for (const pipe of ast.pipes) {
    checkPipe(pipe, ctx);
    const name = pipe.name.toLowerCase();
    if (name === 'head' || name === 'tail') continue;
    for (const arg of pipe.args) {
      if (name === 'filter') visitCondition(arg, ctx);
      else visitExpr(arg, ctx);
      lintExpression(arg, ctx);
    }
  }
  checkCategories(events, ctx);
  const at = events[0]?.category.span ?? { start: q.span.start, end: q.span.start };
  checkOrderingFields(ctx, at, q.kind !== 'sample');
}

function visitKeys(keys: readonly Expr[], ctx: CheckContext): void {
  ctx.joinKey = true;
  for (const key of keys) visitExpr(key, ctx);
  ctx.joinKey = false;
}

function checkEventQuery(q: EventQuery, ctx: CheckContext): void {
  const datasets = ctx.options.datasetSchema ? pinnedDatasets(q.condition) : undefined;
  const schema = datasets && ctx.options.datasetSchema?.(datasets);
  ctx.stage = datasets && schema ? { datasets, schema } : undefined;
  visitCondition(q.condition, ctx);
  ctx.stage = undefined;
  lintExpression(q.condition, ctx);
}
