/**
 * Record batches from NDJSON files with the parsing and filtering done by worker threads: the main thread reads
 * line-aligned blocks and hands them out, then turns the workers' answers — in input order, whatever order they
 * arrive in — into sparse batches for the runner (only the records that match some stage, with their true line
 * numbers and ordinals, and the counts of the others). Problems are reported in input order, as the single-thread
 * reader reports them. At most a few blocks per worker are in flight, so memory stays bounded.
 */
import type { RecordBatch } from '../../eval/run.js';
import type { RecordProblem } from '../../eval/record-check.js';
import { describeFsError } from '../events/inputs.js';
import { errorReason } from '../events/record-sink.js';
import { MAX_RECORD_BYTES, tooLargeMessage, type InputError } from '../events/types.js';
import { BufferPool, lineChunks, type LineChunk } from './line-chunks.js';
import { WorkerPool } from './pool.js';
import type { ChunkProblem, ChunkResult, WorkerInit } from './protocol.js';

/** A regular file to read (as `expandSpec` resolves it). */
export interface FileInput {
  /** The file as named on the command line or by the glob (reported in `_index` and problems). */
  readonly name: string;
  readonly path: string;
}

export interface ParallelOptions {
  /** The worker entry script (a file that calls `serveQueryWorker`). */
  readonly workerScript: string | URL;
  readonly workers: number;
  readonly init: WorkerInit;
  /** Bytes per block (default 1 MiB). */
  readonly chunkSize?: number;
  readonly onError: (e: InputError) => void;
  /** Counts the bytes of the blocks whose records were handed on (for progress). */
  readonly progress?: { bytes: number };
}

/** A batch of the records of one block that match some stage; `finish()` reports the block's remaining problems. */
class SparseBatch implements RecordBatch {
  readonly count: number;
  readonly firstOrdinal: number;
  readonly lineNumbers: readonly number[];
  readonly ordinals: readonly number[];
  readonly skipped: { readonly records: number; readonly prefiltered: number; readonly parsed: number };
  private nextProblem = 0;

  constructor(
    readonly file: string,
    private readonly r: ChunkResult,
    lineBase: number,
    ordinalBase: number,
    private readonly report: (p: ChunkProblem) => void,
  ) {
    this.count = r.kept.length;
    this.firstOrdinal = ordinalBase;
    this.lineNumbers = r.keptLines.map((l) => lineBase + l);
    this.ordinals = r.keptOrdinals.map((o) => ordinalBase + o);
    // The runner counts the records it is given; the rest were counted by the worker.
    this.skipped = { records: r.records - r.kept.length, prefiltered: r.prefiltered, parsed: r.parsed - r.kept.length };
  }

  get lines(): readonly string[] {
    return this.r.kept;
  }

  private releaseUpTo(localOrdinal: number): void {
    const problems = this.r.problems;
    while (this.nextProblem < problems.length && problems[this.nextProblem].at <= localOrdinal) this.report(problems[this.nextProblem++]);
  }

  finish(): void {
    this.releaseUpTo(Infinity);
  }

  reject(i: number, problem: RecordProblem): void {
    this.report({ at: this.r.keptOrdinals[i], line: this.r.keptLines[i], kind: problem.kind, message: problem.message });
  }

  parse(i: number): Record<string, unknown> | undefined {
    if (i < 0 || i >= this.count) return undefined;
    this.releaseUpTo(this.r.keptOrdinals[i]);
    try {
      return JSON.parse(this.r.kept[i]) as Record<string, unknown>; // the worker parsed it already: an object
    } catch (e) {
      this.report({ at: this.r.keptOrdinals[i], line: this.r.keptLines[i], kind: 'invalid-json', message: `invalid JSON (${errorReason(e)})` });
      return undefined;
    }
  }
}

interface InFlight {
  readonly result: Promise<ChunkResult>;
  readonly fileIndex: number;
  readonly first: boolean;
  readonly bytes: number;
}

/**
 * Streams `inputs` through a pool of query workers as sparse record batches, in input order. The workers are
 * stopped when the iteration ends (also when the consumer stops early or throws). I/O errors are reported through
 * `onError` after the records read before them.
 */
export async function* parallelBatches(inputs: readonly FileInput[], opts: ParallelOptions): AsyncGenerator<RecordBatch> {
  const pool = new WorkerPool(opts.workerScript, opts.init, opts.workers);
  const buffers = new BufferPool(Math.max(1 << 16, opts.chunkSize ?? 1 << 20));
  const maxInFlight = pool.size * 3;
  const queue: InFlight[] = [];
  let seq = 0;
  let lineBase = 1;
  let ordinalBase = 0;

  async function* drainOne(): AsyncGenerator<RecordBatch> {
    const item = queue.shift()!;
    const r = await item.result;
    buffers.give(r.buffer);
    if (item.first) lineBase = 1;
    const input = inputs[item.fileIndex];
    const base = lineBase;
    const batch = new SparseBatch(input.name, r, base, ordinalBase, (p) => opts.onError({ file: input.name, line: base + p.line, kind: p.kind, message: p.message }));
    lineBase += r.lines;
    if (opts.progress) opts.progress.bytes += item.bytes;
    ordinalBase += r.records;
    try {
      yield batch;
    } finally {
      batch.finish();
    }
  }

  try {
    for (let fileIndex = 0; fileIndex < inputs.length; fileIndex++) {
      const input = inputs[fileIndex];
      let failure: unknown;
      const chunks = lineChunks(input.path, buffers);
      try {
        for (;;) {
          let next: IteratorResult<LineChunk>;
          try {
            next = await chunks.next();
          } catch (e) {
            failure = e;
            break;
          }
          if (next.done) break;
          const c = next.value;
          const task = { seq: seq++, buffer: c.buffer, length: c.length, first: c.first, final: c.final };
          const result = c.tooLong ? Promise.resolve(tooLongLine(task.seq)) : pool.submit(task);
          result.catch(() => {}); // awaited in order by drainOne; avoid an unhandled rejection meanwhile
          queue.push({ result, fileIndex, first: c.first, bytes: c.length });
          while (queue.length >= maxInFlight) yield* drainOne();
        }
      } finally {
        await chunks.return(undefined);
      }
      if (failure !== undefined) {
        while (queue.length) yield* drainOne();
        const { kind, message } = describeFsError(failure);
        opts.onError({ file: input.name, line: 0, kind, message });
      }
    }
    while (queue.length) yield* drainOne();
  } finally {
    await pool.close();
  }
}

/** The result for a line too long to read: no record, one line, and its problem (as the single-thread reader says). */
function tooLongLine(seq: number): ChunkResult {
  const problem: ChunkProblem = { at: 0, line: 0, kind: 'too-large', message: `${tooLargeMessage(MAX_RECORD_BYTES)}; skipped` };
  return { seq, buffer: new ArrayBuffer(0), lines: 1, records: 0, prefiltered: 0, parsed: 0, kept: [], keptLines: [], keptOrdinals: [], problems: [problem] };
}
