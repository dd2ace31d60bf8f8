/**
 * Compiles a `where` condition into a predicate, following Elasticsearch's plan for it (condition-plan.ts):
 * index-query leaves are two-valued (a leaf on a missing field is false, `not` around it matches documents that
 * lack the field), scripts three-valued (a null result never matches). Example: `not process.name : "x"` matches an
 * event without `process.name`, but `not stringContains(process.name, "x")` does not.
 */
import type { Expr } from '../ast/nodes.js';
import type { Event } from './event.js';
import type { FieldPlan, FieldPlanner } from './field-plan.js';
import { planCondition, type ConditionPlan, type Leaf } from './condition-plan.js';
import { compareLeaf, existsLeaf, inLeaf, ipRangeLeaf, prefixTest, textLeaf, type Predicate } from './leaf.js';
import { exactCompareLeaf, exactInLeaf } from './exact-leaf.js';
import { patternMatcher } from './patterns.js';
import { compileScript, scriptPredicate } from './script.js';
import { compileWildcard } from '../matching/wildcard.js';

const ALWAYS: Predicate = () => true;
const NEVER: Predicate = () => false;

export class ConditionCompiler {
  constructor(private readonly planner: FieldPlanner) {}

  /** The filter for a condition: true when the event matches. */
  compile(e: Expr): Predicate {
    return this.predicate(planCondition(e, this.planner));
  }

  private predicate(p: ConditionPlan): Predicate {
    switch (p.kind) {
      case 'constant':
        return p.value ? ALWAYS : NEVER;
      case 'and': {
        const l = this.predicate(p.left);
        const r = this.predicate(p.right);
        return (ev) => l(ev) && r(ev);
      }
      case 'or': {
        const l = this.predicate(p.left);
        const r = this.predicate(p.right);
        return (ev) => l(ev) || r(ev);
      }
      case 'not': {
        const t = this.predicate(p.operand);
        return (ev) => !t(ev);
      }
      case 'leaf':
        return leafPredicate(p.field, p.leaf);
      case 'script':
        return scriptPredicate(compileScript(p.expr, this.planner));
      case 'script-null': {
        const node = compileScript(p.expr, this.planner);
        const isNull = p.isNull;
        return (ev: Event) => node.eval(ev).some((v) => (v === null) === isNull);
      }
    }
  }
}

function leafPredicate(field: FieldPlan, leaf: Leaf): Predicate {
  switch (leaf.op) {
    case 'compare':
      return leaf.exact === undefined ? compareLeaf(field, leaf.cmp, leaf.value) : exactCompareLeaf(field, leaf.cmp, leaf.value, leaf.exact);
    case 'exists':
      return existsLeaf(field);
    case 'in':
      return leaf.exact === undefined ? inLeaf(field, leaf.values, leaf.caseInsensitive) : exactInLeaf(field, leaf.values, leaf.caseInsensitive, leaf.exact);
    case 'match':
      return textLeaf(field, patternMatcher(leaf.operator, leaf.patterns));
    case 'prefix':
      return textLeaf(field, prefixTest(leaf.prefix, leaf.caseInsensitive));
    case 'wildcard':
      return textLeaf(field, compileWildcard(leaf.pattern, leaf.caseInsensitive));
    case 'cidr':
      return ipRangeLeaf(field, leaf.ranges);
  }
}
