/**
 * Derives from a statement what the JSON text of any event that can match one of its stages must contain.
 *
 * Input: the AST and the evaluation options (schema, category field). Output: a {@link Requirement}: an `or` over
 * every stage, the `until` stage and missing-event stages (all of them need their events), each the `and` of its
 * category test and its condition.
 *
 * This walk mirrors `ConditionCompiler` case by case (the same optimizer rewrite first, then constant folding, the
 * same tests for what is a field, the same pushed-down functions), so a part the evaluator runs as a script, a
 * negation, or a leaf that matches missing fields requires nothing. Where the two could ever disagree, this side
 * must be the weaker one: every case not listed below requires nothing. Only index-query leaves whose truth needs a value's text give literals:
 * `==` with a string on a keyword or dynamic field, `in`/`in~`, the pattern operators, `startsWith`, and
 * case-sensitive `stringContains`. Fields with a mapped `null_value` give nothing (an explicit `null` then reads as
 * a value the line does not spell).
 */
import type { Expr, FieldRef, Literal, Statement } from '../../ast/nodes.js';
import { lookupFunction } from '../../functions/registry.js';
import type { Schema } from '../../schema/types.js';
import { toComparable } from '../../values/compare.js';
import { foldConstant, type Constant } from '../constant.js';
import { FieldPlanner, type FieldPlan } from '../field-plan.js';
import { compileLuceneRegex } from '../text/lucene-regex.js';
import { compileWildcard, wildcardLiteralInfo } from '../text/wildcard.js';
import { prefixTest } from '../leaf.js';
import { rewriteCondition } from '../rewrite.js';
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
    const cond = this.translate(rewriteCondition(condition, { isFloat: (x) => this.isFloat(x) }));
    if (category === null) return cond;
    return and([this.equals(this.planner.forName(this.categoryField), category), cond]);
  }

  /** As `ConditionCompiler.isFloat`: floating point as far as the mapping (or the literal) says. */
  private isFloat(e: Expr): boolean {
    switch (e.kind) {
      case 'field':
        return this.planner.forRef(e).isFloat;
      case 'number':
        return !e.integer;
      case 'arith':
        return this.isFloat(e.left) || this.isFloat(e.right);
      case 'unary':
        return this.isFloat(e.operand);
      default:
        return false;
    }
  }

  private constant(e: Expr): Constant | undefined {
    return foldConstant(e, (ref) => this.planner.forRef(ref).unmapped);
  }

  private isField(e: Expr): e is FieldRef {
    return e.kind === 'field' && !(e.optional && this.planner.forRef(e).unmapped);
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

  private translate(e: Expr): Requirement {
    const c = this.constant(e);
    if (c) return c.value === true ? TRUE : FALSE;
    switch (e.kind) {
      case 'logical': {
        const l = this.translate(e.left);
        const r = this.translate(e.right);
        return e.op === 'and' ? and([l, r]) : or([l, r]);
      }
      case 'not':
        return TRUE; // matches events that lack the text (or a script): nothing required
      case 'compare':
        return this.comparison(e);
      case 'in':
        return this.membership(e);
      case 'match':
        return this.isField(e.operand) ? this.pattern(this.planner.forRef(e.operand), e.operator, e.patterns) : TRUE;
      case 'call':
        return this.call(e);
      case 'field':
        // A bare boolean field is a term query for `true` (nothing textual); an absent optional field never matches.
        return this.isField(e) ? TRUE : FALSE;
      default:
        return TRUE; // scripts
    }
  }

  private comparison(e: Extract<Expr, { kind: 'compare' }>): Requirement {
    let { left, op } = e;
    let rc = this.constant(e.right);
    const lc = this.constant(left);
    if (lc && !rc) {
      left = e.right;
      rc = lc;
      op = op === '<' ? '>' : op === '>' ? '<' : op === '<=' ? '>=' : op === '>=' ? '<=' : op;
    }
    if (!rc || op !== '==' || rc.value === null || !this.isField(left)) return TRUE; // null tests, ranges, `!=`, scripts
    return this.equals(this.planner.forRef(left), rc.value);
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

  private membership(e: Extract<Expr, { kind: 'in' }>): Requirement {
    if (e.negated || !this.isField(e.operand)) return TRUE;
    const values = e.values.map((v) => this.constant(v));
    if (values.some((v) => v === undefined)) return TRUE; // a script
    const plan = this.planner.forRef(e.operand);
    // A null in the list is never indexed, so it adds no alternative.
    return or(values.map((v) => (v!.value === null ? FALSE : this.equals(plan, v!.value, e.caseInsensitive))));
  }

  /** `:`, `like`, `like~`, `regex`, `regex~` on a field: any pattern matches the value's text. */
  private pattern(plan: FieldPlan, op: Extract<Expr, { kind: 'match' }>['operator'], patterns: readonly Literal[]): Requirement {
    if (!this.spelled(plan)) return TRUE;
    const ci = op === ':' || op === 'like~' || op === 'regex~';
    const alternatives = patterns.map((p): Requirement => {
      if (p.kind === 'null') return FALSE; // skipped by the matcher: matches nothing
      const text = p.kind === 'string' ? p.value : String(p.value);
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

  /** The functions the evaluator pushes down as index queries (`ConditionCompiler.call`); other calls are scripts. */
  private call(e: Extract<Expr, { kind: 'call' }>): Requirement {
    const def = lookupFunction(e.name);
    const [first, ...rest] = e.args;
    if (!def || !first || !this.isField(first)) return TRUE;
    const consts = rest.map((a) => this.constant(a));
    if (consts.some((c) => c === undefined || c.value === null) || consts.length !== 1) return TRUE;
    const arg = String(consts[0]!.value);
    const plan = this.planner.forRef(first);
    if (!this.spelled(plan)) return TRUE;
    switch (def.name) {
      case 'startsWith': {
        const test = prefixTest(arg, e.caseInsensitive);
        return and(valueContains(arg, '', [arg], e.caseInsensitive, forcesString(arg, test('true') || test('false'))));
      }
      case 'stringContains':
        return this.wildcard(`*${arg}*`, e.caseInsensitive);
      case 'endsWith':
        return this.wildcard(`*${arg}`, e.caseInsensitive);
      default:
        return TRUE;
    }
  }
}
