/**
 * Turns one parsing expression into JavaScript statements (see generate.ts for the big picture).
 *
 * Conventions of the emitted code, inside `createParser(Node)`:
 * - `input` is the text and `pos` the position; an expression that fails runs its `fail` statement (a
 *   `break label;`, `return null;`, …) and may leave `pos` anywhere: the nearest choice point restores it.
 * - In build mode an expression of arity n assigns its n CST children to the n `slots` variables given to it;
 *   the terms of an alternation share their slots (Ohm checks they have the same arity).
 * - `skip()` skips spaces and comments before a terminal, range or application in a syntactic context,
 *   exactly where Ohm's `allowsSkippingPrecedingSpace` would.
 */
import { emitAlt, emitClass } from './emit-choice.js';
import type { RuleBodies } from './first-set.js';
import { arity, type Expr } from './ir.js';

export interface Ctx {
  /** Build CST nodes (true) or only recognise (false). */
  readonly build: boolean;
  readonly syntactic: boolean;
  /** Inside a lexical rule's expansion: iterations become lazy nodes too. */
  readonly lazyIters: boolean;
}

/** What an emitter needs from the generator: the name of a function, which the generator then emits. */
export interface FunctionTable extends RuleBodies {
  /** The rule (or specialisation of a parameterised rule) that `apply` applies. */
  target(apply: Expr & { kind: 'apply' }): { readonly ruleName: string; readonly syntactic: boolean };
  /** The function that builds (`b`, syntactic rules), recognises (`m`) or expands (`E`, lexical nodes) it. */
  fn(kind: 'b' | 'm' | 'E', apply: Expr & { kind: 'apply' }): string;
  /** The name of a module-level constant holding `code` (a regular expression literal). */
  constant(code: string): string;
  /** The expanders (one per column) of a lazy iteration node for `iter`, evaluated in `ctx`. */
  iteration(iter: Expr & { kind: 'iter' }, ctx: Ctx): readonly string[];
}

const codeUnits = (s: string): number[] => [...Array(s.length).keys()].map((i) => s.charCodeAt(i));
const at = (i: number): string => (i ? `pos + ${i}` : 'pos');

export class FunctionWriter {
  readonly lines: string[] = [];
  private next = 0;

  constructor(readonly table: FunctionTable) {}

  fresh(prefix: string): string {
    return `${prefix}${this.next++}`;
  }

  put(depth: number, text: string): void {
    this.lines.push(`${'  '.repeat(depth)}${text}`);
  }

  /** Skips spaces before a token in a syntactic context; the call is avoided when they were just skipped. */
  skip(ctx: Ctx, depth: number): void {
    if (ctx.syntactic) this.put(depth, 'if (pos !== skipTo) skip();');
  }

  expr(e: Expr, ctx: Ctx, slots: readonly string[], fail: string, d: number): void {
    const out = ctx.build ? slots : [];
    switch (e.kind) {
      case 'terminal':
        return this.terminal(e.text, ctx, out, fail, d);
      case 'range':
      case 'any':
      case 'unicode':
        return this.codePoint(e, ctx, out, fail, d);
      case 'class':
        return emitClass(this, e, ctx, out, fail, d);
      case 'end':
        this.skip(ctx, d);
        this.put(d, `if (pos < input.length) ${fail}`);
        if (out.length) this.put(d, `${out[0]} = T(pos, 0);`);
        return;
      case 'param':
        throw new Error('codegen: unsubstituted parameter');
      case 'alt':
        return emitAlt(this, e.terms, ctx, out, fail, d);
      case 'seq': {
        let offset = 0;
        for (const f of e.factors) {
          const n = arity(f);
          this.expr(f, ctx, out.slice(offset, offset + n), fail, d);
          offset += n;
        }
        return;
      }
      case 'iter':
        if (ctx.build && ctx.lazyIters && !hasLookahead(e.expr)) return this.lazyIter(e, ctx, out, fail, d);
        return this.iterNodes(e, ctx, out, fail, d);
      case 'not': {
        const s = this.fresh('s');
        const label = this.fresh('N');
        this.put(d, '{');
        this.put(d + 1, `const ${s} = pos;`);
        this.put(d + 1, `${label}: {`);
        this.expr(e.expr, { ...ctx, build: false }, [], `break ${label};`, d + 2);
        this.put(d + 2, fail);
        this.put(d + 1, '}');
        this.put(d + 1, `pos = ${s};`);
        this.put(d, '}');
        return;
      }
      case 'lookahead': {
        // Ohm keeps the bindings of a look-ahead (they become CST children) but not the position.
        const s = this.fresh('s');
        this.put(d, '{');
        this.put(d + 1, `const ${s} = pos;`);
        this.expr(e.expr, ctx, out, fail, d + 1);
        this.put(d + 1, `pos = ${s};`);
        this.put(d, '}');
        return;
      }
      case 'lex':
        return this.expr(e.expr, { ...ctx, syntactic: false }, out, fail, d);
      case 'apply':
        return this.apply(e, ctx, out, fail, d);
    }
  }

  private terminal(text: string, ctx: Ctx, out: readonly string[], fail: string, d: number): void {
    this.skip(ctx, d);
    const n = text.length;
    if (n > 0) {
      const test = n <= 6 ? codeUnits(text).map((c, i) => `input.charCodeAt(${at(i)}) === ${c}`).join(' && ') : `input.startsWith(${JSON.stringify(text)}, pos)`;
      this.put(d, `if (!(${test})) ${fail}`);
    }
    if (out.length) this.put(d, `${out[0]} = T(pos, ${n});`);
    if (n > 0) this.put(d, n === 1 ? 'pos++;' : `pos += ${n};`);
  }

  /** A range, `any` or a Unicode category: one code unit, or one code point (as Ohm decides). */
  private codePoint(e: Expr & { kind: 'range' | 'any' | 'unicode' }, ctx: Ctx, out: readonly string[], fail: string, d: number): void {
    this.skip(ctx, d);
    const c = this.fresh('c');
    this.put(d, '{');
    if (e.kind === 'range' && !e.codePoint) {
      this.put(d + 1, `const ${c} = input.charCodeAt(pos);`);
      this.put(d + 1, `if (!(${c} >= ${e.from} && ${c} <= ${e.to})) ${fail}`);
      if (out.length) this.put(d + 1, `${out[0]} = T(pos, 1);`);
      this.put(d + 1, 'pos++;');
    } else {
      const w = this.fresh('w');
      this.put(d + 1, `const ${c} = input.codePointAt(pos);`);
      const test = e.kind === 'any' ? `${c} === undefined` : e.kind === 'unicode' ? `${c} === undefined || !${this.table.constant(e.regex)}.test(String.fromCodePoint(${c}))` : `!(${c} >= ${e.from} && ${c} <= ${e.to})`;
      this.put(d + 1, `if (${test}) ${fail}`);
      this.put(d + 1, `const ${w} = ${c} > 0xffff ? 2 : 1;`);
      if (out.length) this.put(d + 1, `${out[0]} = T(pos, ${w});`);
      this.put(d + 1, `pos += ${w};`);
    }
    this.put(d, '}');
  }

  /** `*`, `+`, `?`. In build mode, one array per column of bindings, as Ohm's Iter node does. */
  iterNodes(e: Expr & { kind: 'iter' }, ctx: Ctx, out: readonly string[], fail: string, d: number): void {
    const k = out.length ? arity(e.expr) : 0;
    const temps = Array.from({ length: k }, () => this.fresh('t'));
    const cols = Array.from({ length: k }, () => this.fresh('c'));
    const start = this.fresh('i');
    const count = e.op === '+' && k === 0 ? this.fresh('n') : undefined;
    const s = this.fresh('s');
    const body = this.fresh('B');
    this.put(d, '{');
    if (k) {
      this.put(d + 1, `const ${start} = pos;`);
      this.put(d + 1, `let ${temps.join(', ')};`);
      // Most iterations match nothing: share one empty array until the first match.
      this.put(d + 1, `let ${cols.map((c) => `${c} = EMPTY`).join(', ')};`);
    }
    if (count) this.put(d + 1, `let ${count} = 0;`);
    const loop = this.fresh(e.op === '?' ? 'O' : 'W');
    this.put(d + 1, e.op === '?' ? `${loop}: {` : `${loop}: for (;;) {`);
    this.put(d + 2, `const ${s} = pos;`);
    this.put(d + 2, `${body}: {`);
    this.expr(e.expr, ctx, temps, `break ${body};`, d + 3);
    if (k && e.op === '?') this.put(d + 3, cols.map((c, i) => `${c} = [${temps[i]}];`).join(' '));
    else if (k) {
      this.put(d + 3, `if (${cols[0]} === EMPTY) {`);
      this.put(d + 4, cols.map((c, i) => `${c} = [${temps[i]}];`).join(' '));
      this.put(d + 3, '} else {');
      this.put(d + 4, cols.map((c, i) => `${c}.push(${temps[i]});`).join(' '));
      this.put(d + 3, '}');
    }
    if (count) this.put(d + 3, `${count}++;`);
    this.put(d + 3, e.op === '?' ? `break ${loop};` : `continue ${loop};`);
    this.put(d + 2, '}');
    this.put(d + 2, `pos = ${s};`);
    if (e.op !== '?') this.put(d + 2, 'break;');
    this.put(d + 1, '}');
    if (e.op === '+') this.put(d + 1, `if (${count ?? `${cols[0]}.length`} === 0) ${fail}`);
    cols.forEach((c, i) => this.put(d + 1, `${out[i]} = I(${c}, ${cols[0]}, ${cols[k - 1]}, ${start});`));
    this.put(d, '}');
  }

  /**
   * Inside a lexical rule (no spaces skipped) an iteration spans exactly what it consumed, so it can be
   * recognised now and its children built only if an action asks for them (most never do: `dqString(_, body, _)`).
   */
  private lazyIter(e: Expr & { kind: 'iter' }, ctx: Ctx, out: readonly string[], fail: string, d: number): void {
    const start = this.fresh('i');
    this.put(d, '{');
    this.put(d + 1, `const ${start} = pos;`);
    this.iterNodes(e, { ...ctx, build: false }, [], fail, d + 1);
    const expanders = this.table.iteration(e, ctx);
    out.forEach((slot, i) => this.put(d + 1, `${slot} = new Node('_iter', input, ${start}, pos, ${expanders[i]});`));
    this.put(d, '}');
  }

  private apply(e: Expr & { kind: 'apply' }, ctx: Ctx, out: readonly string[], fail: string, d: number): void {
    this.skip(ctx, d);
    const { syntactic, ruleName } = this.table.target(e);
    if (!out.length) return this.put(d, `if (!${this.table.fn('m', e)}()) ${fail}`);
    if (syntactic) return this.put(d, `if ((${out[0]} = ${this.table.fn('b', e)}()) === null) ${fail}`);
    // A lexical rule is a token to the syntactic rules: recognise it now, build its children on demand.
    const s = this.fresh('s');
    this.put(d, `const ${s} = pos;`);
    this.put(d, `if (!${this.table.fn('m', e)}()) ${fail}`);
    this.put(d, `${out[0]} = new Node(${JSON.stringify(ruleName)}, input, ${s}, pos, ${this.table.fn('E', e)});`);
  }
}

/** Whether a look-ahead (whose children may end past the position) occurs in `e`, not counting applied rules. */
function hasLookahead(e: Expr): boolean {
  switch (e.kind) {
    case 'lookahead':
      return true;
    case 'alt':
      return e.terms.some(hasLookahead);
    case 'seq':
      return e.factors.some(hasLookahead);
    case 'iter':
    case 'not':
    case 'lex':
      return hasLookahead(e.expr);
    default:
      return false;
  }
}
