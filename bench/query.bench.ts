// `npm run bench:query`: 1M generated events (seed 1, cached under node_modules/.cache/eqlkit-bench/), measured in
// one run against the floor — read the file and JSON.parse every line, one core, nothing else — then a selective
// filter, a broad filter that must parse every event, and the seed rule, each through the real command: the built
// `eql query --format ndjson` in a fresh process, its output to /dev/null (wall-clock time, process start included;
// peak RSS from its --stats). The seed rule's sequences are checked against the generator's planted true positives.
// Then the seed rule over 10M events streamed from the generator's stdout into `eql query … -`. Every run of the seed
// rule (default threads, --threads 1, streamed) must find exactly the planted alerts, or the benchmark exits 1.
// Figures vary ±20% on shared machines: compare the ratios of one run. Options: --events N (default 1M),
// --big N (default 10M; 0 skips the streamed run), --rounds N (default 2; the best round counts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEveryLine } from './support/parse-every-line.js';
import { ensureEvents, generator, type Truth } from './support/bench-events.js';
import { checkTruth, type TruthCheck } from './support/truth.js';

const root = process.cwd();
const cli = join(root, 'packages/cli/bin/eql.cjs');
const rule = join(root, 'examples/msiexec-remote-file-execution.toml');
/** Runs whose alerts disagree with the planted truth: any makes the benchmark fail (exit 1). */
const wrong: string[] = [];
function verify(label: string, check: TruthCheck): string {
  if (!check.ok) wrong.push(`${label}: ${check.message}`);
  return check.message;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const count = (text: string) => Number(text.replace(/M$/i, 'e6').replace(/k$/i, 'e3'));

interface Measure {
  readonly ms: number;
  readonly rssMb: number;
  readonly records: number;
  readonly outputLines?: number;
}

/** In a child process: the floor — stream the file in 1 MiB chunks, split lines, JSON.parse each. */
async function floor(file: string): Promise<void> {
  const t0 = performance.now();
  const n = await parseEveryLine(file);
  const result: Measure = { ms: performance.now() - t0, rssMb: process.resourceUsage().maxRSS / 1024, records: n };
  process.stdout.write(JSON.stringify(result));
}

if (process.argv[2] === '--floor') {
  await floor(process.argv[3]);
  process.exit(0);
}

function runFloor(file: string): Measure {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--floor', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`floor failed: ${r.stderr}`);
  const m = JSON.parse(r.stdout) as Measure;
  return { ...m, ms: performance.now() - t0 };
}

/** Peak RSS and records from `eql query --stats` on stderr. */
function statsOf(stderr: string): { rssMb: number; records: number } {
  const rss = /peak memory \(RSS\):\s+(\d+) MB/.exec(stderr);
  const records = /records read:\s+(\d+)/.exec(stderr);
  if (!rss || !records) throw new Error(`no --stats in the output:\n${stderr}`);
  return { rssMb: Number(rss[1]), records: Number(records[1]) };
}

/** Runs the built command on `file`; stdout to /dev/null unless `keep`. */
function runQuery(args: readonly string[], file: string, keep = false): Measure & { stdout: string } {
  const devNull = openSync('/dev/null', 'w');
  try {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'query', '--format', 'ndjson', '--stats', ...args, file], {
      encoding: 'utf8',
      stdio: ['ignore', keep ? 'pipe' : devNull, 'pipe'],
      maxBuffer: 64 << 20,
    });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`eql query ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
    const stdout = keep ? r.stdout : '';
    return { ms, ...statsOf(r.stderr), stdout, ...(keep ? { outputLines: stdout.split('\n').filter(Boolean).length } : {}) };
  } finally {
    closeSync(devNull);
  }
}


const QUERIES = {
  selective:
    'process where event.action == "start" and process.name : ("whoami.exe", "net.exe", "net1.exe", "systeminfo.exe", "nltest.exe") and process.parent.name : ("cmd.exe", "powershell.exe")',
  // Numbers give the pre-filter nothing to require: every event is parsed (and about 1.8% match).
  broad: 'any where destination.port in (3389, 5985) or process.pid > 59000',
};

const events = count(arg('events', '1M'));
const big = count(arg('big', '10M'));
const rounds = Number(arg('rounds', '2'));
const { file, truth } = ensureEvents(events);
const bytes = statSync(file).size;
const cores = availableParallelism();

console.log(`bench:query — ${events.toLocaleString('en')} events, ${(bytes / 1e6).toFixed(0)} MB (seed 1); ${cores} cores (${cpus()[0]?.model ?? 'unknown cpu'}); Node ${process.version}`);
console.log(`(b) selective: ${QUERIES.selective}`);
console.log(`(c) broad:     ${QUERIES.broad}`);
console.log(`(d) seed rule: examples/msiexec-remote-file-execution.toml`);
console.log('(b)–(d) run the built `eql query --format ndjson --stats FILE > /dev/null` in a fresh process (wall clock, start-up included).');

type Row = { label: string; runs: Measure[] };
const rows: Row[] = [
  { label: '(a) floor: read + JSON.parse, 1 core', runs: [] },
  { label: '(b) selective filter', runs: [] },
  { label: '(c) broad filter', runs: [] },
  { label: '(d) seed rule', runs: [] },
  { label: '(b) selective, --threads 1', runs: [] },
  { label: '(c) broad, --threads 1', runs: [] },
  { label: '(d) seed rule, --threads 1', runs: [] },
];
let truthCheck = '';
let truthCheckOneThread = '';
for (let round = 0; round < rounds; round++) {
  rows[0].runs.push(runFloor(file));
  rows[1].runs.push(runQuery([QUERIES.selective], file));
  rows[2].runs.push(runQuery([QUERIES.broad], file));
  const seed = runQuery(['-q', rule], file, true);
  truthCheck = verify(`(d) seed rule, round ${round + 1}`, checkTruth(seed.stdout, truth));
  rows[3].runs.push(seed);
  rows[4].runs.push(runQuery(['--threads', '1', QUERIES.selective], file));
  rows[5].runs.push(runQuery(['--threads', '1', QUERIES.broad], file));
  const seedOneThread = runQuery(['--threads', '1', '-q', rule], file, true);
  truthCheckOneThread = verify(`(d) seed rule --threads 1, round ${round + 1}`, checkTruth(seedOneThread.stdout, truth));
  rows[6].runs.push(seedOneThread);
}

const best = (r: Row) => r.runs.reduce((a, b) => (b.ms < a.ms ? b : a));
const floorBest = best(rows[0]);
const pad = (s: string, n: number) => s.padStart(n);
console.log('');
console.log(`${'measurement'.padEnd(38)} ${pad('time', 8)} ${pad('events/s', 11)} ${pad('MB/s', 6)} ${pad('× floor', 8)} ${pad('peak RSS', 9)}`);
for (const r of rows) {
  const m = best(r);
  const s = m.ms / 1000;
  console.log(
    `${r.label.padEnd(38)} ${pad(s.toFixed(2) + ' s', 8)} ${pad(Math.round(m.records / s).toLocaleString('en'), 11)} ${pad((bytes / 1e6 / s).toFixed(0), 6)} ${pad((floorBest.ms / m.ms).toFixed(2) + '×', 8)} ${pad(m.rssMb.toFixed(0) + ' MB', 9)}`,
  );
}
console.log(`best of ${rounds} rounds; records counted: ${rows.map((r) => best(r).records).join(', ')}`);
console.log(`(d) seed rule: ${truthCheck}; with --threads 1: ${truthCheckOneThread}`);
const ratio = (i: number) => floorBest.ms / best(rows[i]).ms;
console.log(`targets: (b) ≥ 4× ${ratio(1) >= 4 ? 'met' : 'NOT met'} (${ratio(1).toFixed(2)}×), (c) ≥ 1.5× ${ratio(2) >= 1.5 ? 'met' : 'NOT met'} (${ratio(2).toFixed(2)}×), (d) ≥ 4× ${ratio(3) >= 4 ? 'met' : 'NOT met'} (${ratio(3).toFixed(2)}×)`);

/** The seed rule over `n` events streamed from the generator's stdout into `eql query … -`. */
async function streamed(n: number): Promise<void> {
  const truthFile = join(tmpdir(), `eqlkit-bench-${process.pid}.truth.json`);
  const t0 = performance.now();
  const gen = spawn(process.execPath, [generator, '--events', String(n), '--seed', '1', '--out', '-', '--truth', truthFile, '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const eql = spawn(process.execPath, [cli, 'query', '--format', 'ndjson', '--stats', '-q', rule, '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
  gen.stdout.pipe(eql.stdin);
  let stdout = '';
  let stderr = '';
  eql.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  eql.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const [genCode, eqlCode] = await Promise.all([new Promise((r) => gen.on('close', r)), new Promise((r) => eql.on('close', r))]);
  const ms = performance.now() - t0;
  if (genCode !== 0 || eqlCode !== 0) throw new Error(`streamed run failed (generator ${String(genCode)}, eql ${String(eqlCode)}):\n${stderr}`);
  const { rssMb, records } = statsOf(stderr);
  const check = verify(`streamed ${n} events`, existsSync(truthFile) ? checkTruth(stdout, JSON.parse(readFileSync(truthFile, 'utf8')) as Truth) : { ok: false, message: 'WRONG: the generator wrote no truth file' });
  console.log('');
  console.log(`seed rule on ${n.toLocaleString('en')} events streamed from the generator (gen-events | eql query … -):`);
  console.log(
    `  ${records.toLocaleString('en')} records in ${(ms / 1000).toFixed(1)} s = ${Math.round(records / (ms / 1000)).toLocaleString('en')} events/s (bounded by the generator, which writes ~100k events/s on one core); peak RSS ${rssMb.toFixed(0)} MB (target < 300 MB: ${rssMb < 300 ? 'met' : 'NOT met'}); ${check}`,
  );
}
if (big > 0) await streamed(big);
if (wrong.length) {
  console.error(`\nbench:query FAILED: the seed rule's alerts are wrong in ${wrong.length} run(s):\n  ${wrong.join('\n  ')}`);
  process.exitCode = 1;
}
