/**
 * One query over event files, end to end: parse, compile with the schema, stream the files, run. Both
 * `eql query` and the in-process conformance tests go through here, so they cannot disagree.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Schema } from '../../schema/types.js';
import type { CompiledQuery, EvalOptions } from '../../eval/compile.js';
import type { QueryResult, RunStats } from '../../eval/run.js';
import { prefilterFor } from '../../eval/prefilter/index.js';
import { prepareQuery, type PrepareOptions } from '../../session/prepare.js';
import { runSession, type SessionOptions } from '../../session/run.js';
import type { StageCount } from '../../session/stage-counts.js';
import { measureInputs } from '../events/inputs.js';
import { openBatches } from './batches.js';
import type { InputError } from '../events/types.js';
import type { Statement } from '../../ast/nodes.js';

export interface ExecuteOptions extends Omit<EvalOptions, 'schema'>, Omit<PrepareOptions, 'check'>, SessionOptions {
  /** Stop at the first bad input record. */
  readonly strict?: boolean;
  readonly stdin?: NodeJS.ReadableStream;
  /** Receives every input problem (bad JSON line, missing file, …). */
  readonly onInputError: (e: InputError) => void;
  /**
   * Skip `JSON.parse` for lines that cannot match, with the pre-filter derived from the query (default true; off
   * in `strict` mode, where every record is validated). An explicit `prefilter` replaces the derived one.
   */
  readonly prefilterFromQuery?: boolean;
  /**
   * When the derived pre-filter is used (default {@link PREFILTER_MIN_BYTES}): from the start when the files total
   * this much, after this much of standard input, never for smaller files. A line the pre-filter skips is never
   * parsed, so a malformed one among them goes unreported; below this size every line is parsed and every
   * malformed line reported, at no noticeable cost.
   */
  readonly prefilterMinBytes?: number;
  /**
   * Worker threads that read, pre-filter, parse and filter NDJSON files (the main thread keeps the sequence and
   * sample state, so results are the same and in the same order); 1 keeps everything on this thread. Default: one
   * per core when the input is 32 MiB or more. Only with `workerScript`; never in `strict` mode, for stdin, JSON
   * arrays or gzip.
   */
  readonly threads?: number;
  /** The worker entry script (a file calling `serveQueryWorker`, e.g. the CLI's bundled `query-worker.cjs`). */
  readonly workerScript?: string | URL;
  /** Bytes read at a time (default 1 MiB). */
  readonly chunkSize?: number;
  /** Extra checks on the parsed statement (the type checker), given the schema; their errors stop the run. */
  readonly check?: (ast: Statement, schema: Schema | undefined) => readonly Diagnostic[];
  /** Directory that relative paths and globs are resolved against (default `process.cwd()`). */
  readonly cwd?: string;
}

/** Input up to this size is parsed line by line in full (see `prefilterMinBytes`). */
export const PREFILTER_MIN_BYTES = 32 << 20;

export type ExecuteOutcome =
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }
  | {
      readonly ok: true;
      readonly diagnostics: readonly Diagnostic[];
      readonly result: QueryResult;
      readonly stats: RunStats;
      readonly tookMs: number;
      readonly inputErrors: number;
      readonly compiled: CompiledQuery;
      /** Worker threads that parsed and filtered the input (0: all on this thread). */
      readonly workers: number;
      /** Events matched per stage. */
      readonly stages: readonly StageCount[];
    };

/**
 * Runs `queryText` over `dataSpecs` (files, globs, `-`). Query errors come back as diagnostics; never throws on bad
 * data. Rejects with `QueryAbortedError` when `options.signal` is aborted (worker threads are stopped).
 */
export async function executeQuery(queryText: string, dataSpecs: readonly string[], options: ExecuteOptions): Promise<ExecuteOutcome> {
  const started = performance.now();
  const prepared = prepareQuery(queryText, options);
  if (!prepared.ok) return prepared;
  const { compiled, schema } = prepared.query;
  const diagnostics = [...prepared.diagnostics];
  let inputErrors = 0;
  const derive = options.prefilterFromQuery !== false && !options.strict;
  const minBytes = options.prefilterMinBytes ?? PREFILTER_MIN_BYTES;
  const cwd = options.cwd ?? process.cwd();
  const measured = await measureInputs(dataSpecs, cwd);
  // Characters of records read before pre-filtering: workers (files only) and one thread must agree.
  const prefilterAfter = measured.totalBytes >= minBytes ? 0 : measured.stdin ? minBytes : Infinity;
  const batches = await openBatches(dataSpecs, measured, {
    ...options,
    cwd,
    query: queryText,
    prefilter: derive && options.prefilter === undefined && prefilterAfter === 0,
    onError: (e) => {
      inputErrors++;
      options.onInputError(e);
    },
  });
  // With workers the pre-filter already ran there (an explicit `prefilter` keeps the single-thread path's meaning).
  const prefilter = options.prefilter ?? (derive && !batches.parallel ? prefilterFor(compiled, { schema, eventCategoryField: options.eventCategoryField }) : undefined);
  // Fields no event has are reported when every record was looked at (none skipped by a pre-filter, no workers).
  const run = await runSession(
    prepared.query,
    { batches: batches.source, filtered: batches.parallel, totalBytes: measured.stdin ? undefined : measured.totalBytes, bytesRead: batches.bytesRead },
    { ...options, prefilter, prefilterAfter: options.prefilter ? 0 : prefilterAfter },
  );
  diagnostics.push(...run.diagnostics);
  const { result, stats, stages } = run;
  return { ok: true, diagnostics, result, stats, tookMs: performance.now() - started, inputErrors, compiled, workers: batches.workers, stages };
}
