/**
 * The second half of a query session: a prepared query over a source, cancellable between batches, with
 * progress, structured warnings, and the match count of every stage. `eql query`, the language server's dry run
 * and the REPL all run queries through here.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Event } from '../eval/event.js';
import { FieldPresence } from '../eval/field-presence.js';
import { runQuery, type QueryResult, type RunOptions, type RunStats } from '../eval/run.js';
import type { PreparedQuery } from './prepare.js';
import { stageCounts, type StageCount } from './stage-counts.js';
import type { SessionProgress, SessionSource, SessionWarning } from './types.js';

export interface SessionOptions extends Omit<RunOptions, 'onWarning' | 'onBatch'> {
  readonly onWarning?: (w: SessionWarning) => void;
  readonly onProgress?: (p: SessionProgress) => void;
}

export interface SessionRun {
  readonly result: QueryResult;
  readonly stats: RunStats;
  /** Events matched per stage (see {@link stageCounts}). */
  readonly stages: readonly StageCount[];
  /**
   * Warnings located in the query: fields that no event has a value for (only when every record was parsed and
   * looked at, i.e. nothing was pre-filtered and the source did not filter).
   */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Runs `query` over `source`. Rejects with `QueryAbortedError` once `options.signal` is aborted (checked between
 * batches; the source is closed), with `EvalInputError` for input it cannot evaluate correctly (unsorted beyond
 * what it can sort); never on bad records (the source reports those).
 */
export async function runSession(query: PreparedQuery, source: SessionSource, options: SessionOptions = {}): Promise<SessionRun> {
  const presence = source.filtered ? undefined : new FieldPresence(query.ast, query.compiled.planner);
  const { onProgress, onParsed } = options;
  const { result, stats } = await runQuery(query.compiled, source.batches, {
    ...options,
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    ...(presence
      ? {
          onParsed: (ev: Event) => {
            presence.observe(ev);
            onParsed?.(ev);
          },
        }
      : {}),
    ...(onProgress
      ? {
          onBatch: (s: Readonly<RunStats>) =>
            onProgress({ records: s.records, parsed: s.parsed, ...(source.bytesRead ? { bytesRead: source.bytesRead() } : {}), ...(source.totalBytes !== undefined ? { totalBytes: source.totalBytes } : {}) }),
        }
      : {}),
  });
  const diagnostics = presence && stats.prefiltered === 0 ? presence.diagnostics() : [];
  return { result, stats, stages: stageCounts(query.ast, stats), diagnostics };
}
