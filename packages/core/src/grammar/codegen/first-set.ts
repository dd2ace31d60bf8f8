/**
 * The code units an expression can start with, so that the generated code can skip an alternative that cannot
 * match without trying it (`NotExpr`'s `notKw …` at a `"`, `Primary`'s `"(" …` at a letter, …). The set is a
 * superset — that is all the guard needs to be safe — or `undefined` when anything may come first.
 *
 * In a syntactic context the code unit is the one after the spaces every term would skip anyway; a `#(…)`
 * there does not skip, so it gives `undefined`.
 */
import { type Expr, isSyntactic, nullable } from './ir.js';

/** Sorted, disjoint, inclusive code-unit ranges. */
export type CodeUnits = readonly (readonly [number, number])[];

export interface RuleBodies {
  /** The body of the rule (or specialisation) an application applies, and a key for it. */
  body(apply: Expr & { kind: 'apply' }): { readonly key: string; readonly body: Expr; readonly syntactic: boolean };
  /** Whether that rule can match the empty string. */
  nullable(apply: Expr & { kind: 'apply' }): boolean;
}

/**
 * The code units a non-empty match of `e` can start with (a superset), or `undefined` if unbounded. A guard
 * built on it is only valid for an expression that cannot match the empty string.
 */
export function firstSet(e: Expr, syntactic: boolean, rules: RuleBodies, visiting = new Set<string>()): CodeUnits | undefined {
  switch (e.kind) {
    case 'terminal':
      return e.text === '' ? [] : [[e.text.charCodeAt(0), e.text.charCodeAt(0)]];
    case 'range':
      // A code point above U+FFFF starts with a high surrogate.
      return union(e.from <= 0xffff ? [[e.from, Math.min(e.to, 0xffff)]] : [], e.to > 0xffff ? [[0xd800, 0xdbff]] : []);
    case 'class':
      return e.surrogates ? union(e.ranges, [[0xd800, 0xdbff]]) : e.ranges;
    case 'alt':
    case 'seq': {
      let acc: CodeUnits = [];
      for (const t of e.kind === 'alt' ? e.terms : e.factors) {
        const first = firstSet(t, syntactic, rules, visiting);
        if (!first) return undefined;
        acc = union(acc, first);
        // In a sequence, what follows a factor that cannot be empty does not start the match.
        if (e.kind === 'seq' && !nullable(t, (a) => rules.nullable(a))) break;
      }
      return acc;
    }
    case 'iter':
      return firstSet(e.expr, syntactic, rules, visiting);
    case 'not':
    case 'lookahead':
    case 'end':
      return []; // they consume nothing
    case 'lex':
      return syntactic ? undefined : firstSet(e.expr, false, rules, visiting);
    case 'apply': {
      const { key, body } = rules.body(e);
      if (visiting.has(key)) return undefined;
      visiting.add(key);
      try {
        return firstSet(body, isSyntactic(e.rule), rules, visiting);
      } finally {
        visiting.delete(key);
      }
    }
    default:
      return undefined; // any, param
  }
}

export function union(a: CodeUnits, b: CodeUnits): CodeUnits {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of all) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** A JavaScript test of the code unit in `c` against `set`. */
export function testOf(c: string, set: CodeUnits): string {
  if (set.length === 0) return 'false';
  return set.map(([lo, hi]) => (lo === hi ? `${c} === ${lo}` : `(${c} >= ${lo} && ${c} <= ${hi})`)).join(' || ');
}
