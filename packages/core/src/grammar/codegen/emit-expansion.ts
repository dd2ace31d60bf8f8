/**
 * The body of `e_<rule>(end)`: the children of a lazy token, parsed again from its start when an action asks
 * for them. The token's end is known, so an application that ends the body must end there too and need not be
 * recognised again: `string = ~… stringBody` gives its `stringBody` child without scanning the string, and in
 * `identifier = backtickName | ident` the first character tells which alternative it was.
 */
import type { Ctx, FunctionWriter } from './emit-expr.js';
import { firstSet, testOf, union, type CodeUnits } from './first-set.js';
import { arity, nullable, type Expr } from './ir.js';

type Apply = Expr & { kind: 'apply' };

const ctx: Ctx = { build: true, syntactic: false, lazyIters: true };
const fail = 'throw mismatch();';

export function emitExpansion(w: FunctionWriter, body: Expr, slots: readonly string[]): void {
  if (body.kind === 'apply') return tail(w, body, slots[0], 1);
  if (body.kind === 'seq' && body.factors.at(-1)?.kind === 'apply') {
    let offset = 0;
    for (const f of body.factors.slice(0, -1)) {
      const n = arity(f);
      w.expr(f, ctx, slots.slice(offset, offset + n), fail, 1);
      offset += n;
    }
    return tail(w, body.factors.at(-1) as Apply, slots[offset], 1);
  }
  if (body.kind === 'alt' && body.terms.length > 1 && body.terms.every((t) => t.kind === 'apply')) return alternatives(w, body.terms as Apply[], slots[0]);
  w.expr(body, ctx, slots, fail, 1);
}

/** The last application of the body: it runs to the token's end. */
function tail(w: FunctionWriter, apply: Apply, slot: string, d: number): void {
  w.put(d, `${slot} = new Node(${JSON.stringify(w.table.target(apply).ruleName)}, input, pos, end, ${w.table.fn('E', apply)});`);
  w.put(d, 'pos = end;');
}

/**
 * Alternatives (case names, `stringBody`): the earlier ones are tried as usual; once the first character rules
 * out every later one, the current one is the match and needs no recognising.
 */
function alternatives(w: FunctionWriter, terms: readonly Apply[], slot: string): void {
  const starts = terms.map((t): CodeUnits | undefined => (nullable(t, (a) => w.table.nullable(a)) ? undefined : firstSet(t, false, w.table)));
  const done = w.fresh('A');
  const start = w.fresh('s');
  const c = w.fresh('c');
  w.put(1, `const ${start} = pos;`);
  w.put(1, `const ${c} = input.charCodeAt(pos);`);
  w.put(1, `${done}: {`);
  terms.forEach((term, i) => {
    const later = laterStarts(starts.slice(i + 1));
    if (i === terms.length - 1) return tail(w, term, slot, 2);
    const next = w.fresh('T');
    w.put(2, `${next}: {`);
    const own = starts[i];
    if (own) w.put(3, `if (!(${testOf(c, own)})) break ${next};`);
    if (later) {
      w.put(3, `if (!(${testOf(c, later)})) {`);
      tail(w, term, slot, 4);
      w.put(4, `break ${done};`);
      w.put(3, '}');
    }
    w.put(3, `if (!${w.table.fn('m', term)}()) break ${next};`);
    w.put(3, `${slot} = new Node(${JSON.stringify(w.table.target(term).ruleName)}, input, ${start}, pos, ${w.table.fn('E', term)});`);
    w.put(3, `break ${done};`);
    w.put(2, '}');
    w.put(2, `pos = ${start};`);
  });
  w.put(1, '}');
}

/** The code units the later alternatives can start with, or undefined if some could start with anything. */
function laterStarts(starts: readonly (CodeUnits | undefined)[]): CodeUnits | undefined {
  let acc: CodeUnits = [];
  for (const s of starts) {
    if (!s) return undefined;
    acc = union(acc, s);
  }
  return acc;
}
