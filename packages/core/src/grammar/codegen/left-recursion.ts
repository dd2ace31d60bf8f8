/**
 * The generated parser has no memo table, so it cannot grow left-recursive rules the way Ohm does (it would
 * recurse forever). The grammar is written with iterations instead; this check keeps it that way at build time.
 */
import { keyOf, nullable, type Expr } from './ir.js';

/** Throws if a rule can apply itself again without consuming input. `rules` maps a rule key to its body. */
export function assertNoLeftRecursion(rules: ReadonlyMap<string, Expr>): void {
  const canBeEmpty = nullableRules(rules);
  const isNullable = (apply: Expr & { kind: 'apply' }) => canBeEmpty.has(keyOf(apply));
  const calls = new Map([...rules].map(([key, body]) => [key, leftApplications(body, isNullable)]));
  const state = new Map<string, 'active' | 'done'>();
  const visit = (key: string, path: string[]): void => {
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'active') throw new Error(`codegen: left recursion ${[...path.slice(path.indexOf(key)), key].join(' → ')} (write it as an iteration)`);
    state.set(key, 'active');
    for (const next of calls.get(key) ?? []) visit(next, [...path, key]);
    state.set(key, 'done');
  };
  for (const key of rules.keys()) visit(key, []);
}

function nullableRules(rules: ReadonlyMap<string, Expr>): Set<string> {
  const result = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [key, body] of rules) {
      if (!result.has(key) && nullable(body, (a) => result.has(keyOf(a)))) {
        result.add(key);
        changed = true;
      }
    }
  }
  return result;
}

/** The rules `e` may apply before consuming any input. */
function leftApplications(e: Expr, isNullable: (apply: Expr & { kind: 'apply' }) => boolean): string[] {
  switch (e.kind) {
    case 'apply':
      return [keyOf(e)];
    case 'alt':
      return e.terms.flatMap((t) => leftApplications(t, isNullable));
    case 'seq': {
      const out: string[] = [];
      for (const f of e.factors) {
        out.push(...leftApplications(f, isNullable));
        if (!nullable(f, isNullable)) break;
      }
      return out;
    }
    case 'iter':
    case 'not':
    case 'lookahead':
    case 'lex':
      return leftApplications(e.expr, isNullable);
    default:
      return [];
  }
}
