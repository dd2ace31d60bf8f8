/**
 * Property test of the pre-filter's soundness: for many seeded random queries × events, a line the pre-filter
 * rejects holds an event that the full evaluator matches in no stage (nor `until`). Events are written with random
 * JSON spellings (nested or dotted keys, arrays, `\uXXXX` and `\/` escapes, odd number spellings, whitespace) and
 * values chosen to hit the edge cases (case variants that fold specially, quotes and backslashes, numeric and
 * boolean text, control characters); queries use every operator, with and without a mapping (keyword, long, ip,
 * boolean, `null_value`, alias, multi-field).
 */
import { describe, expect, it } from 'vitest';
import type { Expr, FieldRef, Literal, MatchOperator, Stage, Statement } from '../../ast/nodes.js';
import { parseSchemaDocument } from '../../schema/document.js';
import { buildSchema } from '../../schema/schema.js';
import type { Schema } from '../../schema/types.js';
import { compileStatement } from '../compile.js';
import { seededRandom } from '../../../testing/random.js';
import { prefilterPlanFor, type Spelling } from './index.js';

type Rand = () => number;
const span = { start: 0, end: 0 };
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const FIELDS = ['a', 'b', 'a.b', 'c.d', 'x.y.z', 'cat'];
const STRINGS = [
  'abc', 'ABC', 'aBc', 'a"b', 'a\\b', 'C:\\Windows\\x.exe', 'c:\\windows\\X.EXE', 'line\nbreak', 'tab\tx', 'bell\u0007',
  'true', 'false', 'TRUE', 'True', '100', '1e2', ' 100 ', '100.0', 'Infinity', '-Infinity', '-0', '0.5', 'e', 'in',
  '\u212Aelvin', 'kelvin', 'KELVIN', '\u0130stanbul', 'istanbul', 'ISTANBUL', '\u017Fs', 'ss', 'SS', '\u039F\u0394\u039F\u03A3', '\u03BF\u03B4\u03BF\u03C2', '\u03C3',
  '\u{1F600}x', '\u{10400}', '\u{10428}', '', 'a/b', 'http://x/y', 'process', 'network', 'Process', 'x,y', 'a*b', 'a?b', '\u00E9t\u00E9', '\u00C9T\u00C9',
  'start', 'msiexec.exe', 'MSIEXEC.EXE', '/V', '/v', 'S-1-5-21-99', 's-1-5-21-7', '"quoted"', '}', ']', ',', ':', ' ', '\\u0041',
];
/** JSON spellings of numbers: value and text. */
const NUMBERS: readonly (readonly [number, string])[] = [
  [100, '100'], [100, '1e2'], [100, '100.0'], [100, '1E+2'], [0.5, '0.5'], [0.5, '5e-1'], [-0, '-0'], [Infinity, '1e400'], [-Infinity, '-1e400'], [1, '1'], [2, '2.0'],
];

// ---- events -----------------------------------------------------------------------------------------------

type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };
/** A value with its JSON spelling decided at write time (numbers keep theirs). */
class Num {
  constructor(
    readonly value: number,
    readonly text: string,
  ) {}
}
type Gen = string | Num | boolean | null | Gen[] | { [k: string]: Gen };

function scalar(r: Rand): Gen {
  const x = r();
  if (x < 0.6) return pick(r, STRINGS);
  if (x < 0.8) {
    const [v, t] = pick(r, NUMBERS);
    return new Num(v, t);
  }
  if (x < 0.93) return r() < 0.5;
  return null;
}

function value(r: Rand): Gen {
  return r() < 0.2 ? [scalar(r), scalar(r)] : scalar(r);
}

function setPath(obj: { [k: string]: Gen }, path: string, v: Gen, r: Rand): void {
  const parts = path.split('.');
  if (parts.length === 1 || r() < 0.3) {
    obj[path] = v;
    return;
  }
  const [head, ...rest] = parts;
  const child = obj[head];
  const target = child && typeof child === 'object' && !Array.isArray(child) && !(child instanceof Num) ? child : (obj[head] = {});
  setPath(target as { [k: string]: Gen }, rest.join('.'), v, r);
}

function event(r: Rand): { [k: string]: Gen } {
  const ev: { [k: string]: Gen } = {};
  for (const f of FIELDS) if (r() < 0.55) setPath(ev, f, value(r), r);
  if (r() < 0.7) setPath(ev, 'event.category', r() < 0.3 ? [pick(r, ['process', 'network', 'file'])] : pick(r, ['process', 'network', 'file', 'Process']), r);
  setPath(ev, '@timestamp', new Num(Math.floor(r() * 1000), String(Math.floor(r() * 1000))), r);
  return ev;
}

const ws = (r: Rand) => (r() < 0.85 ? '' : pick(r, [' ', '\t', '  ', '\r\n ']));

function writeString(s: string, r: Rand, escapeRate: number): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (r() < escapeRate) {
      // Any character may be written as \uXXXX (astral ones as a surrogate pair).
      for (const unit of ch.split('')) {
        const h = unit.charCodeAt(0).toString(16).padStart(4, '0');
        out += '\\u' + (r() < 0.5 ? h : h.toUpperCase());
      }
    } else if (ch === '/' && r() < 0.5) out += '\\/';
    else if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (cp < 0x20) out += JSON.stringify(ch).slice(1, -1);
    else out += ch;
  }
  return out + '"';
}

function write(v: Gen, r: Rand, escapeRate: number): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return writeString(v, r, escapeRate);
  if (v instanceof Num) return v.text;
  if (Array.isArray(v)) return `[${ws(r)}${v.map((x) => write(x, r, escapeRate)).join(`${ws(r)},${ws(r)}`)}${ws(r)}]`;
  return `{${ws(r)}${Object.entries(v)
    .map(([k, x]) => `${writeString(k, r, escapeRate)}${ws(r)}:${ws(r)}${write(x, r, escapeRate)}`)
    .join(`${ws(r)},${ws(r)}`)}${ws(r)}}`;
}

// ---- queries ----------------------------------------------------------------------------------------------

function field(r: Rand): FieldRef {
  const name = pick(r, FIELDS);
  return { kind: 'field', name, segments: name.split('.').map((n) => ({ kind: 'name', name: n, quoted: false })), optional: r() < 0.1, span };
}

function literal(r: Rand): Literal {
  const x = r();
  if (x < 0.75) return { kind: 'string', value: pick(r, STRINGS), raw: false, span };
  if (x < 0.9) {
    const [v] = pick(r, NUMBERS);
    return Number.isFinite(v) ? { kind: 'number', value: v, integer: Number.isInteger(v), text: String(v), span } : { kind: 'number', value: 1, integer: true, text: '1', span };
  }
  if (x < 0.97) return { kind: 'boolean', value: r() < 0.5, span };
  return { kind: 'null', span };
}

/** A wildcard pattern made from a value: some characters become `*` or `?`. */
function wildcardPattern(r: Rand): Literal {
  const base = [...pick(r, STRINGS)];
  const out = base.map((ch) => (r() < 0.15 ? '*' : r() < 0.08 ? '?' : ch)).join('');
  const p = (r() < 0.3 ? '*' : '') + out + (r() < 0.3 ? '*' : '');
  return { kind: 'string', value: p, raw: false, span };
}

/** A Lucene regex made from a value: special characters escaped, some runs replaced by `.*`. */
function regexPattern(r: Rand): Literal {
  const base = [...pick(r, STRINGS)];
  const parts = base.map((ch) => (r() < 0.12 ? '.*' : /[.?+*|{}[\]()"\\#@&<>~]/.test(ch) ? `\\${ch}` : ch));
  const p = (r() < 0.3 ? '.*' : '') + parts.join('') + (r() < 0.2 ? '(x|y)?' : '');
  return { kind: 'string', value: p, raw: false, span };
}

function condition(r: Rand, depth: number): Expr {
  const x = r();
  if (depth > 0 && x < 0.3) {
    return { kind: 'logical', op: r() < 0.6 ? 'and' : 'or', left: condition(r, depth - 1), right: condition(r, depth - 1), span };
  }
  if (depth > 0 && x < 0.36) return { kind: 'not', operand: condition(r, depth - 1), span };
  const y = r();
  if (y < 0.22) {
    const op = pick(r, ['==', '==', '==', '!=', '<', '>='] as const);
    const [left, right]: [Expr, Expr] = r() < 0.85 ? [field(r), literal(r)] : [literal(r), field(r)];
    return { kind: 'compare', op, left, right, opSpan: span, span };
  }
  if (y < 0.4) {
    const values = Array.from({ length: 1 + Math.floor(r() * 3) }, () => literal(r));
    return { kind: 'in', operand: field(r), values, negated: r() < 0.15, caseInsensitive: r() < 0.4, span };
  }
  if (y < 0.75) {
    const operator = pick(r, [':', ':', 'like', 'like~', 'regex', 'regex~'] as const satisfies readonly MatchOperator[]);
    const make = operator.startsWith('regex') ? regexPattern : wildcardPattern;
    const patterns = Array.from({ length: 1 + Math.floor(r() * 2) }, () => (r() < 0.05 ? literal(r) : make(r)));
    return { kind: 'match', operator, operand: field(r), patterns, opSpan: span, span };
  }
  if (y < 0.9) {
    const name = pick(r, ['startsWith', 'stringContains', 'endsWith', 'length']);
    const args: Expr[] = name === 'length' ? [field(r)] : [field(r), r() < 0.8 ? { kind: 'string', value: pick(r, STRINGS), raw: false, span } : literal(r)];
    const call: Expr = { kind: 'call', name, caseInsensitive: name !== 'length' && r() < 0.4, args, nameSpan: span, span };
    if (name === 'length') return { kind: 'compare', op: '>', left: call, right: { kind: 'number', value: 2, integer: true, text: '2', span }, opSpan: span, span };
    // `f(…) == true` / `!= false`: the evaluator rewrites these to the predicate (or its negation).
    if (r() < 0.2) return { kind: 'compare', op: r() < 0.5 ? '==' : '!=', left: call, right: { kind: 'boolean', value: r() < 0.5, span }, opSpan: span, span };
    return call;
  }
  if (y < 0.95) return field(r);
  return r() < 0.5 ? { kind: 'boolean', value: r() < 0.8, span } : { kind: 'compare', op: r() < 0.5 ? '==' : '!=', left: field(r), right: { kind: 'null', span }, opSpan: span, span };
}

function eventQuery(r: Rand) {
  const name = r() < 0.5 ? pick(r, ['process', 'network', 'Process']) : null;
  return { kind: 'event' as const, category: { kind: 'category' as const, name, quoted: false, span }, condition: condition(r, 3), span };
}

function stage(r: Rand, missing = false): Stage {
  return { kind: 'stage', missing, query: eventQuery(r), by: [], runs: undefined, span };
}

function statement(r: Rand): Statement {
  const x = r();
  if (x < 0.5) return { kind: 'statement', query: eventQuery(r), pipes: [], span };
  if (x < 0.85) {
    const stages = [stage(r), stage(r, r() < 0.2), stage(r)];
    return { kind: 'statement', query: { kind: 'sequence', by: [], maxspan: undefined, stages, until: r() < 0.3 ? stage(r) : undefined, span }, pipes: [], span };
  }
  return { kind: 'statement', query: { kind: 'sample', by: [], stages: [stage(r), stage(r)], span }, pipes: [], span };
}

// ---- schemas ----------------------------------------------------------------------------------------------

function schema(r: Rand): Schema | undefined {
  if (r() < 0.4) return undefined;
  const properties: Record<string, unknown> = {};
  const types = ['keyword', 'keyword', 'long', 'ip', 'boolean', 'date', 'double', 'version'];
  for (const f of FIELDS) {
    const x = r();
    if (x < 0.15) properties[f] = { type: 'keyword', null_value: pick(r, ['abc', 'process', 'start', 'kelvin']) };
    else if (x < 0.22 && f !== 'b') properties[f] = { type: 'alias', path: 'b' };
    else if (x < 0.3) properties[f] = { type: 'text', fields: { keyword: { type: 'keyword' } } };
    else properties[f] = { type: pick(r, types) };
  }
  properties['event.category'] = { type: 'keyword' };
  properties['@timestamp'] = { type: 'long' };
  return buildSchema([parseSchemaDocument({ properties }, 'mapping:test').layer]);
}

// ---- the property -----------------------------------------------------------------------------------------

describe('prefilter soundness (seeded property test)', () => {
  it.each(['any', 'canonical'] as const satisfies readonly Spelling[])('never rejects a line whose event matches a stage, until or missing stage (%s spelling), nor does its gate', (spelling) => {
    const r = seededRandom(20240506);
    let pairs = 0;
    let rejected = 0;
    let escaped = 0;
    const failures: string[] = [];
    for (let q = 0; q < 1500 && failures.length < 5; q++) {
      const s = schema(r);
      const ast = statement(r);
      let compiled;
      try {
        compiled = compileStatement(ast, { schema: s });
      } catch {
        continue; // a construct the evaluator refuses outright is out of scope here
      }
      const plan = prefilterPlanFor(compiled, { schema: s, spelling });
      if (!plan) continue;
      const pf = plan.test;
      const sample = Array.from({ length: 20 }, () => write(event(r), r, 0));
      const global = plan.gate(sample);
      const gate = global && new RegExp(global.source, global.flags.replace('g', ''));
      const filters = [...compiled.stages.map((st) => st.filter), ...(compiled.until ? [compiled.until.filter] : [])];
      for (let e = 0; e < 60; e++) {
        const ev = event(r);
        const escapeRate = r() < 0.2 ? 0.2 : 0;
        const line = write(ev, r, escapeRate);
        const parsed = JSON.parse(line) as Record<string, unknown>;
        pairs++;
        if (escapeRate > 0) escaped++;
        if (gate && !gate.test(line) && pf(line)) failures.push(`gate ${gate.source} misses a line the test accepts\nline ${line}`);
        if (pf(line)) continue;
        rejected++;
        if (filters.some((f) => f(parsed))) failures.push(`query ${JSON.stringify(ast.query)}\nline ${line}`);
      }
    }
    expect(failures).toEqual([]);
    // The property must not hold vacuously: plenty of lines are rejected, including some with escapes elsewhere.
    expect(pairs).toBeGreaterThan(20_000);
    expect(rejected / pairs).toBeGreaterThan(0.2);
    expect(escaped).toBeGreaterThan(1000);
  });
});
