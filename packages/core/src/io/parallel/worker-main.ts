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
import { buildSchema } from '../../schema/schema.js';
import { ChunkScanner } from './chunk-scan.js';
import type { ChunkResult, ChunkTask, WorkerInit, WorkerReply } from './protocol.js';

/** Builds the scanner for a worker's query. Throws when the query does not parse (the main thread checked it). */
export function scannerFor(init: WorkerInit): ChunkScanner {
  const parsed = parse(init.query);
  if (!parsed.ast) throw new Error('the query does not parse in the worker');
  const schema = init.layers.length ? buildSchema(init.layers) : undefined; // as executeQuery's schemaFromLayers
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

/** Decodes a chunk: ASCII (the common case) as latin1, which skips UTF-8 validation. */
function decode(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
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
      const text = decode(Buffer.from(task.buffer, 0, task.length));
      const result: ChunkResult = { seq: task.seq, buffer: task.buffer, ...scanner.scan(text, task.first, task.final) };
      reply = { ok: true, result };
      port.postMessage(reply, [task.buffer]);
    } catch (e) {
      reply = { ok: false, seq: task.seq, message: e instanceof Error ? (e.stack ?? e.message) : String(e) };
      port.postMessage(reply);
    }
  });
}
