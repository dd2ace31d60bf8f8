/** Shared types of the event readers. */
import type { RecordBatch } from '../../eval/run.js';
import type { RecordProblemKind } from '../../eval/record-check.js';

export type InputErrorKind =
  /** A record that is not valid JSON. */
  | 'invalid-json'
  /** Valid JSON that is not an object (`42`, `[1]`, `"x"`). */
  | 'not-object'
  /** The input ends inside a record (no newline after a broken last line, unclosed array element). */
  | 'truncated'
  | 'not-found'
  | 'is-directory'
  | 'unreadable'
  /** A glob matched no file. */
  | 'no-match'
  /** I/O or gzip failure while reading. */
  | 'read-error'
  /** Not JSON text at all (NUL bytes, UTF-16). */
  | 'not-text'
  /** A record longer than {@link MAX_RECORD_BYTES}: skipped without being held in memory. */
  | 'too-large'
  /** Problems with a matching record that Elasticsearch would refuse to index (`eval/record-check.ts`). */
  | RecordProblemKind;

/** The longest record read (V8's strings end near 512 MiB; real events are kilobytes). */
export const MAX_RECORD_BYTES = 256 << 20;

/** The message for a record over `limit` bytes. */
export function tooLargeMessage(limit: number): string {
  const size = limit >= 1 << 20 ? `${Math.round(limit / (1 << 20))} MiB` : `${limit} bytes`;
  return `a record longer than ${size} (not read into memory)`;
}

/** A problem with the input, reported through `onError`; never thrown. */
export interface InputError {
  /** The file as named on the command line or by the glob; `<stdin>` for `-`. */
  readonly file: string;
  /** 1-based line of the record (its first line for multi-line records); 0 when not about a line. */
  readonly line: number;
  readonly kind: InputErrorKind;
  /** Plain-language reason, e.g. `invalid JSON (Unexpected end of JSON input)`. */
  readonly message: string;
}

/** `file:line: message`, or `file: message` when the error is not about a line. */
export function formatInputError(e: InputError): string {
  return e.line > 0 ? `${e.file}:${e.line}: ${e.message}` : `${e.file}: ${e.message}`;
}

/**
 * Many raw records from one file, in input order (the evaluator's {@link RecordBatch}, plus the file's index).
 * Look at `lines[i]` to pre-filter cheaply, then call `parse(i)` only for the records you need; `parse` reports
 * invalid JSON or a non-object as an {@link InputError} (in strict mode it also stops the source) and never throws.
 */
export interface RawBatch extends RecordBatch {
  /** Index into the source's resolved file list. */
  readonly fileIndex: number;
}

export interface EventSourceOptions {
  /** Receives every input problem; the source goes on with the next record unless `strict`. */
  readonly onError: (e: InputError) => void;
  /** Stop at the first problem (records before it are still delivered). */
  readonly strict?: boolean;
  /** Stream read for `-` (default `process.stdin`). */
  readonly stdin?: NodeJS.ReadableStream;
  /** Bytes per read (default 1 MiB). */
  readonly chunkSize?: number;
  /** Directory that relative paths and globs are resolved against (default `process.cwd()`). */
  readonly cwd?: string;
  /** Records longer than this are reported and skipped (default {@link MAX_RECORD_BYTES}). */
  readonly maxRecordBytes?: number;
}

/** Counters of a source, updated while it is read. */
export interface EventSourceStats {
  /** Files (and stdin) opened so far. */
  files: number;
  /** Records delivered in batches. */
  records: number;
  /** Problems reported through `onError`. */
  errors: number;
  /** Bytes read (after gunzip). */
  bytes: number;
}

/** One parsed event with its origin. */
export interface EventRecord {
  readonly event: Record<string, unknown>;
  readonly file: string;
  readonly line: number;
  readonly ordinal: number;
}
