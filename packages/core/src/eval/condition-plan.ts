/**
 * How Elasticsearch plans a `where` condition: which parts run as index queries (two-valued logic: a leaf on a
 * missing field is false, and `not`/`!=` around it match documents that lack the field) and which as scripts
 * (three-valued logic, a null result never matches). `and`/`or` combine parts; a `not` around a script stays
 * inside the script. The condition is first rewritten as Elasticsearch's optimizer does (rewrite.ts).
 *
 * One plan, two readers: the evaluator compiles it into predicates (condition.ts) and the raw-line pre-filter
 * derives from it the text a matching event must contain (prefilter/derive.ts), so the two cannot disagree on
 * what is an index query. Example: `not process.name : "x"` is `not` over a match leaf, and matches an event
 * without `process.name`; `not length(process.name) > 3` is one script, and does not.
 */
import type { ComparisonOp, Expr, FieldRef, Literal, MatchOperator } from '../ast/nodes.js';
import { lookupFunction } from '../functions/registry.js';
import type { Scalar } from '../functions/types.js';
import { parseIpRange, type IpRange } from '../values/ip.js';
import { exactIntegerLiteral } from './exact-integers.js';
import { foldConstant, type Constant } from './constant.js';
import type { FieldPlan, FieldPlanner } from './field-plan.js';
import { rewriteCondition } from './rewrite.js';

/** An index query on one field. */
export type Leaf =
  /** A term (`==`) or range query; `!=` is `not` over `==`. */
  /** `exact`: the literal's exact value when it is an integer beyond 2^53 (`value` is then rounded). */
  | { readonly op: 'compare'; readonly cmp: Exclude<ComparisonOp, '!='>; readonly value: Scalar; readonly exact?: bigint }
  /** The field has an indexed value (`x != null`; `x == null` is `not` over it). */
  | { readonly op: 'exists' }
  /** A terms query: `in`/`in~` (`not in` is `not` over it). */
  | { readonly op: 'in'; readonly values: readonly Scalar[]; readonly caseInsensitive: boolean; readonly exact?: readonly (bigint | undefined)[] }
  /** `:`, `like`, `like~`, `regex`, `regex~`: any pattern matches the whole value. */
  | { readonly op: 'match'; readonly operator: MatchOperator; readonly patterns: readonly Literal[] }
  /** `startsWith(field, constant)`: a prefix query. */
  | { readonly op: 'prefix'; readonly prefix: string; readonly caseInsensitive: boolean }
  /** `stringContains`/`endsWith(field, constant)`: the wildcard query `*sub*` / `*sub`. */
  | { readonly op: 'wildcard'; readonly pattern: string; readonly caseInsensitive: boolean }
  /** `cidrMatch(field, blocks…)`: a terms query on ip ranges. */
  | { readonly op: 'cidr'; readonly ranges: readonly IpRange[] };

export type ConditionPlan =
  | { readonly kind: 'constant'; readonly value: boolean }
  | { readonly kind: 'and' | 'or'; readonly left: ConditionPlan; readonly right: ConditionPlan }
  /** Negation of an index query (two-valued). */
  | { readonly kind: 'not'; readonly operand: ConditionPlan }
  | { readonly kind: 'leaf'; readonly field: FieldPlan; readonly leaf: Leaf }
  /** A script: true when the expression evaluates to true. */
  | { readonly kind: 'script'; readonly expr: Expr }
  /** A script null test, `expr == null` / `expr != null`, for an expression that is not a field. */
  | { readonly kind: 'script-null'; readonly expr: Expr; readonly isNull: boolean };

const FLIP: Record<ComparisonOp, ComparisonOp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const TRUE: ConditionPlan = { kind: 'constant', value: true };
const FALSE: ConditionPlan = { kind: 'constant', value: false };

const isScript = (p: ConditionPlan) => p.kind === 'script' || p.kind === 'script-null';
const negate = (operand: ConditionPlan): ConditionPlan => ({ kind: 'not', operand });

/** Plans a condition (after the optimizer's rewrites). */
export function planCondition(e: Expr, planner: FieldPlanner): ConditionPlan {
  return new Planner(planner).plan(e);
}

class Planner {
  constructor(private readonly fields: FieldPlanner) {}

  plan(e: Expr): ConditionPlan {
    return this.translate(rewriteCondition(e, { isFloat: (x) => this.isFloat(x) }));
  }

  /** Whether an expression is floating point as far as the mapping (or the literal) says. */
  private isFloat(e: Expr): boolean {
    switch (e.kind) {
      case 'field':
        return this.fields.forRef(e).isFloat;
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
    return foldConstant(e, (ref) => this.fields.forRef(ref).unmapped);
  }

  /** A field read from events (an optional field absent from the mapping is the constant null instead). */
  private isField(e: Expr): e is FieldRef {
    return e.kind === 'field' && !(e.optional && this.fields.forRef(e).unmapped);
  }

  private leaf(field: FieldRef, leaf: Leaf): ConditionPlan {
    return { kind: 'leaf', field: this.fields.forRef(field), leaf };
  }

  private translate(e: Expr): ConditionPlan {
    const c = this.constant(e);
    if (c) return c.value === true ? TRUE : FALSE;
    switch (e.kind) {
      case 'logical':
        return { kind: e.op, left: this.translate(e.left), right: this.translate(e.right) };
      case 'not': {
        const inner = this.translate(e.operand);
        return isScript(inner) ? { kind: 'script', expr: e } : negate(inner);
      }
      case 'compare':
        return this.comparison(e);
      case 'in':
        return this.membership(e);
      case 'match':
        if (!this.isField(e.operand)) return { kind: 'script', expr: e };
        return this.leaf(e.operand, { op: 'match', operator: e.operator, patterns: e.patterns });
      case 'call':
        return this.call(e) ?? { kind: 'script', expr: e };
      case 'field':
        // A bare boolean field is a term query for `true`.
        return this.isField(e) ? this.leaf(e, { op: 'compare', cmp: '==', value: true }) : FALSE;
      default:
        return { kind: 'script', expr: e };
    }
  }

  private comparison(e: Extract<Expr, { kind: 'compare' }>): ConditionPlan {
    let { left, right, op } = e;
    let rc = this.constant(right);
    const lc = this.constant(left);
    if (lc && !rc) {
      // Literals go to the right (`0 <= x` is `x >= 0`).
      [left, right, op] = [right, left, FLIP[op]];
      rc = lc;
    }
    if (rc && rc.value === null && (op === '==' || op === '!=')) return this.nullCheck(left, op === '==');
    if (!rc || !this.isField(left)) return { kind: 'script', expr: e };
    const exact = exactIntegerLiteral(right);
    const ex = exact === undefined ? {} : { exact };
    if (op === '!=') return negate(this.leaf(left, { op: 'compare', cmp: '==', value: rc.value, ...ex }));
    return this.leaf(left, { op: 'compare', cmp: op, value: rc.value, ...ex });
  }

  /** `x == null` / `x != null`: existence for a field, a script null test otherwise. */
  private nullCheck(x: Expr, isNull: boolean): ConditionPlan {
    if (this.isField(x)) {
      const exists = this.leaf(x, { op: 'exists' });
      return isNull ? negate(exists) : exists;
    }
    const c = this.constant(x);
    if (c) return (c.value === null) === isNull ? TRUE : FALSE;
    return { kind: 'script-null', expr: x, isNull };
  }

  private membership(e: Extract<Expr, { kind: 'in' }>): ConditionPlan {
    const values = e.values.map((v) => this.constant(v));
    if (!this.isField(e.operand) || values.some((v) => v === undefined)) return { kind: 'script', expr: e };
    const exact = e.values.map(exactIntegerLiteral);
    const ex = exact.some((x) => x !== undefined) ? { exact } : {};
    const leaf = this.leaf(e.operand, { op: 'in', values: values.map((v) => v!.value), caseInsensitive: e.caseInsensitive, ...ex });
    return e.negated ? negate(leaf) : leaf;
  }

  /** The functions Elasticsearch runs as index queries when applied to a field and constants. */
  private call(e: Extract<Expr, { kind: 'call' }>): ConditionPlan | undefined {
    const def = lookupFunction(e.name);
    const [first, ...rest] = e.args;
    if (!def || !first || !this.isField(first)) return undefined;
    const consts = rest.map((a) => this.constant(a));
    if (consts.some((c) => c === undefined || c.value === null)) return undefined;
    const args = consts.map((c) => String(c!.value));
    const ci = e.caseInsensitive;
    switch (def.name) {
      case 'startsWith':
        return args.length === 1 ? this.leaf(first, { op: 'prefix', prefix: args[0], caseInsensitive: ci }) : undefined;
      case 'stringContains':
      case 'endsWith':
        // Pushed down as the wildcard query `*sub*` / `*sub` (case-insensitive for `~`): `*` and `?` inside `sub`
        // then act as wildcards, and an empty `sub` matches any value, as in Elasticsearch.
        if (args.length !== 1) return undefined;
        return this.leaf(first, { op: 'wildcard', pattern: `*${args[0]}${def.name === 'endsWith' ? '' : '*'}`, caseInsensitive: ci });
      case 'cidrMatch': {
        const ranges = args.map((a) => parseIpRange(a));
        if (ranges.some((r) => !r.ok)) return FALSE;
        return this.leaf(first, { op: 'cidr', ranges: ranges.map((r) => (r as Extract<typeof r, { ok: true }>).range) });
      }
      default:
        return undefined;
    }
  }
}
