// never-true: within one `and` chain, constraints on the same field that no single value can meet:
// `x == "a" and x == "b"`, `x in ("a", "b") and x : "c"`, `x == null and x == "a"`, `x > 5 and x < 3`.
// A field holding several values can meet both (a predicate on an array matches when any value does), so a field
// the schema marks as an array (ECS `normalize: array`) is skipped, and the message names the exception.
import type { Expr, LogicalExpr } from '../ast/nodes.js';
import { foldCase } from '../matching/case-fold.js';
import type { CheckContext } from './context.js';
import { fieldPath } from './fields.js';
import { parseCidr, parseIp } from '../values/ip.js';
import { asLiteral } from './value-types.js';

interface ValueSet {
  /** Literal keys: `s:text`, `n:1`, `b:true`. */
  readonly keys: ReadonlySet<string>;
  readonly insensitive: boolean;
}

interface Constraint {
  readonly node: Expr;
  readonly set?: ValueSet;
  readonly isNull?: boolean;
  readonly lower?: { readonly v: number; readonly inclusive: boolean };
  readonly upper?: { readonly v: number; readonly inclusive: boolean };
}

/** Checks one `and` chain (call with the chain's root). */
export function checkNeverTrue(root: LogicalExpr, ctx: CheckContext): void {
  const seen = new Map<string, Constraint[]>();
  for (const leaf of conjuncts(root)) {
    const c = constraintOf(leaf);
    if (!c) continue;
    const list = seen.get(c.path) ?? [];
    if (list.length === 0) seen.set(c.path, list);
    const clash = list.find((prev) => excludes(prev, c.constraint));
    if (clash && !isArrayField(c.path, ctx)) {
      ctx.report('never-true', leaf.span, { condition: ctx.short(leaf, 50), other: ctx.short(clash.node, 50) });
      continue;
    }
    list.push(c.constraint);
  }
}

function conjuncts(e: Expr): Expr[] {
  return e.kind === 'logical' && e.op === 'and' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

function isArrayField(path: string, ctx: CheckContext): boolean {
  const f = ctx.schema?.lookup(path);
  return f?.arrayNormalized === true || f?.family === 'ip';
}

function key(e: Expr, fold: boolean): string | undefined {
  const l = asLiteral(e);
  if (!l || l.kind === 'null') return undefined;
  // On an ip field "10.0.0.1" equals "::ffff:10.0.0.1" and lies in "10.0.0.0/8": not plain values.
  if (l.kind === 'string' && (parseIp(l.value) !== undefined || (l.value.includes('/') && parseCidr(l.value).ok))) return undefined;
  if (l.kind === 'string') return `s:${fold ? foldCase(l.value) : l.value}`;
  return l.kind === 'number' ? `n:${l.value}` : `b:${l.value}`;
}

function setOf(values: readonly Expr[], insensitive: boolean): ValueSet | undefined {
  const keys = new Set<string>();
  for (const v of values) {
    const k = key(v, insensitive);
    if (k === undefined) return undefined;
    keys.add(k);
  }
  return { keys, insensitive };
}

function constraintOf(e: Expr): { path: string; constraint: Constraint } | undefined {
  if (e.kind === 'compare') {
    const flipped = e.right.kind === 'field';
    const field = flipped ? e.right : e.left;
    const value = flipped ? e.left : e.right;
    if (field.kind !== 'field') return undefined;
    const path = fieldPath(field);
    if (value.kind === 'null') return e.op === '==' ? { path, constraint: { node: e, isNull: true } } : e.op === '!=' ? { path, constraint: { node: e, isNull: false } } : undefined;
    const lit = asLiteral(value);
    if (!lit) return undefined;
    if (e.op === '==') {
      const set = setOf([value], false);
      return set ? { path, constraint: { node: e, set } } : undefined;
    }
    if (lit.kind !== 'number' || e.op === '!=') return undefined;
    const op = flipped ? ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const)[e.op] : e.op;
    const bound = { v: lit.value, inclusive: op.endsWith('=') };
    return { path, constraint: op.startsWith('>') ? { node: e, lower: bound } : { node: e, upper: bound } };
  }
  if (e.kind === 'in' && !e.negated && e.operand.kind === 'field') {
    const set = setOf(e.values, e.caseInsensitive);
    return set ? { path: fieldPath(e.operand), constraint: { node: e, set } } : undefined;
  }
  if (e.kind === 'match' && e.operator === ':' && e.operand.kind === 'field') {
    if (e.patterns.some((p) => p.kind !== 'string' || /[*?]/.test(p.value))) return undefined;
    const set = setOf(e.patterns, true);
    return set ? { path: fieldPath(e.operand), constraint: { node: e, set } } : undefined;
  }
  return undefined;
}

function excludes(a: Constraint, b: Constraint): boolean {
  if (a.isNull !== undefined || b.isNull !== undefined) {
    const n = a.isNull !== undefined ? a : b;
    const o = n === a ? b : a;
    if (o.isNull !== undefined) return o.isNull !== n.isNull;
    return n.isNull === true; // a missing field equals nothing and has no range
  }
  if (a.set && b.set) return !intersects(a.set, b.set);
  const set = a.set ?? b.set;
  const range = a.set ? b : a;
  if (set) return [...set.keys].every((k) => !k.startsWith('n:') || !inRange(Number(k.slice(2)), range)) && [...set.keys].every((k) => k.startsWith('n:'));
  const lower = a.lower ?? b.lower;
  const upper = a.upper ?? b.upper;
  if (!lower || !upper) return false;
  return lower.v > upper.v || (lower.v === upper.v && !(lower.inclusive && upper.inclusive));
}

function intersects(a: ValueSet, b: ValueSet): boolean {
  const fold = a.insensitive || b.insensitive;
  const norm = (k: string) => (fold && k.startsWith('s:') ? `s:${foldCase(k.slice(2))}` : k);
  const kinds = (s: ValueSet) => new Set([...s.keys].map((k) => k[0]));
  // Values of different literal kinds are a type mismatch (reported elsewhere), not a contradiction.
  const ka = kinds(a);
  if (![...kinds(b)].some((k) => ka.has(k))) return true;
  const bn = new Set([...b.keys].map(norm));
  return [...a.keys].some((k) => bn.has(norm(k)));
}

function inRange(v: number, c: Constraint): boolean {
  if (c.lower && (v < c.lower.v || (v === c.lower.v && !c.lower.inclusive))) return false;
  if (c.upper && (v > c.upper.v || (v === c.upper.v && !c.upper.inclusive))) return false;
  return true;
}
