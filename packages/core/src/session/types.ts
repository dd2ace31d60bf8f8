import type { RecordBatch, RunWarning } from '../eval/run.js';

/** A problem that does not stop a run: a stable code, a sentence, and where it is when it is about a record. */
export interface SessionWarning extends RunWarning {
  /** The input (file name, or the in-memory source's name). */
  readonly file?: string;
  /** 1-based line (record position for in-memory events). */
  readonly line?: number;
}

/** How far a run has got, reported after each batch. */
export interface SessionProgress {
  /** Records read so far (including those skipped unparsed). */
  readonly records: number;
  /** Records parsed as events. */
  readonly parsed: number;
  /** Bytes of input read so far, when the source knows. */
  readonly bytesRead?: number;
  /** Bytes of input in all, when the source knows (files; not standard input). */
  readonly totalBytes?: number;
}

/** Where a run's records come from: event files (through core's io), in-memory events, or anything else. */
export interface SessionSource {
  readonly batches: AsyncIterable<RecordBatch>;
  /**
   * True when the source hands over only records that may match (worker threads filtered the rest): then the run
   * cannot tell which of the query's fields no event has.
   */
  readonly filtered?: boolean;
  readonly totalBytes?: number;
  /** Bytes read so far. */
  bytesRead?(): number;
}
