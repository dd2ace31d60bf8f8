/**
 * Derives from a statement what the JSON text of any event that can match one of its stages must contain.
 *
 * Input: the AST and the evaluation options (schema, category field). Output: a {@link Requirement}: an `or` over
 * every stage, the `until` stage and missing-event stages (all of them need their events), each the `and` of its
 * category test and its condition.
 *
 * It reads the same plan the evaluator compiles (condition-plan.ts), so a part the evaluator runs as a script, a
 * negation, or a leaf that matches missing fields requires nothing. Only index-query leaves whose truth needs a
 * value's text give literals: `==` with a string on a keyword or dynamic field, `in`/`in~`, the pattern operators,
 * and the pushed-down `startsWith`, `stringContains` and `endsWith`. Fields with a mapped `null_value` give nothing
 * (an explicit `null` then reads as a value the line does not spell).
 */
import type { Expr, Literal, MatchOperator, Statement } from '../../ast/nodes.js';
import type { Schema } from '../../schema/types.js';
import { toComparable } from '../../values/compare.js';
import { planCondition, type ConditionPlan, type Leaf } from '../condition-plan.js';
import { FieldPlanner, type FieldPlan } from '../field-plan.js';
import { prefixTest } from '../leaf.js';
import { patternText } from '../patterns.js';
import { compileLuceneRegex } from '../../matching/lucene-regex.js';
import { compileWildcard, wildcardLiteralInfo } from '../../matching/wildcard.js';
import { and, FALSE, or, TRUE, type Requirement } from './requirement.js';
import { forcesString, valueContains, valueEquals } from './text-literals.js';

export interface DeriveOptions {
  /** The field `<category> where` tests (default `event.category`). */
  readonly eventCategoryField?: string;
  /** The schema the query is compiled with (kinds, `null_value`, aliases); none means every field is dynamic. */
  readonly schema?: Schema;
}

/** The requirement of a whole statement (any stage, `until` or missing stage may need the event). */
export function deriveStatement(ast: Statement, options: DeriveOptions = {}, planner = new FieldPlanner(options.schema)): Requirement {
  const d = new Deriver(planner, options);
  const q = ast.query;
  switch (q.kind) {
    case 'event':
      return d.filter(q.category.name, q.condition);
    case 'sequence':
      return or([...q.stages, ...(q.until ? [q.until] : [])].map((s) => d.filter(s.query.category.name, s.query.condition)));
    case 'sample':
      return or(q.stages.map((s) => d.filter(s.query.category.name, s.query.condition)));
  }
}

class Deriver {
  private readonly categoryField: string;

  constructor(
    private readonly planner: FieldPlanner,
    private readonly options: DeriveOptions,
  ) {
    this.categoryField = options.eventCategoryField ?? 'event.category';
  }

  /** A stage filter: the category test (a term query on the category field) and the condition. */
  filter(category: string | null, condition: Expr): Requirement {
    const cond = this.requirement(planCondition(condition, this.planner));
    if (category === null) return cond;
    return and([this.equals(this.planner.forName(this.categoryField), category), cond]);
  }

  private requirement(p: ConditionPlan): Requirement {
    switch (p.kind) {
      case 'constant':
        return p.value ? TRUE : FALSE;
      case 'and':
        return and([this.requirement(p.left), this.requirement(p.right)]);
      case 'or':
        return or([this.requirement(p.left), this.requirement(p.right)]);
      case 'leaf':
        return this.spelled(p.field) ? this.leaf(p.field, p.leaf) : TRUE;
      default:
        return TRUE; // a negation matches events that lack the text; scripts are not analysed
    }
  }

  /** Whether leaves on this field read values the line spells out (no `null_value` substitution). */
  private spelled(plan: FieldPlan): boolean {
    const schema = this.options.schema;
    if (!schema) return true;
    for (const name of [plan.name, plan.sourcePath]) {
      const info = schema.lookup(name);
      if (info?.nullValue !== undefined) return false;
      if (info?.multiFieldOf && schema.lookup(info.multiFieldOf)?.nullValue !== undefined) return false;
    }
    return true;
  }

  private leaf(field: FieldPlan, leaf: Leaf): Requirement {
    switch (leaf.op) {
      case 'compare':
        return leaf.cmp === '==' ? this.equals(field, leaf.value) : TRUE; // ranges compare normalised values
      case 'in':
        // A null in the list is never indexed, so it adds no alternative.
        return or(leaf.values.map((v) => (v === null ? FALSE : this.equals(field, v, leaf.caseInsensitive))));
      case 'match':
        return this.pattern(leaf.operator, leaf.patterns);
      case 'prefix': {
        const { prefix, caseInsensitive: ci } = leaf;
        const test = prefixTest(prefix, ci);
        return and(valueContains(prefix, '', [prefix], ci, forcesString(prefix, test('true') || test('false'))));
      }
      case 'wildcard':
        return this.wildcard(leaf.pattern, leaf.caseInsensitive);
      default:
        return TRUE; // existence and ip ranges: nothing textual
    }
  }

  /** A term query `field == value` (also each value of `in`). */
  private equals(plan: FieldPlan, value: unknown, ci = false): Requirement {
    if (typeof value !== 'string') return TRUE; // numbers and booleans: their JSON spelling is not known
    if (plan.kind !== 'keyword' && plan.kind !== 'dynamic') return TRUE; // dates, ips, versions, numbers compare normalised
    if (!this.spelled(plan)) return TRUE;
    // A dynamic field compares a numeric literal with number values (`x == "100"` matches `1e2`).
    if (toComparable(value, 'number') !== undefined) return TRUE;
    return valueEquals(value, ci);
  }

  /** `:`, `like`, `like~`, `regex`, `regex~`: any pattern matches the value's text. */
  private pattern(op: MatchOperator, patterns: readonly Literal[]): Requirement {
    const ci = op === ':' || op === 'like~' || op === 'regex~';
    const alternatives = patterns.map((p): Requirement => {
      if (p.kind === 'null') return FALSE; // skipped by the matcher: matches nothing
      const text = patternText(p);
      if (op === 'regex' || op === 'regex~') {
        const re = compileLuceneRegex(text, ci);
        if (!re.ok) return FALSE; // an invalid regex matches nothing
        return and(valueContains('', '', re.requiredLiterals ?? [], ci, false));
      }
      return this.wildcard(text, ci);
    });
    return or(alternatives);
  }

  private wildcard(pattern: string, ci: boolean): Requirement {
    const info = wildcardLiteralInfo(pattern, ci);
    if (info.exact) return valueEquals(info.prefix, ci);
    const test = compileWildcard(pattern, ci);
    const stringOnly = forcesString(info.required.join(''), test('true') || test('false'));
    return and(valueContains(info.prefix, info.suffix, info.required, ci, stringOnly));
  }
}
