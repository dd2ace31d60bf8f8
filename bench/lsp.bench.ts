// The language server's latency as an editor sees it, over real JSON-RPC to the bundled server
// (packages/lsp/dist/server.js, what the extension ships) and to `eql lsp --stdio`. Run with `npm run bench:lsp`.
// Targets (issue 7), printed, not asserted: diagnostics after didChange p95 < 15 ms on the example rule (valid and
// invalid states) and < 50 ms on the largest corpus rule; completion p95 < 10 ms; first diagnostics < 500 ms after
// start. The baseline is the same work through the CLI's parse + check in this process (no protocol, no service).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkText, readDetectionRuleToml, SchemaChooser, type RuleQuery } from '@eqlkit/core';
import { loadBundledSchemas } from '@eqlkit/core/io';
import { CompletionRequest, type Position } from 'vscode-languageserver-protocol/node';
import { initialize, spawnServer, type LspClient } from '../test/support/lsp-client.js';

const root = process.cwd();
const shared = process.env['EQLKIT_SHARED'] ?? join(root, '../shared');
const serverJs = join(root, 'packages/lsp/dist/server.js');
const exampleText = readFileSync(join(root, 'examples/msiexec-remote-file-execution.toml'), 'utf8');
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 200);

interface CorpusRule {
  name: string;
  query: string;
  index?: string[];
  integration?: string[];
}

/** The longest rule of the corpus, as a detection-rule .toml. */
function largestRule(): { name: string; text: string } {
  let best: CorpusRule | undefined;
  for (const line of readFileSync(join(shared, 'rules/eql-rules.jsonl'), 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line) as CorpusRule;
    if (!best || r.query.length > best.query.length) best = r;
  }
  const r = best!;
  const list = (xs: readonly string[] | undefined) => `[${(xs ?? []).map((x) => JSON.stringify(x)).join(', ')}]`;
  const text = `[metadata]\nintegration = ${list(r.integration)}\n\n[rule]\nname = ${JSON.stringify(r.name)}\nindex = ${list(r.index)}\nlanguage = "eql"\ntype = "eql"\n\nquery = '''\n${r.query}\n'''\n`;
  return { name: r.name, text };
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (ms: number) => `${ms.toFixed(1).padStart(6)} ms`;
function row(label: string, xs: number[], target?: number): string {
  const p95 = pct(xs, 95);
  const verdict = target === undefined ? '' : `  target p95 < ${target} ms: ${p95 < target ? 'met' : 'NOT met'}`;
  return `${label.padEnd(48)} p50 ${fmt(pct(xs, 50))}  p95 ${fmt(p95)}  (n=${xs.length})${verdict}`;
}

/**
 * The states an edit at `at` (the end of a string literal's content) goes through: round i writes `i` there (a new
 * query every time, so no cache answers); in the second half of the rounds it also leaves an unclosed `(` after the
 * literal. Valid and invalid states are measured in separate runs: the parser's error path allocates much more, and
 * its garbage collection would otherwise land on the valid states' measurements.
 */
function stateAt(i: number): { insert: string; broken: boolean } {
  const broken = i >= ROUNDS / 2;
  return { insert: broken ? `${i}" and ("` : `${i}`, broken };
}

/** didChange → publishDiagnostics of that version, for edits alternating a valid and an invalid query. */
async function diagnosticsLatency(client: LspClient, uri: string, text: string, at: number): Promise<{ valid: number[]; invalid: number[] }> {
  client.open(uri, 'toml', text);
  await client.diagnostics(uri);
  const valid: number[] = [];
  const invalid: number[] = [];
  const start = positionOf(text, at);
  let previous = '';
  for (let i = 0; i < ROUNDS; i++) {
    const { insert, broken } = stateAt(i);
    const end = { line: start.line, character: start.character + previous.length };
    const t = performance.now();
    const v = client.change(uri, [{ range: { start, end }, text: insert }]);
    const ds = await client.diagnostics(uri, v);
    const ms = performance.now() - t;
    previous = insert;
    if (broken !== ds.some((d) => d.severity === 1)) throw new Error(`round ${i}: expected ${broken ? 'an error' : 'no error'}, got ${JSON.stringify(ds.map((d) => d.message))}`);
    (broken ? invalid : valid).push(ms);
  }
  client.close(uri);
  return { valid, invalid };
}

/** The same states through the CLI's parse + check (readDetectionRuleToml, SchemaChooser, checkText), in process. */
function baseline(text: string, at: number): { valid: number[]; invalid: number[] } {
  const chooser = new SchemaChooser(() => loadBundledSchemas(join(root, 'packages/core/schemas/')));
  const run = (t: string) => {
    const q: RuleQuery = readDetectionRuleToml(t, 'rule.toml').queries[0];
    const s = chooser.for(q);
    return checkText(q.query, { schema: s.schema, targets: s.targets, patterns: s.patterns, datasetSchema: s.datasetSchema, eventCategoryField: q.eventCategoryOverride, timestampField: q.timestampOverride, tiebreakerField: q.tiebreakerField }).diagnostics;
  };
  run(text); // the schema, built once as `eql check` builds it per index list
  const valid: number[] = [];
  const invalid: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const { insert, broken } = stateAt(i);
    const state = text.slice(0, at) + insert + text.slice(at);
    const t = performance.now();
    run(state);
    (broken ? invalid : valid).push(performance.now() - t);
  }
  return { valid, invalid };
}

/** Completion at token starts and after dots through the example rule's query. */
async function completionLatency(client: LspClient, uri: string, text: string): Promise<{ ms: number[]; items: number }> {
  client.open(uri, 'toml', text);
  await client.diagnostics(uri);
  const start = text.indexOf("query = '''") + 12;
  const end = text.indexOf("'''", start);
  const offsets: number[] = [];
  for (let i = start; i < end; i++) if (/[.\s([]/.test(text[i - 1]) && /[A-Za-z?"]/.test(text[i])) offsets.push(i);
  const ms: number[] = [];
  let items = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const offset = offsets[i % offsets.length];
    const t = performance.now();
    const list = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(text, offset) });
    ms.push(performance.now() - t);
    items += Array.isArray(list) ? list.length : (list?.items.length ?? 0);
  }
  client.close(uri);
  return { ms, items };
}

/** Spawn → initialize → didOpen → the first publishDiagnostics, in a new process each time. */
async function firstDiagnostics(server: string | undefined, times: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    const client = spawnServer(server, root);
    await initialize(client, undefined, root);
    const uri = pathToFileURL(join(root, 'examples/msiexec-remote-file-execution.toml')).href;
    client.open(uri, 'toml', exampleText);
    await client.diagnostics(uri);
    out.push(performance.now() - t);
    await client.stop();
  }
  return out;
}

const large = largestRule();
console.log(`eql lsp benchmark: ${ROUNDS} rounds per measurement; Node ${process.version}`);
console.log(`example rule: examples/msiexec-remote-file-execution.toml (${exampleText.length} chars); largest corpus rule: "${large.name}" (${large.text.length} chars)\n`);

const client = spawnServer(serverJs, root);
await initialize(client, undefined, root);
// The edits go inside the first string literal of the query (before its closing quote).
const literalEnd = (text: string) => text.indexOf('"', text.indexOf('"', text.indexOf("query = '''")) + 1);
const exampleBreak = literalEnd(exampleText);
const largeBreak = literalEnd(large.text);
const ex = await diagnosticsLatency(client, pathToFileURL(join(root, 'bench-example.toml')).href, exampleText, exampleBreak);
const lg = await diagnosticsLatency(client, pathToFileURL(join(root, 'bench-largest.toml')).href, large.text, largeBreak);
const comp = await completionLatency(client, pathToFileURL(join(root, 'bench-completion.toml')).href, exampleText);
await client.stop();
const baseEx = baseline(exampleText, exampleBreak);
const baseLg = baseline(large.text, largeBreak);

console.log('diagnostics after didChange (client-side: didChange sent → publishDiagnostics of that version received)');
console.log(row('  example rule, valid states', ex.valid, 15));
console.log(row('  example rule, invalid states', ex.invalid, 15));
console.log(row('  largest corpus rule, valid states', lg.valid, 50));
console.log(row('  largest corpus rule, invalid states', lg.invalid, 50));
console.log('baseline: the same states through the CLI\'s parse + check, in process (no protocol)');
console.log(row('  example rule, valid states', baseEx.valid));
console.log(row('  example rule, invalid states', baseEx.invalid));
console.log(row('  largest corpus rule, valid states', baseLg.valid));
console.log(row('  largest corpus rule, invalid states', baseLg.invalid));
console.log('completion (request → response)');
console.log(row(`  example rule, ${(comp.items / ROUNDS).toFixed(0)} items on average`, comp.ms, 10));
const firstServer = await firstDiagnostics(serverJs, 5);
const firstCli = await firstDiagnostics(undefined, 5);
console.log('first diagnostics after start (spawn → initialize → didOpen → publishDiagnostics)');
console.log(`${'  packages/lsp/dist/server.js --stdio'.padEnd(48)} best ${fmt(Math.min(...firstServer))}  median ${fmt(pct(firstServer, 50))}  target < 500 ms: ${pct(firstServer, 50) < 500 ? 'met' : 'NOT met'}`);
const timed = (args: string[]) => {
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    xs.push(performance.now() - t);
  }
  return xs;
};
const bare = timed(['-e', '0']);
const cliCheck = timed([join(root, 'packages/cli/bin/eql.cjs'), 'check', 'examples/msiexec-remote-file-execution.toml']);
console.log(`${'  eql lsp --stdio'.padEnd(48)} best ${fmt(Math.min(...firstCli))}  median ${fmt(pct(firstCli, 50))}  target < 500 ms: ${pct(firstCli, 50) < 500 ? 'met' : 'NOT met'}`);
console.log(`${'  baseline: eql check on the rule (new process)'.padEnd(48)} best ${fmt(Math.min(...cliCheck))}  median ${fmt(pct(cliCheck, 50))}`);
console.log(`${'  floor: a bare `node -e 0`'.padEnd(48)} best ${fmt(Math.min(...bare))}  median ${fmt(pct(bare, 50))}`);
