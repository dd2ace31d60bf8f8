// `npm run bench:reader -- FILE [rounds]`: throughput of the event reader against the floor (read each line and
// JSON.parse it) and against node:readline, on an NDJSON file, for example one from the shared generator:
//   node ../shared/bench/gen-events.mjs --events 200000 --seed 1 --out /tmp/ev200k.ndjson
// Figures vary ±20% on shared machines: compare the ratios of one run, not absolute numbers.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { openEventSource, readEvents, type InputError } from '@eqlkit/core/io';
import { parseEveryLine } from './support/parse-every-line.js';

const file = process.argv[2] ?? '/tmp/ev200k.ndjson';
const rounds = Number(process.argv[3] ?? 3);

/** What most scripts do: node:readline + JSON.parse. */
async function readlineParse(): Promise<number> {
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

function fail(e: InputError): never {
  throw new Error(`unexpected input error: ${e.file}:${e.line}: ${e.message}`);
}

async function readerRaw(): Promise<number> {
  let n = 0;
  for await (const b of openEventSource([file], { onError: fail })) n += b.count;
  return n;
}

async function readerParseAll(): Promise<number> {
  let n = 0;
  for await (const b of openEventSource([file], { onError: fail })) {
    for (let i = 0; i < b.count; i++) if (b.parse(i)) n++;
  }
  return n;
}

/** Look at the raw text, parse only what may match (what the query pre-filter does). */
async function readerPrefilter(): Promise<number> {
  let n = 0;
  for await (const b of openEventSource([file], { onError: fail })) {
    for (let i = 0; i < b.count; i++) if (b.lines[i].includes('msiexec') && b.parse(i)) n++;
  }
  return n;
}

async function readEventsAll(): Promise<number> {
  let n = 0;
  for await (const _ of readEvents([file], { onError: fail })) n++;
  return n;
}

async function measure(name: string, fn: () => Promise<number>, events?: number) {
  let best = Infinity;
  let count = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    count = await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { name, ms: best, rate: (events ?? count) / (best / 1000) };
}

const total = await readerRaw();
const rows = [
  await measure('floor: chunks + split + JSON.parse each line', () => parseEveryLine(file)),
  await measure('readline + JSON.parse each line', readlineParse),
  await measure('reader: raw batches only (no parse)', readerRaw),
  await measure('reader: batches + JSON.parse every record', readerParseAll),
  await measure('reader: readEvents() (async iterator per event)', readEventsAll),
  await measure('reader: raw pre-filter ("msiexec"), parse survivors', readerPrefilter, total),
];
const base = rows[0].rate;
console.log(`${file}: ${total} events, best of ${rounds} rounds`);
for (const r of rows) {
  console.log(`${r.name.padEnd(56)} ${r.ms.toFixed(0).padStart(6)} ms ${Math.round(r.rate).toLocaleString('en-US').padStart(11)} events/s  ×${(r.rate / base).toFixed(2)}`);
}
