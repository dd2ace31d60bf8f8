/**
 * Messages between the main thread and the query workers. The main thread reads input files and sends their bytes
 * in line-aligned chunks (the buffer is transferred, not copied, and comes back for reuse); a worker splits the
 * chunk into records, pre-filters, parses and runs the stage filters, and answers with only the records that
 * match some stage (their text, line and ordinal relative to the chunk), the problems it found, and counts.
 */
import type { InputErrorKind } from '../events/types.js';
import type { SchemaLayer } from '../../schema/types.js';

/** `workerData` of a query worker: what it needs to compile the same query as the main thread. */
export interface WorkerInit {
  readonly kind: 'eqlkit-query-worker';
  readonly query: string;
  readonly timestampField?: string;
  readonly tiebreakerField?: string;
  readonly eventCategoryField?: string;
  readonly layers: readonly SchemaLayer[];
  /** Use the query's pre-filter (off in strict mode). */
  readonly prefilter: boolean;
}

/** A chunk to scan: whole lines (it ends after a newline, or at the end of the file). */
export interface ChunkTask {
  readonly seq: number;
  readonly buffer: ArrayBuffer;
  readonly length: number;
  /** The chunk starts the file (a UTF-8 byte-order mark is skipped). */
  readonly first: boolean;
  /** The chunk ends the file: a last line without a newline is checked as possibly truncated. */
  readonly final: boolean;
}

/** A problem found in a chunk, placed before the record with local ordinal `at`. */
export interface ChunkProblem {
  readonly at: number;
  /** 0-based line within the chunk. */
  readonly line: number;
  readonly kind: InputErrorKind;
  readonly message: string;
}

/** What a worker found in a chunk; line numbers and ordinals are relative to the chunk's first line and record. */
export interface ChunkResult {
  readonly seq: number;
  /** The task's buffer, handed back for reuse. */
  readonly buffer: ArrayBuffer;
  /** Newlines in the chunk (the next chunk's first line is this many lines further). */
  readonly lines: number;
  readonly records: number;
  readonly prefiltered: number;
  /** Records parsed by the worker, the kept ones included. */
  readonly parsed: number;
  /** Records that match some stage, `until` or missing stage: raw text, local line and local ordinal. */
  readonly kept: readonly string[];
  readonly keptLines: readonly number[];
  readonly keptOrdinals: readonly number[];
  readonly problems: readonly ChunkProblem[];
}

export type WorkerReply = { readonly ok: true; readonly result: ChunkResult } | { readonly ok: false; readonly seq: number; readonly message: string };
