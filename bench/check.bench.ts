// Type-check the whole rule corpus against each rule's own index list; print rules per second and where the time
// goes (parse, schema building, checking). Run with `npm run bench:check` (bundled by scripts/run-bench.mjs).
// Target (issue 4): all 824 rules in under 2 s wall.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, datasetSchemaFor, parse, schemaForIndexes, type CheckOptions } from '@eqlkit/core';
import { loadBundledSchemas } from '@eqlkit/core/io';

interface Rule {
  rule_id: string;
  query: string;
  index?: string[];
  integration?: string[];
  event_category_override?: string;
  timestamp_override?: string;
}

const root = process.cwd();
const shared = process.env['EQLKIT_SHARED'] ?? join(root, '../shared');
const corpus = join(shared, 'rules/eql-rules.jsonl');
const rules = readFileSync(corpus, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Rule);

function pass(schemasDir: string) {
  const t0 = performance.now();
  const bundled = loadBundledSchemas(schemasDir);
  // One schema per distinct index/integration list, as `eql check` does.
  const schemas = new Map<string, Omit<CheckOptions, 'source'>>();
  let parseMs = 0;
  let schemaMs = 0;
  let checkMs = 0;
  let errors = 0;
  let warnings = 0;
  for (const r of rules) {
    let t = performance.now();
    const parsed = parse(r.query);
    parseMs += performance.now() - t;
    t = performance.now();
    const key = JSON.stringify([r.index ?? [], r.integration ?? []]);
    let s = schemas.get(key);
    if (!s) {
      const x = schemaForIndexes(bundled, r.index ?? [], { integrations: r.integration });
      schemas.set(key, (s = { schema: x.schema, targets: x.targets, patterns: x.patterns, datasetSchema: datasetSchemaFor(bundled, x.layers) }));
    }
    schemaMs += performance.now() - t;
    t = performance.now();
    const diags = parsed.ast
      ? check(parsed.ast, { ...s, eventCategoryField: r.event_category_override, timestampField: r.timestamp_override, source: r.query })
      : [];
    checkMs += performance.now() - t;
    for (const d of [...parsed.diagnostics, ...diags]) d.severity === 'error' ? errors++ : warnings++;
  }
  return { ms: performance.now() - t0, parseMs, schemaMs, checkMs, errors, warnings, schemas: schemas.size };
}

const dir = join(root, 'packages/core/schemas/');
const row = (label: string, r: ReturnType<typeof pass>) =>
  `${label.padEnd(30)} ${r.ms.toFixed(0).padStart(6)} ms  ${((rules.length / r.ms) * 1000).toFixed(0).padStart(5)} rules/s  ` +
  `(parse ${r.parseMs.toFixed(0)} ms, schemas ${r.schemaMs.toFixed(0)} ms for ${r.schemas} index lists, check ${r.checkMs.toFixed(0)} ms)  ${r.errors} errors, ${r.warnings} warnings`;

console.log(`corpus: ${rules.length} rules; one core (this process)`);
const cold = pass(dir);
console.log(row('cold (loads schema files)', cold));
// A different folder key gives a fresh BundledSchemas object, so each warm pass rebuilds its schemas too.
const warm = [1, 2, 3].map((i) => pass(dir.replace(/\/$/, '/'.repeat(i + 1)))).sort((a, b) => a.ms - b.ms)[0];
console.log(row('warm, best of 3', warm));

const bin = join(root, 'packages/cli/bin/eql.cjs');
const t = performance.now();
const cli = spawnSync(process.execPath, [bin, 'check', '--json', corpus], { encoding: 'utf8', maxBuffer: 256 << 20 });
const cliMs = performance.now() - t;
console.log(`${'eql check --json (new process)'.padEnd(30)} ${cliMs.toFixed(0).padStart(6)} ms  exit ${cli.status}: ${cli.stderr.trim().split('\n').pop()}`);
console.log(`target: all ${rules.length} rules checked in under 2000 ms — ${cold.ms < 2000 ? 'met' : 'NOT met'} (cold ${cold.ms.toFixed(0)} ms, warm ${warm.ms.toFixed(0)} ms)`);
