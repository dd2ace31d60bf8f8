/**
 * Where a query's record batches come from: the single-thread reader (`openEventSource`, with the pre-filter
 * applied by the runner), or worker threads that read-filter-parse NDJSON files in parallel (the pre-filter and
 * the stage filters then run in the workers, and the runner sees only records that match some stage).
 */
import { availableParallelism } from 'node:os';
import type { RecordBatch } from '../../eval/run.js';
import type { SchemaLayer } from '../../schema/types.js';
import { openEventSource } from '../events/event-source.js';
import type { MeasuredInputs } from '../events/inputs.js';
import type { InputError } from '../events/types.js';
import { parallelBatches } from '../parallel/parallel-source.js';
import { planParallelInputs } from '../parallel/plan.js';

/** Input size from which worker threads are used when the thread count is automatic. */
export const PARALLEL_MIN_BYTES = 32 << 20;

export interface BatchOptions {
  readonly query: string;
  readonly timestampField?: string;
  readonly tiebreakerField?: string;
  readonly eventCategoryField?: string;
  readonly layers?: readonly SchemaLayer[];
  readonly strict?: boolean;
  readonly stdin?: NodeJS.ReadableStream;
  /** Pre-filter lines (in the workers, or by the runner on one thread). */
  readonly prefilter: boolean;
  /** Worker threads; 1 keeps everything on this thread; default one per core when the input is large. */
  readonly threads?: number;
  /** The worker entry script (calls `serveQueryWorker`); without it everything stays on this thread. */
  readonly workerScript?: string | URL;
  readonly chunkSize?: number;
  /** Directory that relative paths and globs are resolved against (default `process.cwd()`). */
  readonly cwd?: string;
  readonly onError: (e: InputError) => void;
}

export interface Batches {
  readonly source: AsyncIterable<RecordBatch>;
  /** True when workers filter the records (the runner must not pre-filter again). */
  readonly parallel: boolean;
  /** Worker threads started (0 on one thread). */
  readonly workers: number;
  /** Bytes of input read so far (after gunzip on one thread; file bytes handed to workers). */
  readonly bytesRead: () => number;
}

/** Opens the batches for a run; never throws on bad input (that goes to `onError`). */
export async function openBatches(dataSpecs: readonly string[], measured: MeasuredInputs, o: BatchOptions): Promise<Batches> {
  const threads = o.threads ?? Math.min(availableParallelism(), 8);
  // Strict mode stops at the first bad record, which the single-thread reader does exactly.
  if (o.workerScript !== undefined && threads > 1 && !o.strict) {
    const inputs = await planParallelInputs(measured, o.threads === undefined ? PARALLEL_MIN_BYTES : 0);
    if (inputs) {
      const init = {
        kind: 'eqlkit-query-worker' as const,
        query: o.query,
        timestampField: o.timestampField,
        tiebreakerField: o.tiebreakerField,
        eventCategoryField: o.eventCategoryField,
        layers: o.layers ?? [],
        prefilter: o.prefilter,
      };
      const progress = { bytes: 0 };
      const source = parallelBatches(inputs, { workerScript: o.workerScript, workers: threads, init, chunkSize: o.chunkSize, onError: o.onError, progress });
      return { source, parallel: true, workers: threads, bytesRead: () => progress.bytes };
    }
  }
  const source = openEventSource(dataSpecs, { strict: o.strict, stdin: o.stdin, chunkSize: o.chunkSize, cwd: o.cwd, onError: o.onError });
  return { source, parallel: false, workers: 0, bytesRead: () => source.stats.bytes };
}
