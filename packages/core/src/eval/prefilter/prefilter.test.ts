import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../parse.js';
import { readDetectionRuleToml } from '../../rules/index.js';
import { parseSchemaDocument } from '../../schema/document.js';
import { buildSchema } from '../../schema/schema.js';
import type { Schema } from '../../schema/types.js';
import { compileStatement } from '../compile.js';
import { hasHidingEscape, prefilterFor, prefilterPlanFor, requirementFor, type Requirement } from './index.js';
import { WARMUP } from './matcher.js';

const ast = (q: string) => {
  const r = parse(q);
  if (!r.ast) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.ast;
};
const filterOf = (q: string, schema?: Schema) => prefilterFor(ast(q), { schema });
const mapping = (properties: Record<string, unknown>) => buildSchema([parseSchemaDocument({ properties }, 'mapping:test').layer]);

/** The requirement as a compact string: `"x"` anchored, `~` case-insensitive. */
function show(r: Requirement): string {
  switch (r.kind) {
    case 'true':
    case 'false':
      return r.kind;
    case 'lit':
      return `${r.lit.caseInsensitive ? '~' : ''}${r.lit.start ? '"' : ''}${r.lit.text}${r.lit.end ? '"' : ''}`;
    case 'and':
    case 'or':
      return `${r.kind}(${r.items.map(show).join(', ')})`;
  }
}
const req = (q: string, schema?: Schema) => show(requirementFor(ast(q), { schema }));

describe('requirements derived from queries', () => {
  it.each([
    ['process where true', '"process"'],
    ['any where process.name == "cmd.exe"', '"cmd.exe"'],
    ['any where process.name : "CMD.exe"', '~"cmd.exe"'],
    ['any where process.name : "cmd*"', '~"cmd'],
    ['any where process.name : "*.exe"', '~.exe"'],
    ['any where process.name : "*cmd*"', '~cmd'],
    ['any where process.name like "a*b?c*d"', 'and("a, d", b, c)'],
    ['any where process.name in ("a.exe", "b.exe")', 'or("a.exe", "b.exe")'],
    ['any where process.name in~ ("A.exe", "b.EXE")', 'or(~"a.exe", ~"b.exe")'],
    ['any where process.name regex "foo[0-9]+bar"', 'and(foo, bar)'],
    ['any where process.name regex~ "FOO.*"', '~foo'],
    ['any where startsWith(process.name, "cmd")', '"cmd'],
    ['any where startsWith~(process.name, "CMD")', '~"cmd'],
    ['any where stringContains(process.name, "md.e")', 'md.e'],
    ['any where a == "x1" and (b == "m1" or c == "p1")', 'and("x1", or("m1", "p1"))'],
    ['any where (a == "x1" and b == "m1") or (a == "x1" and c == "p1")', 'and("x1", or("m1", "p1"))'],
    ['any where a == "x1" or (a == "x1" and b == "m1")', '"x1"'],
    // Text a boolean reads as is required unanchored.
    ['any where a == "true"', 'true'],
    ['any where a : "TRU*"', '~tru'],
    // The value's text could be a number's: nothing.
    ['any where a == "100"', 'true'],
    ['any where a == " 12 "', 'true'],
    ['any where a : "1e*"', 'true'],
    ['any where a == "Infinity"', 'true'],
    // Half of the pattern is numeric but another character proves a string.
    ['any where a : "x*5"', 'and(~"x, ~5")'],
    // Nothing required.
    ['any where a != "x"', 'true'],
    ['any where not a == "x"', 'true'],
    ['any where a not in ("x", "y")', 'true'],
    ['any where a == null', 'true'],
    ['any where a != null', 'true'],
    ['any where a > "x"', 'true'],
    ['any where a == 5', 'true'],
    ['any where a == true', 'true'],
    ['any where length(a) > 3', 'true'],
    ['any where stringContains~(a, "xY")', '~xy'],
    ['any where endsWith(a, "xyz")', 'xyz"'],
    ['any where endsWith~(a, "XYZ")', '~xyz"'],
    // The evaluator's rewrite: `not x != "a"` is the term query `x == "a"`; `startsWith(…) == true` the predicate.
    ['any where not a != "xy"', '"xy"'],
    ['any where startsWith(a, "xy") == true', '"xy'],
    ['any where not startsWith(a, "xy")', 'true'],
    ['any where a == "x" or length(a) > 3', 'true'],
    ['any where a == "xy" and length(a) > 3', '"xy"'],
    // The impossible.
    ['any where false', 'false'],
    ['any where a == "xy" and false', 'false'],
    ['any where a : null', 'false'],
  ])('%s ⇒ %s', (q, expected) => {
    expect(req(q)).toBe(expected);
  });

  it('takes every stage, until and missing stages of sequences and samples', () => {
    expect(req('sequence [process where a == "x1"] ![network where b == "m1"] until [file where c == "p1"]')).toBe(
      'or(and("process", "x1"), and("network", "m1"), and("file", "p1"))',
    );
    expect(req('sample by h [process where a == "x1"] [network where true]')).toBe('or(and("process", "x1"), "network")');
    expect(req('sequence [process where true] [any where true]')).toBe('true');
  });

  it('follows the mapping: only keyword-like kinds give literals for ==, and null_value gives none', () => {
    const s = mapping({ a: { type: 'keyword' }, b: { type: 'ip' }, c: { type: 'keyword', null_value: 'n/a' }, d: { type: 'long' }, e: { type: 'alias', path: 'c' }, f: { type: 'date' } });
    expect(req('any where a == "x1"', s)).toBe('"x1"');
    expect(req('any where b == "10.0.0.1"', s)).toBe('true');
    expect(req('any where c == "n/a"', s)).toBe('true');
    expect(req('any where c : "n*"', s)).toBe('true');
    expect(req('any where e == "n/a"', s)).toBe('true');
    expect(req('any where d == "5x"', s)).toBe('true');
    expect(req('any where f : "2024*"', s)).toBe('true');
    // Optional fields the mapping lacks are null: the comparison never matches (a script).
    expect(req('any where ?zz == "x1"', s)).toBe('true');
    expect(req('any where ?zz', s)).toBe('false');
  });

  it('uses the category field from the options', () => {
    expect(show(requirementFor(ast('process where true'), { eventCategoryField: 'kind' }))).toBe('"process"');
  });
});

describe('the line test', () => {
  it('anchors whole values to JSON string values, not keys', () => {
    const pf = filterOf('process where true')!;
    expect(pf('{"event":{"category":["process"]},"process":{"name":"x"}}')).toBe(true);
    expect(pf('{"event.category" : "process" }')).toBe(true);
    expect(pf('{"event":{"category":[ "network" , "process"\n]}}')).toBe(true);
    expect(pf('{"event":{"category":["network"]},"process":{"name":"x"}}')).toBe(false);
    expect(pf('{"event":{"category":"processes"}}')).toBe(false);
  });

  it('searches JSON-escaped text', () => {
    const pf = filterOf('any where a == "C:\\\\x \\"q\\"\\n"')!;
    expect(pf(JSON.stringify({ a: 'C:\\x "q"\n' }))).toBe(true);
    expect(pf(JSON.stringify({ a: 'C:x "q"\n' }))).toBe(false);
  });

  it('finds literals in every JSON spelling: \\u escapes in either hex case, \\/, short escapes', () => {
    const pf = filterOf('any where a == "abc/d\\n"')!;
    expect(pf('{"a":"abc/d\\n"}')).toBe(true);
    expect(pf('{"a":"\\u0061bc/d\\n"}')).toBe(true);
    expect(pf('{"a":"abc\\/d\\u000A"}')).toBe(true);
    expect(pf('{"a":"abc\\u002fd\\u000a"}')).toBe(true);
    expect(pf('{"a":"\\u0061bc/e\\n"}')).toBe(false);
    const ci = filterOf('any where a : "k\u{1F600}"')!;
    expect(ci('{"a":"\\u212A\\ud83d\\uDE00"}')).toBe(true);
    expect(ci('{"a":"\\u212A\\ud83d\\uDE01"}')).toBe(false);
  });

  it('with canonical spelling, falls back to parsing lines with \\u or \\/ escapes, but not for an escaped backslash before u', () => {
    const pf = prefilterFor(ast('any where a == "abc/d"'), { spelling: 'canonical' })!;
    expect(pf('{"a":"abc/d"}')).toBe(true);
    expect(pf('{"a":"\\u0061bc/d"}')).toBe(true);
    expect(pf('{"a":"abc\\/d"}')).toBe(true);
    expect(pf('{"b":"C:\\\\users","a":"x"}')).toBe(false);
    expect(pf('{"b":"C:\\\\\\u0075sers","a":"x"}')).toBe(true);
    expect(hasHidingEscape('{"b":"\\\\\\\\u"}')).toBe(false);
    expect(hasHidingEscape('{"b":"\\\\\\u0041"}')).toBe(true);
  });

  it('matches case variants the way foldCase does (Kelvin sign, dotted capital I, final sigma)', () => {
    expect(filterOf('any where a : "kelvin"')!('{"a":"\u212Aelvin"}')).toBe(true);
    expect(filterOf('any where a : "istanbul"')!('{"a":"\u0130STANBUL"}')).toBe(true);
    expect(filterOf('any where a : "οδος"')!('{"a":"ΟΔΟΣ"}')).toBe(true);
    expect(filterOf('any where a : "ΟΔΟΣ*"')!('{"a":"οδος"}')).toBe(true);
    expect(filterOf('any where a : "\u{10428}"')!('{"a":"\u{10400}"}')).toBe(true);
    // `ſ` lower-cases to itself, so it is no variant of `s` for foldCase (nor for the evaluator).
    expect(filterOf('any where a : "ss"')!('{"a":"\u017F\u017F"}')).toBe(false);
  });

  it('accepts numbers and booleans where keyword leaves read them as text', () => {
    expect(filterOf('any where a : "tr*"')!('{"a":true}')).toBe(true);
    expect(filterOf('any where a in~ ("TRUE", "x")')!('{"a":true}')).toBe(true);
  });

  it('agrees with the evaluator on the seed rule example, and rejects most of the benign events', () => {
    const doc = readDetectionRuleToml(readFileSync('examples/msiexec-remote-file-execution.toml', 'utf8'), 'rule.toml');
    const compiled = compileStatement(ast(doc.queries[0].query));
    const pf = prefilterFor(compiled)!;
    const lines = readFileSync('examples/msiexec-events.ndjson', 'utf8').split('\n').filter((l) => l.trim());
    let rejected = 0;
    for (const line of lines) {
      const ev = JSON.parse(line) as Record<string, unknown>;
      const matches = compiled.stages.some((s) => s.filter(ev));
      if (matches) expect(pf(line)).toBe(true);
      if (!pf(line)) rejected++;
    }
    expect(rejected).toBeGreaterThan(0);
  });

  it('gives the same answers before and after it reorders its tests', () => {
    const pf = filterOf('any where a == "x1" and b : "*m2*" and (c == "p1" or d == "w1")')!;
    const lines = Array.from({ length: WARMUP * 3 }, (_, i) => JSON.stringify({ a: i % 2 ? 'x1' : 'x0', b: i % 3 ? 'am2' : 'b', c: i % 5 ? 'p1' : 'p', d: i % 7 ? 'w1' : 'w' }));
    const expected = lines.map((l) => {
      const o = JSON.parse(l) as Record<string, string>;
      return o['a'] === 'x1' && o['b'].toLowerCase().includes('m2') && (o['c'] === 'p1' || o['d'] === 'w1');
    });
    expect(lines.map((l) => pf(l))).toEqual(expected);
  });

  it('is undefined when nothing can be required', () => {
    expect(filterOf('any where true')).toBeUndefined();
    expect(filterOf('any where not a : "x"')).toBeUndefined();
  });

  it('has a gate: the rarest literals, found with one scan; lines without them are rejected', () => {
    const plan = prefilterPlanFor(ast('sequence [process where a : "rare.exe"] [network where b == "common" and c : "rare.exe"]'))!;
    const sample = [...Array.from({ length: 50 }, () => '{"b":"common","c":"x"}'), '{"c":"rare.exe","b":"common"}'];
    const gate = plan.gate(sample)!;
    expect(gate.flags).toContain('g');
    expect(gate.source).toMatch(/^"/); // the anchored rare literal, not "common"
    expect(plan.gate([])).toBeDefined();
    expect(prefilterPlanFor(ast('any where a == "x1" or length(b) > 2'))).toBeUndefined();
    expect(prefilterPlanFor(ast('any where false'))!.gate(sample)!.test('{"a":1}')).toBe(false);
  });

  it('rejects every line for a query that matches nothing', () => {
    expect(filterOf('any where false')!('{"a":1}')).toBe(false);
  });
});
