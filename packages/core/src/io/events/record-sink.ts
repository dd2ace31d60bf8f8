/**
 * Collects raw records into batches, numbers them, and funnels every problem to `onError`
 * (counting it, and stopping the source in strict mode).
 *
 * Problems the reader finds while splitting (a line that is not an object) are held in the batch
 * and reported just before the first record after them is parsed — or when the consumer is done
 * with the batch — so a consumer that parses everything sees errors in input order, interleaved
 * with the errors `parse` itself reports.
 */

import type { EventSourceStats, InputError, InputErrorKind, RawBatch } from './types.js';
import type { RecordProblem } from '../../eval/record-check.js';

/** A problem sitting before the record with ordinal `at` (records `>= at` are cut off if it stops the source). */
interface HeldError {
  readonly at: number;
  readonly error: InputError;
  /** This error set the strict-mode stop when it was found. */
  readonly stopper: boolean;
}

export class RecordSink {
  readonly stats: EventSourceStats = { files: 0, records: 0, errors: 0, bytes: 0 };
  /** Records with an ordinal at or above this are not delivered (strict mode stop). */
  stopOrdinal = Infinity;
  private file = '';
  private fileIndex = -1;
  private lines: string[] = [];
  private lineNumbers: number[] = [];
  private held: HeldError[] = [];
  private nextOrdinal = 0;
  private batchStart = 0;

  constructor(
    private readonly onError: (e: InputError) => void,
    private readonly strict: boolean,
  ) {}

  get stopped(): boolean {
    return this.stopOrdinal !== Infinity;
  }

  beginFile(index: number, name: string): void {
    this.file = name;
    this.fileIndex = index;
    this.stats.files++;
  }

  /** A record candidate (shape already checked). */
  add(text: string, line: number): void {
    if (this.stopped) return;
    this.lines.push(text);
    this.lineNumbers.push(line);
    this.nextOrdinal++;
  }

  /** A problem the reader found in the current file, held until the records before it are consumed. */
  error(line: number, kind: InputErrorKind, message: string): void {
    if (this.stopped) return;
    const stopper = this.strict;
    if (stopper) this.stopOrdinal = this.nextOrdinal;
    this.held.push({ at: this.nextOrdinal, error: { file: this.file, line, kind, message }, stopper });
  }

  /** A problem with a whole input (missing file, no glob match, read failure), reported at once. */
  problem(file: string, kind: InputErrorKind, message: string, line = 0): void {
    this.drainHeld();
    this.report({ file, line, kind, message }, this.nextOrdinal);
  }

  /** Reports `error` for the record (or gap) at ordinal `at`, unless a strict stop came before it. */
  report(error: InputError, at: number): void {
    if (at >= this.stopOrdinal) return;
    if (this.strict) this.stopOrdinal = at;
    this.emit(error);
  }

  /** Reports a held error now, unless an earlier problem stopped the source first. */
  release(h: HeldError): void {
    if (h.stopper ? h.at > this.stopOrdinal : h.at >= this.stopOrdinal) return;
    this.emit(h.error);
  }

  private emit(error: InputError): void {
    this.stats.errors++;
    this.onError(error);
  }

  /** Records waiting to be flushed. */
  get pending(): number {
    return this.lines.length;
  }

  /** Held errors not yet attached to a batch (reported directly when no records follow them). */
  drainHeld(): void {
    const held = this.held;
    this.held = [];
    for (const h of held) this.release(h);
  }

  /** Hands out the records (and held errors) collected since the last flush. */
  flush(): Batch {
    const batch = new Batch(this, this.fileIndex, this.file, this.lines, this.lineNumbers, this.batchStart, this.held);
    this.stats.records += this.lines.length;
    this.lines = [];
    this.lineNumbers = [];
    this.held = [];
    this.batchStart = this.nextOrdinal;
    return batch;
  }
}

/** Describes a JSON value's type for "expected a JSON object" messages. */
export function jsonTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? 'a string' : typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'a boolean' : typeof v;
}

export function errorReason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What a line that is not plainly `{…}` holds: a record to keep, a problem to report, or nothing (blank). */
export type OddLine = { readonly record: string } | { readonly kind: InputErrorKind; readonly message: string } | undefined;

const OPEN = 123; // {
const CLOSE = 125; // }

/**
 * Checks a blank-padded, non-object or broken line, or the unterminated last line of a file, in full (the last line
 * may be cut off mid-record even when it happens to end in `}`).
 */
export function checkOddLine(raw: string, unterminated: boolean): OddLine {
  const t = raw.trim();
  if (t === '') return undefined;
  if (t.charCodeAt(0) === OPEN && t.charCodeAt(t.length - 1) === CLOSE && !unterminated) return { record: t };
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch (e) {
    const hint = unterminated ? '; the last line has no newline, the file may be truncated' : '';
    return { kind: unterminated ? 'truncated' : 'invalid-json', message: `invalid JSON (${errorReason(e)}${hint})` };
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return { record: t };
  return { kind: 'not-object', message: `expected a JSON object, found ${jsonTypeName(v)}` };
}

export class Batch implements RawBatch {
  readonly count: number;
  private nextHeld = 0;

  constructor(
    private readonly sink: RecordSink,
    readonly fileIndex: number,
    readonly file: string,
    readonly lines: readonly string[],
    readonly lineNumbers: readonly number[],
    readonly firstOrdinal: number,
    private readonly held: readonly HeldError[],
  ) {
    this.count = lines.length;
  }

  /** Reports held errors positioned at or before `ordinal`. */
  private releaseUpTo(ordinal: number): void {
    while (this.nextHeld < this.held.length && this.held[this.nextHeld].at <= ordinal) this.sink.release(this.held[this.nextHeld++]);
  }

  /** Reports every held error not reported yet (the consumer is done with the batch). */
  finish(): void {
    this.releaseUpTo(Infinity);
  }

  reject(i: number, problem: RecordProblem): void {
    this.sink.report({ file: this.file, line: this.lineNumbers[i], kind: problem.kind, message: problem.message }, this.firstOrdinal + i);
  }

  parse(i: number): Record<string, unknown> | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const ordinal = this.firstOrdinal + i;
    this.releaseUpTo(ordinal);
    if (ordinal >= this.sink.stopOrdinal) return undefined;
    const line = this.lineNumbers[i];
    let v: unknown;
    try {
      v = JSON.parse(this.lines[i]);
    } catch (e) {
      this.sink.report({ file: this.file, line, kind: 'invalid-json', message: `invalid JSON (${errorReason(e)})` }, ordinal);
      return undefined;
    }
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    this.sink.report({ file: this.file, line, kind: 'not-object', message: `expected a JSON object, found ${jsonTypeName(v)}` }, ordinal);
    return undefined;
  }
}
