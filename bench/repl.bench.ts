// `npm run bench:repl`: re-querying loaded data in `eql repl`. One REPL process (piped mode, the same session code
// as the terminal face) loads the 1M generated events (seed 1, shared with bench:query) and runs the selective
// filter and the seed rule twice each; its status lines give each query's time, `.stats` its peak RSS. Baseline in
// the same run: the same two queries through `eql query` in a fresh process each (wall clock, start-up included).
// Targets (printed, not asserted): each query answers within 2 s, memory bounded. Options: --events N (default 1M),
// --rounds N (default 2; the best round counts).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, statSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { ensureEvents } from './support/bench-events.js';

const root = process.cwd();
const cli = join(root, 'packages/cli/bin/eql.cjs');
const rule = 'examples/msiexec-remote-file-execution.toml';
const SELECTIVE =
  'process where event.action == "start" and process.name : ("whoami.exe", "net.exe", "net1.exe", "systeminfo.exe", "nltest.exe") and process.parent.name : ("cmd.exe", "powershell.exe")';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const count = (text: string) => Number(text.replace(/M$/i, 'e6').replace(/k$/i, 'e3'));

/** Seconds from a status line's time (`123 ms`, `1.23 s`). */
function statusSeconds(line: string): number {
  const m = / · ([\d.]+) (ms|s) · /.exec(line);
  if (!m) throw new Error(`no time in the status line: ${line}`);
  return Number(m[1]) / (m[2] === 'ms' ? 1000 : 1);
}

interface ReplRun {
  readonly wallMs: number;
  /** Per query, in script order. */
  readonly seconds: number[];
  readonly results: string[];
  readonly peakMb: number;
}

function runRepl(file: string): ReplRun {
  const script = [SELECTIVE, `.load ${rule}`, SELECTIVE, `.load ${rule}`, '.stats', ''].join('\n');
  const devNull = openSync('/dev/null', 'w');
  try {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'repl', '--format', 'ndjson', file], { input: script, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 256 << 20 });
    const wallMs = performance.now() - t0;
    if (r.status !== 0) throw new Error(`eql repl failed (${r.status}):\n${r.stderr}`);
    const status = r.stderr.split('\n').filter((l) => l.startsWith('── '));
    const peak = /memory \(RSS\)\s+\d+ MiB now, (\d+) MiB at most/.exec(r.stdout);
    if (status.length !== 4 || !peak) throw new Error(`unexpected output:\n${r.stderr}\n${r.stdout.slice(-2000)}`);
    return { wallMs, seconds: status.map(statusSeconds), results: status.map((l) => l.split(' · ')[0].replace('── ', '')), peakMb: Number(peak[1]) };
  } finally {
    closeSync(devNull);
  }
}

function runQuery(args: readonly string[], file: string): { ms: number; rssMb: number } {
  const devNull = openSync('/dev/null', 'w');
  try {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'query', '--format', 'ndjson', '--stats', ...args, file], { encoding: 'utf8', stdio: ['ignore', devNull, 'pipe'] });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`eql query failed (${r.status}):\n${r.stderr}`);
    const rss = /peak memory \(RSS\):\s+(\d+) MB/.exec(r.stderr);
    return { ms, rssMb: rss ? Number(rss[1]) : NaN };
  } finally {
    closeSync(devNull);
  }
}

const events = count(arg('events', '1M'));
const rounds = Number(arg('rounds', '2'));
const { file } = ensureEvents(events);
const bytes = statSync(file).size;
console.log(`bench:repl — ${events.toLocaleString('en')} events, ${(bytes / 1e6).toFixed(0)} MB (seed 1); ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown cpu'}); Node ${process.version}`);
console.log(`selective: ${SELECTIVE}`);
console.log(`seed rule: .load ${rule}`);

const repl: ReplRun[] = [];
const baseline: { selective: number[]; seed: number[]; rss: number[] } = { selective: [], seed: [], rss: [] };
for (let round = 0; round < rounds; round++) {
  repl.push(runRepl(file));
  const sel = runQuery([SELECTIVE], file);
  const seed = runQuery(['-q', rule], file);
  baseline.selective.push(sel.ms);
  baseline.seed.push(seed.ms);
  baseline.rss.push(sel.rssMb, seed.rssMb);
}
const min = (xs: number[]) => Math.min(...xs);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const bestAt = (i: number) => min(repl.map((r) => r.seconds[i] * 1000));
console.log('');
console.log(`${'measurement'.padEnd(44)} ${'time'.padStart(8)} ${'× eql query'.padStart(12)}`);
const rows: [string, number, number][] = [
  ['eql query: selective (fresh process)', min(baseline.selective), min(baseline.selective)],
  ['eql query: seed rule (fresh process)', min(baseline.seed), min(baseline.seed)],
  ['repl: selective, first', bestAt(0), min(baseline.selective)],
  ['repl: seed rule, first', bestAt(1), min(baseline.seed)],
  ['repl: selective, again', bestAt(2), min(baseline.selective)],
  ['repl: seed rule, again', bestAt(3), min(baseline.seed)],
];
for (const [label, ms, base] of rows) console.log(`${label.padEnd(44)} ${s(ms).padStart(8)} ${`${(ms / base).toFixed(2)}×`.padStart(12)}`);
const peak = Math.max(...repl.map((r) => r.peakMb));
console.log(`results: ${repl[0].results.join(', ')}; repl session wall clock (start, 4 queries, exit): ${s(min(repl.map((r) => r.wallMs)))}`);
console.log(`peak RSS: repl ${peak} MiB over the whole session; eql query ${Math.max(...baseline.rss)} MB`);
const worst = Math.max(bestAt(0), bestAt(1), bestAt(2), bestAt(3));
console.log(`best of ${rounds} rounds. target: each query within 2 s — ${worst <= 2000 ? 'met' : 'NOT met'} (slowest ${s(worst)}); memory bounded (re-read per query, not held): peak ${peak} MiB`);
