/**
 * Ordered choice, the part of the emitter where most of the speed is: alternatives that cannot start with the
 * next code unit are skipped untried (a conservative FIRST set, first-set.ts), runs of one-character
 * alternatives become one test, and alternations of keywords or operators jump on their first code unit.
 * Each is an exact shortcut: the same alternative wins, with the same CST.
 */
import type { Ctx, FunctionWriter } from './emit-expr.js';
import { firstSet, testOf, union } from './first-set.js';
import { nullable, type Expr } from './ir.js';

/** Beyond this many ranges a first-character guard costs more than it saves. */
const MAX_GUARD_RANGES = 16;

export function emitAlt(w: FunctionWriter, terms: readonly Expr[], ctx: Ctx, out: readonly string[], fail: string, d: number, merge = true): void {
  if (merge) terms = mergeCharRuns(terms);
  if (terms.length === 0) return w.put(d, fail);
  if (terms.length === 1) return w.expr(terms[0], ctx, out, fail, d);
  if (merge && terms.length >= 4 && terms.every((t) => t.kind === 'terminal' && t.text !== '')) return emitDispatch(w, terms, ctx, out, fail, d);
  const guards = terms.map((t) => {
    // A single token checks itself as cheaply; a term that can match the empty string matches anywhere.
    if (t.kind === 'terminal' || t.kind === 'range' || t.kind === 'class' || nullable(t, (a) => w.table.nullable(a))) return undefined;
    const set = firstSet(t, ctx.syntactic, w.table);
    return set && set.length <= MAX_GUARD_RANGES ? set : undefined;
  });
  const done = w.fresh('A');
  const s = w.fresh('s');
  const c = w.fresh('c');
  w.put(d, `${done}: {`);
  w.put(d + 1, `const ${s} = pos;`);
  if (guards.some(Boolean)) {
    // Peek at the code unit every term would start at (after the spaces it would skip), once.
    w.skip(ctx, d + 1);
    w.put(d + 1, `const ${c} = input.charCodeAt(pos);`);
    if (ctx.syntactic) w.put(d + 1, `pos = ${s};`);
  }
  terms.forEach((term, i) => {
    const guard = guards[i];
    if (i === terms.length - 1) {
      if (guard) w.put(d + 1, `if (!(${testOf(c, guard)})) ${fail}`);
      return w.expr(term, ctx, out, fail, d + 1);
    }
    const next = w.fresh('T');
    w.put(d + 1, `${next}: {`);
    if (guard) w.put(d + 2, `if (!(${testOf(c, guard)})) break ${next};`);
    w.expr(term, ctx, out, `break ${next};`, d + 2);
    w.put(d + 2, `break ${done};`);
    w.put(d + 1, '}');
    w.put(d + 1, `pos = ${s};`);
  });
  w.put(d, '}');
}

/** Keywords and operators: jump on the first code unit, then try the terminals that start with it, in order. */
function emitDispatch(w: FunctionWriter, terms: readonly Expr[], ctx: Ctx, out: readonly string[], fail: string, d: number): void {
  const groups = new Map<number, Expr[]>();
  for (const t of terms) if (t.kind === 'terminal') groups.set(t.text.charCodeAt(0), [...(groups.get(t.text.charCodeAt(0)) ?? []), t]);
  w.skip(ctx, d);
  const done = w.fresh('D');
  w.put(d, `${done}: switch (input.charCodeAt(pos)) {`);
  for (const [unit, group] of groups) {
    w.put(d + 1, `case ${unit}: {`);
    emitAlt(w, group, ctx, out, fail, d + 2, false);
    w.put(d + 2, `break ${done};`);
    w.put(d + 1, '}');
  }
  w.put(d + 1, 'default:');
  w.put(d + 2, fail);
  w.put(d, '}');
}

/** One code unit out of a set: a single read instead of one per alternative. */
export function emitClass(w: FunctionWriter, e: Expr & { kind: 'class' }, ctx: Ctx, out: readonly string[], fail: string, d: number): void {
  w.skip(ctx, d);
  const c = w.fresh('c');
  w.put(d, '{');
  w.put(d + 1, `const ${c} = input.charCodeAt(pos);`);
  const inner = e.surrogates ? d + 2 : d + 1;
  if (e.surrogates) w.put(d + 1, `if (${c} < 0xd800 || ${c} > 0xdfff) {`);
  w.put(inner, `if (!(${testOf(c, e.ranges)})) ${fail}`);
  if (out.length) w.put(inner, `${out[0]} = T(pos, 1);`);
  w.put(inner, 'pos++;');
  if (e.surrogates) {
    w.put(d + 1, '} else {');
    emitAlt(w, e.surrogates, ctx, out, fail, d + 2, false);
    w.put(d + 1, '}');
  }
  w.put(d, '}');
}

/**
 * Ordered choice among one-character alternatives is a set: a run of two or more becomes one `class` term
 * (`" " | "\n" | "\t" | "\r" | comment` gives `[ \n\t\r] | comment`). Each alternative builds one terminal node
 * of the character it read, so the CST is the same.
 */
function mergeCharRuns(terms: readonly Expr[]): Expr[] {
  const out: Expr[] = [];
  let run: Expr[] = [];
  const flush = () => {
    if (run.length > 1) {
      const codePoints = run.some((t) => t.kind === 'range' && t.codePoint);
      out.push({ kind: 'class', ranges: union(run.map(unitRange).filter((r) => r !== undefined), []), surrogates: codePoints ? run : undefined });
    } else out.push(...run);
    run = [];
  };
  for (const t of terms) {
    if (unitRange(t)) run.push(t);
    else {
      flush();
      out.push(t);
    }
  }
  flush();
  return out;
}

/** The code units a one-character terminal or range matches, a code-point range's below U+FFFF included. */
function unitRange(t: Expr): readonly [number, number] | undefined {
  if (t.kind === 'terminal' && t.text.length === 1) return [t.text.charCodeAt(0), t.text.charCodeAt(0)];
  if (t.kind === 'range' && (!t.codePoint || t.from <= 0xffff)) return [t.from, Math.min(t.to, 0xffff)];
  return undefined;
}
