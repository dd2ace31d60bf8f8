// Parse and format the whole rule corpus with the generated parser and with Ohm alone (the baseline, measured in
// the same run); print rules per second, the slowest rule and the ratio. Run with `npm run bench:parse` (bundled by
// scripts/run-bench.mjs). Cold numbers come from a fresh process per parser, whose first pass is the cold one.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parse, type ParseOptions, type ParseResult } from '@eqlkit/core';
import { parseWithOhm } from '../packages/core/src/parse.js';

/** Module evaluation done: the time since the process started (Node itself, the bundle, the grammar). */
const loadedAt = performance.now();

type Parser = (text: string, options?: ParseOptions) => ParseResult;
const parsers: Record<string, Parser> = { fast: parse, ohm: parseWithOhm };

const shared = process.env['EQLKIT_SHARED'] ?? join(process.cwd(), '../shared');
const rules = readFileSync(join(shared, 'rules/eql-rules.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { rule_id: string; query: string });
const totalChars = rules.reduce((n, r) => n + r.query.length, 0);

interface Pass {
  ms: number;
  slowest: { ms: number; id: string; chars: number };
}

function pass(parser: Parser, withFormat: boolean): Pass {
  let slowest = { ms: 0, id: '', chars: 0 };
  const t0 = performance.now();
  for (const r of rules) {
    const t = performance.now();
    const res = parser(r.query, { comments: withFormat });
    if (withFormat && res.ast) format(res.ast, { comments: res.comments });
    const ms = performance.now() - t;
    if (ms > slowest.ms) slowest = { ms, id: r.rule_id, chars: r.query.length };
  }
  return { ms: performance.now() - t0, slowest };
}

const best = (passes: Pass[]): Pass => passes.sort((a, b) => a.ms - b.ms)[0];

function timed(run: () => unknown): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}

/** In a child process: the cold first pass of one parser, as JSON on stdout. */
if (process.argv[2] === '--cold') {
  const parser = parsers[process.argv[3]];
  const first = pass(parser, false);
  process.stdout.write(JSON.stringify({ loadedMs: loadedAt, first }));
  process.exit(0);
}

function coldPass(name: string): { loadedMs: number; first: Pass } {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cold', name], { encoding: 'utf8', env: process.env });
  if (r.status !== 0) throw new Error(`cold run of ${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { loadedMs: number; first: Pass };
}

const cell = (p: Pass) =>
  `${p.ms.toFixed(0).padStart(6)} ms ${((rules.length / p.ms) * 1000).toFixed(0).padStart(6)} rules/s ${(totalChars / p.ms / 1000).toFixed(2).padStart(5)} MB/s  slowest ${p.slowest.ms.toFixed(1).padStart(5)} ms`;
const row = (label: string, fast: Pass, ohm: Pass) => `${label.padEnd(26)} ${cell(fast)} | ${cell(ohm)} | ${(ohm.ms / fast.ms).toFixed(1).padStart(5)}×`;

console.log(`corpus: ${rules.length} rules, ${(totalChars / 1024).toFixed(0)} KiB of EQL; one core per process`);
console.log(`${''.padEnd(26)} ${'fast (generated parser)'.padEnd(63)} | ${'ohm (baseline)'.padEnd(63)} | ohm/fast`);
const cold = { fast: coldPass('fast'), ohm: coldPass('ohm') };
console.log(row('parse, first pass (cold)', cold.fast.first, cold.ohm.first));
// Warm: alternate the parsers so that neither benefits from running last.
const warm: Record<string, Pass[]> = { fast: [], ohm: [] };
for (let i = 0; i < 3; i++) for (const name of ['fast', 'ohm']) warm[name].push(pass(parsers[name], false));
console.log(row('parse, best of 3 (warm)', best(warm['fast']), best(warm['ohm'])));
const formatted: Record<string, Pass[]> = { fast: [], ohm: [] };
for (let i = 0; i < 2; i++) for (const name of ['fast', 'ohm']) formatted[name].push(pass(parsers[name], true));
console.log(row('parse + comments + format', best(formatted['fast']), best(formatted['ohm'])));
const slowest = best(warm['fast']).slowest;
console.log(`slowest rule (fast, warm): ${slowest.id}, ${slowest.chars} chars, ${slowest.ms.toFixed(1)} ms`);
// Per-rule times are now small enough for scheduling noise to pick the "slowest"; the largest rule is a steadier probe.
const largest = rules.reduce((a, b) => (b.query.length > a.query.length ? b : a));
const bestOf = (parser: Parser) => Math.min(...Array.from({ length: 10 }, () => timed(() => parser(largest.query))));
console.log(`largest rule (${largest.query.length} chars), best of 10: fast ${bestOf(parse).toFixed(2)} ms, ohm ${bestOf(parseWithOhm).toFixed(2)} ms`);
console.log(`process start to loaded (node + bundle + grammars): fast ${cold.fast.loadedMs.toFixed(0)} ms, ohm ${cold.ohm.loadedMs.toFixed(0)} ms`);
const coldMs = cold.fast.first.ms;
console.log(`target: all ${rules.length} rules parsed in under 1000 ms cold — ${coldMs < 1000 ? 'met' : 'NOT met'} (cold ${coldMs.toFixed(0)} ms, warm ${best(warm['fast']).ms.toFixed(0)} ms)`);
