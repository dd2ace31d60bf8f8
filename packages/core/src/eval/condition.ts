/**
 * Compiles a `where` condition the way Elasticsearch plans it: each part becomes either an index query (two-valued
 * logic: a leaf on a missing field is false, and `not`/`!=` match documents that lack the field) or a script
 * (three-valued logic, a null result never matches). `and`/`or` combine parts; `not` around a script stays inside
 * the script. Example: `not process.name : "x"` matches an event without `process.name`, but
 * `not stringContains(process.name, "x")` does not. The condition is first rewritten as Elasticsearch's optimizer
 * does (rewrite.ts): `not x > 5` is the range query `x <= 5`, which does not match an event without `x`.
 */
import type { ComparisonOp, Expr, FieldRef } from '../ast/nodes.js';
import { lookupFunction } from '../functions/registry.js';
import type { Scalar } from '../functions/types.js';
import { parseIpRange } from '../values/ip.js';
import { foldConstant, type Constant } from './constant.js';
import type { Event } from './event.js';
import type { FieldPlanner } from './field-plan.js';
import { compareLeaf, existsLeaf, inLeaf, ipRangeLeaf, prefixTest, textLeaf, type Predicate } from './leaf.js';
import { patternMatcher } from './patterns.js';
import { rewriteCondition } from './rewrite.js';
import { compileScript, scriptPredicate } from './script.js';
import { compileWildcard } from './text/wildcard.js';

type Translation = { readonly kind: 'query'; readonly test: Predicate } | { readonly kind: 'script'; readonly test: Predicate };

const FLIP: Record<ComparisonOp, ComparisonOp> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const ALWAYS: Predicate = () => true;
const NEVER: Predicate = () => false;

export class ConditionCompiler {
  constructor(private readonly planner: FieldPlanner) {}

  /** The filter for a condition: true when the event matches. */
  compile(e: Expr): Predicate {
    return this.translate(rewriteCondition(e, { isFloat: (x) => this.isFloat(x) })).test;
  }

  /** Whether an expression is floating point as far as the mapping (or the literal) says. */
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

  private query(test: Predicate): Translation {
    return { kind: 'query', test };
  }

  private script(e: Expr): Translation {
    return { kind: 'script', test: scriptPredicate(compileScript(e, this.planner)) };
  }

  private isField(e: Expr): e is FieldRef {
    return e.kind === 'field' && !(e.optional && this.planner.forRef(e).unmapped);
  }

  private translate(e: Expr): Translation {
    const c = this.constant(e);
    if (c) return this.query(c.value === true ? ALWAYS : NEVER);
    switch (e.kind) {
      case 'logical': {
        const l = this.translate(e.left).test;
        const r = this.translate(e.right).test;
        return this.query(e.op === 'and' ? (ev) => l(ev) && r(ev) : (ev) => l(ev) || r(ev));
      }
      case 'not': {
        const inner = this.translate(e.operand);
        if (inner.kind === 'script') return this.script(e);
        const t = inner.test;
        return this.query((ev) => !t(ev));
      }
      case 'compare':
        return this.comparison(e);
      case 'in':
        return this.membership(e);
      case 'match': {
        if (!this.isField(e.operand)) return this.script(e);
        return this.query(textLeaf(this.planner.forRef(e.operand), patternMatcher(e.operator, e.patterns)));
      }
      case 'call':
        return this.call(e) ?? this.script(e);
      case 'field':
        // A bare boolean field is a term query for `true`.
        return this.isField(e) ? this.query(compareLeaf(this.planner.forRef(e), '==', true)) : this.query(NEVER);
      default:
        return this.script(e);
    }
  }

  private comparison(e: Extract<Expr, { kind: 'compare' }>): Translation {
    let { left, right, op } = e;
    let rc = this.constant(right);
    const lc = this.constant(left);
    if (lc && !rc) {
      // Literals go to the right (`0 <= x` is `x >= 0`).
      [left, right, op] = [right, left, FLIP[op]];
      rc = lc;
    }
    if (rc && rc.value === null && (op === '==' || op === '!=')) return this.nullCheck(left, op === '==');
    if (!rc || !this.isField(left)) return this.script(e);
    const plan = this.planner.forRef(left);
    if (op === '!=') {
      const eq = compareLeaf(plan, '==', rc.value);
      return this.query((ev) => !eq(ev));
    }
    return this.query(compareLeaf(plan, op, rc.value));
  }

  /** `x == null` / `x != null`: existence for a field, a script null test otherwise. */
  private nullCheck(x: Expr, isNull: boolean): Translation {
    if (this.isField(x)) {
      const exists = existsLeaf(this.planner.forRef(x));
      return this.query(isNull ? (ev) => !exists(ev) : exists);
    }
    const c = this.constant(x);
    if (c) return this.query((c.value === null) === isNull ? ALWAYS : NEVER);
    const node = compileScript(x, this.planner);
    return { kind: 'script', test: (ev: Event) => node.eval(ev).some((v) => (v === null) === isNull) };
  }

  private membership(e: Extract<Expr, { kind: 'in' }>): Translation {
    const values = e.values.map((v) => this.constant(v));
    if (!this.isField(e.operand) || values.some((v) => v === undefined)) return this.script(e);
    const lits = values.map((v) => v!.value);
    const test = inLeaf(this.planner.forRef(e.operand), lits, e.caseInsensitive);
    return this.query(e.negated ? (ev) => !test(ev) : test);
  }

  /** The functions Elasticsearch runs as index queries when applied to a field and constants. */
  private call(e: Extract<Expr, { kind: 'call' }>): Translation | undefined {
    const def = lookupFunction(e.name);
    const [first, ...rest] = e.args;
    if (!def || !first || !this.isField(first)) return undefined;
    const consts = rest.map((a) => this.constant(a));
    if (consts.some((c) => c === undefined || c.value === null)) return undefined;
    const args = consts.map((c) => c!.value) as Scalar[];
    const plan = this.planner.forRef(first);
    switch (def.name) {
      case 'startsWith':
        if (args.length !== 1) return undefined;
        return this.query(textLeaf(plan, prefixTest(String(args[0]), e.caseInsensitive)));
      case 'stringContains':
      case 'endsWith':
        // Pushed down as the wildcard query `*sub*` / `*sub` (case-insensitive for `~`): `*` and `?` inside `sub`
        // then act as wildcards, and an empty `sub` matches any value, as in Elasticsearch.
        if (args.length !== 1) return undefined;
        return this.query(textLeaf(plan, compileWildcard(`*${String(args[0])}${def.name === 'endsWith' ? '' : '*'}`, e.caseInsensitive)));
      case 'cidrMatch': {
        const ranges = args.map((a) => parseIpRange(String(a)));
        if (ranges.some((r) => !r.ok)) return this.query(NEVER);
        return this.query(ipRangeLeaf(plan, ranges.map((r) => (r as Extract<typeof r, { ok: true }>).range)));
      }
      default:
        return undefined;
    }
  }
}
