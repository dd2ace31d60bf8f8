/**
 * Compiles a parsed statement once into what the runner needs per event: each stage's filter (category test and
 * condition) and join-key extractor, the `until` stage, `maxspan`, and the fields that order events. Nothing here
 * evaluates user text with `eval` or `new Function`: everything is closures over the AST.
 */
import type { Expr, Pipe, Stage, Statement } from '../ast/nodes.js';
import type { Schema } from '../schema/types.js';
import { ConditionCompiler } from './condition.js';
import type { Event } from './event.js';
import { FieldPlanner, type FieldPlan } from './field-plan.js';
import { compileKeys, type KeyExtractor } from './keys.js';
import { compareLeaf, type Predicate } from './leaf.js';

export interface EvalOptions {
  /** The field holding each event's time (default `@timestamp`). */
  readonly timestampField?: string;
  /** The field that orders events with the same timestamp (none by default). */
  readonly tiebreakerField?: string;
  /** The field `<category> where` tests (default `event.category`). */
  readonly eventCategoryField?: string;
  /** Field types (from mappings or schemas); without one every field is typed by its JSON values. */
  readonly schema?: Schema;
}

export interface StagePlan {
  readonly filter: Predicate;
  readonly keys: KeyExtractor;
  readonly missing: boolean;
  /** `with runs=N` (1 when absent). */
  readonly runs: number;
}

export interface CompiledQuery {
  readonly ast: Statement;
  readonly kind: 'event' | 'sequence' | 'sample';
  /** The stages as written (an event query has one); `runs` is expanded by the runner. */
  readonly stages: readonly StagePlan[];
  readonly until: StagePlan | undefined;
  readonly maxspan: number | undefined;
  readonly pipes: readonly Pipe[];
  readonly timestamp: FieldPlan;
  readonly tiebreaker: FieldPlan | undefined;
  readonly planner: FieldPlanner;
  readonly conditions: ConditionCompiler;
}

/** Compiles a statement (it must have parsed without errors). */
export function compileStatement(ast: Statement, options: EvalOptions = {}): CompiledQuery {
  const planner = new FieldPlanner(options.schema);
  const conditions = new ConditionCompiler(planner);
  const categoryPlan = planner.forName(options.eventCategoryField ?? 'event.category');
  const filterOf = (q: { category: { name: string | null }; condition: Expr }): Predicate => {
    const condition = conditions.compile(q.condition);
    if (q.category.name === null) return condition;
    const category = compareLeaf(categoryPlan, '==', q.category.name);
    return (ev: Event) => category(ev) && condition(ev);
  };
  const query = ast.query;
  const stage = (s: Stage, sharedKeys: readonly Expr[]): StagePlan => ({
    filter: filterOf(s.query),
    keys: compileKeys([...sharedKeys, ...s.by], planner),
    missing: s.missing,
    runs: s.runs?.count ?? 1,
  });
  const common = {
    ast,
    pipes: ast.pipes,
    timestamp: planner.forName(options.timestampField ?? '@timestamp'),
    tiebreaker: options.tiebreakerField ? planner.forName(options.tiebreakerField) : undefined,
    planner,
    conditions,
  };
  switch (query.kind) {
    case 'event':
      return { kind: 'event', stages: [{ filter: filterOf(query), keys: compileKeys([], planner), missing: false, runs: 1 }], until: undefined, maxspan: undefined, ...common };
    case 'sequence':
      return {
        kind: 'sequence',
        stages: query.stages.map((s) => stage(s, query.by)),
        until: query.until ? stage(query.until, query.by) : undefined,
        maxspan: query.maxspan?.millis,
        ...common,
      };
    case 'sample':
      return { kind: 'sample', stages: query.stages.map((s) => stage(s, query.by)), until: undefined, maxspan: undefined, ...common };
  }
}
