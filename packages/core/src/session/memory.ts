/**
 * Events already in memory (the REPL's loaded events, a test's fixtures) as a session source: batches of a few
 * thousand, so a long run can be cancelled and report progress between them. The raw JSON text a pre-filter
 * would look at is made only if something asks for it.
 */
import type { RecordBatch } from '../eval/run.js';
import type { SessionSource, SessionWarning } from './types.js';

export interface MemorySourceOptions {
  /** The name reported as the events' `_index` (default `memory`). */
  readonly name?: string;
  /** Events per batch (default 4096). */
  readonly batchSize?: number;
  /** Receives a warning for each entry that is not a JSON object (it is skipped). */
  readonly onWarning?: (w: SessionWarning) => void;
}

class MemoryBatch implements RecordBatch {
  readonly count: number;
  readonly lineNumbers: number[];
  private text: string[] | undefined;

  constructor(
    readonly file: string,
    private readonly events: readonly unknown[],
    readonly firstOrdinal: number,
    private readonly warn: ((w: SessionWarning) => void) | undefined,
  ) {
    this.count = events.length;
    // The "line" of an in-memory event is its 1-based position in the whole list.
    this.lineNumbers = events.map((_, i) => firstOrdinal + i + 1);
  }

  get lines(): readonly string[] {
    return (this.text ??= this.events.map((e) => JSON.stringify(e) ?? 'null'));
  }

  parse(i: number): Record<string, unknown> | undefined {
    const e = this.events[i];
    if (e !== null && typeof e === 'object' && !Array.isArray(e)) return e as Record<string, unknown>;
    this.warn?.({ code: 'not-object', message: 'not a JSON object; skipped', file: this.file, line: this.lineNumbers[i] });
    return undefined;
  }
}

/** A source over `events` (read once per iteration; the array must not change while a run reads it). */
export function memorySource(events: readonly unknown[], options: MemorySourceOptions = {}): SessionSource {
  const name = options.name ?? 'memory';
  const size = Math.max(1, options.batchSize ?? 4096);
  return {
    batches: {
      async *[Symbol.asyncIterator]() {
        for (let at = 0; at < events.length; at += size) yield new MemoryBatch(name, events.slice(at, at + size), at, options.onWarning);
      },
    },
  };
}
