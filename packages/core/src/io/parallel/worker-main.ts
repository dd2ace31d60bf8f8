/**
 * The body of a query worker thread: compiles the query it is given (exactly as the main thread does, so the
 * evaluator's semantics stay in one place) and answers chunk tasks with {@link ChunkScanner}. A CLI entry file
 * (`packages/cli/src/query-worker.ts`) calls {@link serveQueryWorker}; the main thread's pool starts it.
 */
import { isAscii } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import { compileStatement } from '../../eval/compile.js';
import type { Event } from '../../eval/event.js';
import { prefilterPlanFor } from '../../eval/prefilter/index.js';
import { parse } from '../../parse.js';
import { schemaFromLayers } from '../../session/prepare.js';
import { ChunkScanner, type ScanResult } from './chunk-scan.js';
import type { ChunkProblem, ChunkResult, ChunkTask, WorkerInit, WorkerReply } from './protocol.js';

/** Builds the scanner for a worker's query. Throws when the query does not parse (the main thread checked it). */
export function scannerFor(init: WorkerInit): ChunkScanner {
  const parsed = parse(init.query);
  if (!parsed.ast) throw new Error('the query does not parse in the worker');
  const schema = schemaFromLayers(init.layers); // as the main thread's prepareQuery
  const compiled = compileStatement(parsed.ast, {
    timestampField: init.timestampField,
    tiebreakerField: init.tiebreakerField,
    eventCategoryField: init.eventCategoryField,
    schema,
  });
  const plan = init.prefilter ? prefilterPlanFor(compiled, { schema, eventCategoryField: init.eventCategoryField }) : undefined;
  const filters = [...compiled.stages.map((s) => s.filter), ...(compiled.until ? [compiled.until.filter] : [])];
  const matches = (ev: Event) => {
    for (const f of filters) if (f(ev)) return true;
    return false;
  };
  return new ChunkScanner({ test: plan?.test, gate: plan ? (sample) => plan.gate(sample) : undefined, matches });
}

/** Decodes bytes: ASCII (the common case) as latin1, which skips UTF-8 validation. */
function decode(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * Bytes decoded and scanned at a time. Pieces this small become short-lived strings in V8's young generation; a
 * whole 1 MiB chunk would be a large object that only a full collection frees (measured: workers then grow by
 * ~70 MB each and run slower).
 */
const PIECE = 64 << 10;
/**
 * Text the worker samples (once) to choose its gate: about 90 lines. Kept under V8's large-object size too — one
 * decoded megabyte at the start was measured to double a worker's memory and slow it down for the whole run.
 */
const GATE_SAMPLE_BYTES = 120 << 10;
const LF = 10;

/** Scans a chunk piece by piece (each cut after a newline), adding up the pieces' results. */
function scanChunk(scanner: ChunkScanner, bytes: Buffer, first: boolean, final: boolean): ScanResult {
  let lines = 0;
  let records = 0;
  let prefiltered = 0;
  let parsed = 0;
  const kept: string[] = [];
  const keptLines: number[] = [];
  const keptOrdinals: number[] = [];
  const problems: ChunkProblem[] = [];
  scanner.chooseGate(decode(bytes.subarray(0, GATE_SAMPLE_BYTES))); // once, from more lines than one piece holds
  let pos = 0;
  while (pos < bytes.length) {
    let end = bytes.length;
    if (end - pos > PIECE) {
      const nl = bytes.lastIndexOf(LF, pos + PIECE - 1);
      end = nl >= pos ? nl + 1 : bytes.indexOf(LF, pos + PIECE) + 1 || bytes.length;
    }
    const r = scanner.scan(decode(bytes.subarray(pos, end)), first && pos === 0, final && end === bytes.length);
    for (let i = 0; i < r.kept.length; i++) {
      kept.push(r.kept[i]);
      keptLines.push(lines + r.keptLines[i]);
      keptOrdinals.push(records + r.keptOrdinals[i]);
    }
    for (const p of r.problems) problems.push({ ...p, at: records + p.at, line: lines + p.line });
    lines += r.lines;
    records += r.records;
    prefiltered += r.prefiltered;
    parsed += r.parsed;
    pos = end;
  }
  return { lines, records, prefiltered, parsed, kept, keptLines, keptOrdinals, problems };
}

/** Runs the worker: call once from a worker entry file. Does nothing on the main thread. */
export function serveQueryWorker(): void {
  const port = parentPort;
  const init = workerData as WorkerInit | undefined;
  if (!port || init?.kind !== 'eqlkit-query-worker') return;
  let scanner: ChunkScanner | undefined;
  let failure: string | undefined;
  try {
    scanner = scannerFor(init);
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
  port.on('message', (task: ChunkTask) => {
    let reply: WorkerReply;
    try {
      if (!scanner) throw new Error(failure ?? 'the worker has no query');
      const result: ChunkResult = { seq: task.seq, buffer: task.buffer, ...scanChunk(scanner, Buffer.from(task.buffer, 0, task.length), task.first, task.final) };
      reply = { ok: true, result };
      port.postMessage(reply, [task.buffer]);
    } catch (e) {
      reply = { ok: false, seq: task.seq, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      port.postMessage(reply);
    }
  });
}
