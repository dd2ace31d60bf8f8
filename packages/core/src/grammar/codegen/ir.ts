/**
 * A typed view of an Ohm grammar's parsing expressions (pexprs). Ohm's `.d.ts` declares the pexpr classes but
 * not their fields, so this is the one place that reads them; the code generator only sees `Expr`.
 */
import { pexprs, type Grammar, type PExpr } from 'ohm-js';

export type Expr =
  | { readonly kind: 'terminal'; readonly text: string }
  /** `from`/`to` are code points; `codePoint` says whether a whole code point is read (Ohm: an endpoint longer than one code unit). */
  | { readonly kind: 'range'; readonly from: number; readonly to: number; readonly codePoint: boolean }
  /**
   * One code unit in `ranges`: made by the emitter from a run of one-character alternatives. If some of them are
   * code-point ranges, `surrogates` holds the run as written, tried in order at a surrogate (elsewhere a code
   * point is one code unit, so the outcome is the same).
   */
  | { readonly kind: 'class'; readonly ranges: readonly (readonly [number, number])[]; readonly surrogates?: readonly Expr[] }
  | { readonly kind: 'any' }
  | { readonly kind: 'end' }
  /** `\p{Ll}` and the like: one code point the regular expression (with the `u` flag) accepts. */
  | { readonly kind: 'unicode'; readonly regex: string }
  | { readonly kind: 'param'; readonly index: number }
  | { readonly kind: 'alt'; readonly terms: readonly Expr[] }
  | { readonly kind: 'seq'; readonly factors: readonly Expr[] }
  | { readonly kind: 'iter'; readonly op: '*' | '+' | '?'; readonly expr: Expr }
  | { readonly kind: 'not' | 'lookahead' | 'lex'; readonly expr: Expr }
  | { readonly kind: 'apply'; readonly rule: string; readonly args: readonly Expr[] };

export interface Rule {
  readonly name: string;
  readonly formals: readonly string[];
  readonly body: Expr;
  /** Ohm's own rendering of the body, for comments in the generated code. */
  readonly display: string;
}

/** Ohm's rule: names starting with an upper-case letter are syntactic (spaces are skipped between their tokens). */
export const isSyntactic = (ruleName: string): boolean => ruleName[0] === ruleName[0].toUpperCase();

/** The rule `name` of `grammar` (inherited ones included), as an `Expr` tree. */
export function ruleOf(grammar: Grammar, name: string): Rule {
  const info = grammar.rules[name] as unknown as { body: PExpr; formals: string[] } | undefined;
  if (!info) throw new Error(`codegen: the grammar has no rule '${name}'`);
  return { name, formals: info.formals, body: fromOhm(info.body), display: info.body.toString() };
}

function fromOhm(p: PExpr): Expr {
  if (p === pexprs.any) return { kind: 'any' };
  if (p === pexprs.end) return { kind: 'end' };
  // Order matters: Extend and Splice are Alts; Star, Plus and Opt are Iters.
  if (p instanceof pexprs.Terminal) return { kind: 'terminal', text: field<string>(p, 'obj') };
  if (p instanceof pexprs.Range) {
    const from = field<string>(p, 'from');
    const to = field<string>(p, 'to');
    return { kind: 'range', from: from.codePointAt(0)!, to: to.codePointAt(0)!, codePoint: field<boolean>(p, 'matchCodePoint') };
  }
  if (p instanceof pexprs.Param) return { kind: 'param', index: field<number>(p, 'index') };
  if (p instanceof pexprs.Alt) return { kind: 'alt', terms: p.terms.map(fromOhm) };
  if (p instanceof pexprs.Seq) return { kind: 'seq', factors: p.factors.map(fromOhm) };
  if (p instanceof pexprs.Iter) {
    const op = p instanceof pexprs.Star ? '*' : p instanceof pexprs.Plus ? '+' : '?';
    return { kind: 'iter', op, expr: fromOhm(field<PExpr>(p, 'expr')) };
  }
  if (p instanceof pexprs.Not) return { kind: 'not', expr: fromOhm(field<PExpr>(p, 'expr')) };
  if (p instanceof pexprs.Lookahead) return { kind: 'lookahead', expr: fromOhm(field<PExpr>(p, 'expr')) };
  if (p instanceof pexprs.Lex) return { kind: 'lex', expr: fromOhm(field<PExpr>(p, 'expr')) };
  if (p instanceof pexprs.Apply) return { kind: 'apply', rule: field<string>(p, 'ruleName'), args: field<PExpr[]>(p, 'args').map(fromOhm) };
  if (p instanceof pexprs.UnicodeChar) return { kind: 'unicode', regex: String(field<RegExp>(p, 'pattern')) };
  // Case-insensitive terminals are not used by our grammar; fail the build loudly.
  throw new Error(`codegen: unsupported parsing expression ${p.toString()}`);
}

function field<T>(p: PExpr, name: string): T {
  return (p as unknown as Record<string, T>)[name];
}

/** How many CST children the expression contributes (Ohm's `getArity`). */
export function arity(e: Expr): number {
  switch (e.kind) {
    case 'alt':
      return e.terms.length ? arity(e.terms[0]) : 0;
    case 'seq':
      return e.factors.reduce((n, f) => n + arity(f), 0);
    case 'iter':
    case 'lookahead':
    case 'lex':
      return arity(e.expr);
    case 'not':
      return 0;
    default:
      return 1;
  }
}

/** `e` with the rule's parameters replaced by the application's arguments. */
export function substitute(e: Expr, args: readonly Expr[]): Expr {
  switch (e.kind) {
    case 'param':
      return args[e.index];
    case 'alt':
      return { kind: 'alt', terms: e.terms.map((t) => substitute(t, args)) };
    case 'seq':
      return { kind: 'seq', factors: e.factors.map((f) => substitute(f, args)) };
    case 'iter':
      return { ...e, expr: substitute(e.expr, args) };
    case 'not':
    case 'lookahead':
    case 'lex':
      return { ...e, expr: substitute(e.expr, args) };
    case 'apply':
      return e.args.length ? { ...e, args: e.args.map((a) => substitute(a, args)) } : e;
    default:
      return e;
  }
}

/** A canonical text for an expression, used to name rule specialisations such as `NonemptyListOf<Expression,",">`. */
export function keyOf(e: Expr): string {
  switch (e.kind) {
    case 'terminal':
      return JSON.stringify(e.text);
    case 'range':
      return `${e.from}..${e.to}${e.codePoint ? 'u' : ''}`;
    case 'class':
      return `[${e.ranges.map(([lo, hi]) => `${lo}-${hi}`).join(',')}]`;
    case 'any':
    case 'end':
      return e.kind;
    case 'unicode':
      return e.regex;
    case 'param':
      return `$${e.index}`;
    case 'alt':
      return `(${e.terms.map(keyOf).join('|')})`;
    case 'seq':
      return `(${e.factors.map(keyOf).join(' ')})`;
    case 'iter':
      return `${keyOf(e.expr)}${e.op}`;
    case 'not':
      return `~${keyOf(e.expr)}`;
    case 'lookahead':
      return `&${keyOf(e.expr)}`;
    case 'lex':
      return `#${keyOf(e.expr)}`;
    case 'apply':
      return e.args.length ? `${e.rule}<${e.args.map(keyOf).join(',')}>` : e.rule;
  }
}

/** Whether `e` can match without consuming input, given which rules can (Ohm rejects nullable iterations itself). */
export function nullable(e: Expr, nullableRule: (apply: Expr & { kind: 'apply' }) => boolean): boolean {
  switch (e.kind) {
    case 'terminal':
      return e.text === '';
    case 'range':
    case 'class':
    case 'any':
    case 'unicode':
      return false;
    case 'end':
    case 'not':
    case 'lookahead':
      return true;
    case 'param':
      throw new Error('codegen: unsubstituted parameter');
    case 'alt':
      return e.terms.some((t) => nullable(t, nullableRule));
    case 'seq':
      return e.factors.every((f) => nullable(f, nullableRule));
    case 'iter':
      return e.op !== '+' || nullable(e.expr, nullableRule);
    case 'lex':
      return nullable(e.expr, nullableRule);
    case 'apply':
      return nullableRule(e);
  }
}
