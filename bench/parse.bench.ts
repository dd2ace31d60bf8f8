// Parse and format the whole rule corpus; print rules per second and the slowest rule (issue: foundation).
// Run with `npm run bench:parse` (bundled by scripts/run-bench.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, parse } from '@eqlkit/core';

const shared = process.env['EQLKIT_SHARED'] ?? join(process.cwd(), '../shared');
const rules = readFileSync(join(shared, 'rules/eql-rules.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { rule_id: string; query: string });
const totalChars = rules.reduce((n, r) => n + r.query.length, 0);

function pass(withFormat: boolean) {
  let slowest = { ms: 0, id: '', chars: 0 };
  const t0 = performance.now();
  for (const r of rules) {
    const t = performance.now();
    const res = parse(r.query, { comments: withFormat });
    if (withFormat && res.ast) format(res.ast, { comments: res.comments });
    const ms = performance.now() - t;
    if (ms > slowest.ms) slowest = { ms, id: r.rule_id, chars: r.query.length };
  }
  return { ms: performance.now() - t0, slowest };
}

const row = (label: string, r: ReturnType<typeof pass>) =>
  `${label.padEnd(28)} ${r.ms.toFixed(0).padStart(6)} ms  ${((rules.length / r.ms) * 1000).toFixed(0).padStart(6)} rules/s  ${((totalChars / r.ms) / 1000).toFixed(2)} MB/s  slowest ${r.slowest.ms.toFixed(1)} ms (${r.slowest.chars} chars)`;

console.log(`corpus: ${rules.length} rules, ${(totalChars / 1024).toFixed(0)} KiB of EQL; one core (this process)`);
console.log(row('parse, first pass (cold)', pass(false)));
const warm = [pass(false), pass(false), pass(false)].sort((a, b) => a.ms - b.ms)[0];
console.log(row('parse, best of 3 (warm)', warm));
const fmt = [pass(true), pass(true)].sort((a, b) => a.ms - b.ms)[0];
console.log(row('parse + comments + format', fmt));
console.log(`target: all ${rules.length} rules parsed in under 1000 ms — ${warm.ms < 1000 ? 'met' : 'NOT met'} (warm ${warm.ms.toFixed(0)} ms)`);
