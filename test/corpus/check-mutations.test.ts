// Seeded mutation test: plant one typical rule-author mistake in a production rule and expect the checker to
// report it with the right code (at the right place where the code has one). Five kinds:
//   rename a field by one letter → unknown-field;  a string literal on a numeric field → type-mismatch;
//   a string on a boolean field → type-mismatch;  drop a `by` key from one stage → join-key-count;
//   a function call with the wrong number of arguments → function-arity.
// Each kind draws up to PER_KIND mutations from the rules where it applies (fixed seed, so failures reproduce).
import { describe, expect, it } from 'vitest';
import { checkText, lookupFunction, arity, parse, walk, type Expr, type FieldRef, type Schema, type Span, type Statement } from '@eqlkit/core';
import { ruleCheckOptions } from '../support/check-rules.js';
import { ruleCorpus, seededRandom, type CorpusRule } from '../support/shared.js';

const SEED = Number(process.env['EQLKIT_MUTATION_SEED'] ?? 20240611);
const PER_KIND = 250;

interface Mutation {
  readonly query: string;
  readonly code: string;
  /** Where the diagnostic must overlap (in the mutated query), when the code has a precise place. */
  readonly at?: Span;
  readonly note: string;
}

type Kind = 'rename-field' | 'string-on-number' | 'string-on-boolean' | 'drop-by-key' | 'function-arity';
type Mutator = (rule: CorpusRule, ast: Statement, schema: Schema, rnd: () => number) => Mutation | undefined;

const pick = <T>(items: readonly T[], rnd: () => number): T | undefined => (items.length ? items[Math.floor(rnd() * items.length)] : undefined);
const splice = (text: string, span: Span, insert: string) => text.slice(0, span.start) + insert + text.slice(span.end);

function nodes<K extends Expr['kind']>(ast: Statement, kind: K): Extract<Expr, { kind: K }>[] {
  const out: Extract<Expr, { kind: K }>[] = [];
  walk(ast, (n) => {
    if (n.kind === kind) out.push(n as Extract<Expr, { kind: K }>);
  });
  return out;
}

const renameField: Mutator = (rule, ast, schema, rnd) => {
  const refs = nodes(ast, 'field').filter((f: FieldRef) => !f.optional && f.segments.every((s) => s.kind === 'name' && !s.quoted) && schema.resolve(f.name).kind === 'field');
  const ref = pick(refs, rnd);
  if (!ref) return undefined;
  const last = ref.name.lastIndexOf('.') + 1;
  for (let attempt = 0; attempt < 10; attempt++) {
    const i = last + Math.floor(rnd() * (ref.name.length - last));
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const c = letters[Math.floor(rnd() * letters.length)];
    if (c === ref.name[i].toLowerCase()) continue;
    const name = ref.name.slice(0, i) + c + ref.name.slice(i + 1);
    // A one-letter change can land on another real field or under a dynamic object: not a mistake to report.
    if (schema.resolve(name).kind !== 'unknown') continue;
    const at = { start: ref.span.start, end: ref.span.start + name.length };
    return { query: splice(rule.query, ref.span, name), code: 'eql/unknown-field', at, note: `${ref.name} → ${name}` };
  }
  return undefined;
};

function literalOnField(family: 'number' | 'boolean'): Mutator {
  return (rule, ast, schema, rnd) => {
    const fits = (f: Expr | undefined) => {
      if (f?.kind !== 'field') return false;
      const info = schema.lookup(f.name);
      return family === 'number' ? info?.family === 'integer' || info?.family === 'float' : info?.family === 'boolean';
    };
    const wanted = family === 'number' ? 'number' : 'boolean';
    const sites: Expr[] = [];
    for (const c of nodes(ast, 'compare')) if (fits(c.left) && c.right.kind === wanted) sites.push(c.right);
    for (const n of nodes(ast, 'in')) if (fits(n.operand)) sites.push(...n.values.filter((v) => v.kind === wanted));
    const lit = pick(sites, rnd);
    if (!lit) return undefined;
    const original = rule.query.slice(lit.span.start, lit.span.end);
    // Half the time an obviously wrong word, half the time the right value in quotes (the commoner slip).
    const text = rnd() < 0.5 ? '"yes"' : `"${original}"`;
    return { query: splice(rule.query, lit.span, text), code: 'eql/type-mismatch', at: { start: lit.span.start, end: lit.span.start + text.length }, note: `${original} → ${text}` };
  };
}

const dropByKey: Mutator = (rule, ast, _schema, rnd) => {
  const q = ast.query;
  if (q.kind === 'event') return undefined;
  const stages = [...q.stages, ...(q.kind === 'sequence' && q.until ? [q.until] : [])].filter((s) => s.by.length > 0);
  const stage = pick(stages, rnd);
  if (!stage) return undefined;
  const lastKey = stage.by[stage.by.length - 1];
  const from = stage.by.length > 1 ? stage.by[stage.by.length - 2].span.end : rule.query.lastIndexOf('by', stage.by[0].span.start);
  return { query: splice(rule.query, { start: from, end: lastKey.span.end }, ''), code: 'eql/join-key-count', note: `dropped ${rule.query.slice(lastKey.span.start, lastKey.span.end)}` };
};

const functionArity: Mutator = (rule, ast, _schema, rnd) => {
  const call = pick(nodes(ast, 'call').filter((c) => lookupFunction(c.name)), rnd);
  if (!call) return undefined;
  const [min, max] = arity(lookupFunction(call.name)!);
  const end = call.span.end - 1; // the closing parenthesis
  if (call.args.length >= max || (max !== Infinity && rnd() < 0.5)) {
    const text = `, "extra"`.repeat(max - call.args.length + 1);
    return { query: splice(rule.query, { start: end, end }, text), code: 'eql/function-arity', at: call.span, note: `${call.name}: +${max - call.args.length + 1} argument(s)` };
  }
  // Too few: keep min - 1 arguments.
  const keep = min - 1;
  const start = keep === 0 ? call.args[0].span.start : call.args[keep - 1].span.end;
  return { query: splice(rule.query, { start, end: call.args[call.args.length - 1].span.end }, ''), code: 'eql/function-arity', at: { start: call.span.start, end: start }, note: `${call.name}: ${call.args.length} → ${keep} argument(s)` };
};

const MUTATORS: Record<Kind, Mutator> = {
  'rename-field': renameField,
  'string-on-number': literalOnField('number'),
  'string-on-boolean': literalOnField('boolean'),
  'drop-by-key': dropByKey,
  'function-arity': functionArity,
};

function shuffle<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

describe('mutation test over the rule corpus', () => {
  it('reports at least 95% of planted mistakes of every kind with the right code', () => {
    const rnd = seededRandom(SEED);
    const rules = ruleCorpus();
    // Parse each rule and build its schema once; every kind reuses them.
    const prepared = new Map(rules.map((r) => [r, { ast: parse(r.query).ast, options: ruleCheckOptions(r) }]));
    const rates: string[] = [];
    const misses: string[] = [];
    let total = 0;
    let caught = 0;
    for (const [kind, mutate] of Object.entries(MUTATORS) as [Kind, Mutator][]) {
      let n = 0;
      let ok = 0;
      const order = shuffle(rules, rnd);
      for (const rule of order) {
        if (n >= PER_KIND) break;
        const { ast, options } = prepared.get(rule)!;
        const m = ast && options.schema ? mutate(rule, ast, options.schema, rnd) : undefined;
        if (!m) continue;
        n++;
        const found = checkText(m.query, options).diagnostics.some((d) => d.code === m.code && (!m.at || overlaps(d.span, m.at)));
        if (found) ok++;
        else misses.push(`${kind} in "${rule.name}": ${m.note}`);
      }
      total += n;
      caught += ok;
      rates.push(`${kind} ${ok}/${n} (${((100 * ok) / Math.max(1, n)).toFixed(1)}%)`);
      expect(n, `${kind}: enough applicable rules`).toBeGreaterThanOrEqual(40);
      expect(ok / n, `${kind}: ${misses.filter((x) => x.startsWith(kind)).slice(0, 5).join('; ')}`).toBeGreaterThanOrEqual(0.95);
    }
    console.log(`mutations (seed ${SEED}): ${rates.join(', ')}; overall ${caught}/${total} (${((100 * caught) / total).toFixed(1)}%)`);
    for (const m of misses.slice(0, 20)) console.log(`  missed: ${m}`);
  });
});
