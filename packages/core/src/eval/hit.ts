/**
 * An event that matched, with what results need: its origin (for `_index`/`_id`) and its place in the order
 * Elasticsearch sorts by — timestamp, then tiebreaker, then input order (the implicit tiebreaker).
 */
import type { Event } from './event.js';

export interface Hit {
  readonly event: Event;
  /** `_index`: the name of the data file the event came from. */
  readonly index: string;
  /** `_id`: the document's `_id` if it has one, else its line number. */
  readonly id: string;
  /** The 1-based line where the record starts in its file. */
  readonly line: number;
  /** Input order across all files. */
  readonly ordinal: number;
  /** Epoch milliseconds; undefined when the event has no (parseable) timestamp. */
  readonly ts: number | undefined;
  /** The tiebreaker value (number or string), when a tiebreaker field is set and present. */
  readonly tiebreaker: string | number | undefined;
  /**
   * The record's original JSON text, when the reader had it: returned as `_source` exactly as written (`1.0`,
   * integers beyond 2^53 and escapes stay as they are, as Elasticsearch returns what was indexed).
   */
  readonly source?: string;
}

/**
 * Ascending event order: timestamp (missing first), then tiebreaker (an event without one sorts after those
 * with one at the same timestamp), then input order.
 */
export function compareHits(a: Hit, b: Hit): number {
  if (a.ts !== b.ts) {
    if (a.ts === undefined) return -1;
    if (b.ts === undefined) return 1;
    return a.ts - b.ts;
  }
  if (a.tiebreaker !== b.tiebreaker) {
    if (a.tiebreaker === undefined) return 1;
    if (b.tiebreaker === undefined) return -1;
    if (typeof a.tiebreaker === 'number' && typeof b.tiebreaker === 'number') return a.tiebreaker - b.tiebreaker;
    const x = String(a.tiebreaker);
    const y = String(b.tiebreaker);
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.ordinal - b.ordinal;
}
