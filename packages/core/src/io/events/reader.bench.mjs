// Throughput of the event reader against a plain "read each line and JSON.parse it" loop.
//
//   node /work/shared/bench/gen-events.mjs --events 200000 --seed 1 --out /tmp/ev200k.ndjson
//   node packages/core/src/io/events/reader.bench.mjs /tmp/ev200k.ndjson [rounds]
//
// The TypeScript reader is bundled on the fly with esbuild (a dev dependency of the repo).
// Figures vary ±20% on shared machines: compare the ratios of one run, not absolute numbers.
import { createReadStream } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? '/tmp/ev200k.ndjson';
const rounds = Number(process.argv[3] ?? 3);

async function loadReader() {
  const out = mkdtempSync(join(tmpdir(), 'eqlkit-bench-'));
  const outfile = join(out, 'events.mjs');
  await build({
    entryPoints: [join(here, 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const mod = await import(pathToFileURL(outfile).href);
  rmSync(out, { recursive: true, force: true });
  return mod;
}

/** Baseline 1: stream 1 MiB chunks, split on \n by hand, JSON.parse every line. */
async function plainSplitParse() {
  let n = 0;
  let carry = '';
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' })) {
    const text = carry + chunk;
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) break;
      if (nl > pos) {
        JSON.parse(text.slice(pos, nl));
        n++;
      }
      pos = nl + 1;
    }
    carry = text.slice(pos);
  }
  if (carry.trim()) {
    JSON.parse(carry);
    n++;
  }
  return n;
}

/** Baseline 2: node:readline + JSON.parse, what most scripts do. */
async function readlineParse() {
  let n = 0;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line) {
      JSON.parse(line);
      n++;
    }
  }
  return n;
}

async function readerRaw(reader) {
  let n = 0;
  for await (const b of reader.openEventSource([file], { onError: fail })) n += b.count;
  return n;
}

async function readerParseAll(reader) {
  let n = 0;
  for await (const b of reader.openEventSource([file], { onError: fail })) {
    for (let i = 0; i < b.count; i++) if (b.parse(i)) n++;
  }
  return n;
}

/** What the evaluator will do: look at the raw text, parse only what may match. */
async function readerPrefilter(reader) {
  let n = 0;
  for await (const b of reader.openEventSource([file], { onError: fail })) {
    const lines = b.lines;
    for (let i = 0; i < b.count; i++) if (lines[i].includes('msiexec') && b.parse(i)) n++;
  }
  return n;
}

async function readEventsAll(reader) {
  let n = 0;
  for await (const _ of reader.readEvents([file], { onError: fail })) n++;
  return n;
}

function fail(e) {
  throw new Error(`unexpected input error: ${e.file}:${e.line}: ${e.message}`);
}

async function measure(name, fn, events) {
  let best = Infinity;
  let count = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    count = await fn();
    best = Math.min(best, performance.now() - t0);
  }
  const rate = (events ?? count) / (best / 1000);
  return { name, ms: best, rate, count };
}

const reader = await loadReader();
const total = await readerRaw(reader);
const rows = [];
rows.push(await measure('plain: chunks + split + JSON.parse each line', plainSplitParse));
rows.push(await measure('plain: readline + JSON.parse each line', readlineParse));
rows.push(await measure('reader: raw batches only (no parse)', () => readerRaw(reader)));
rows.push(await measure('reader: batches + JSON.parse every record', () => readerParseAll(reader)));
rows.push(await measure('reader: readEvents() (async iterator per event)', () => readEventsAll(reader)));
rows.push(await measure('reader: raw pre-filter ("msiexec"), parse survivors', () => readerPrefilter(reader), total));

const base = rows[0].rate;
console.log(`${file}: ${total} events, best of ${rounds} rounds`);
for (const r of rows) {
  console.log(`${r.name.padEnd(56)} ${r.ms.toFixed(0).padStart(6)} ms ${Math.round(r.rate).toLocaleString('en-US').padStart(11)} events/s  ×${(r.rate / base).toFixed(2)}`);
}
