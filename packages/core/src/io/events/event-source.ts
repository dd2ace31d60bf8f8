/**
 * Streams events from files, globs and stdin as batches of raw records: memory stays bounded by
 * the chunk size whatever the file size, there is one `await` per chunk (not per line), and the
 * consumer sees raw text first so it can skip `JSON.parse` for records it does not need.
 */

import { fileChunks, maybeGunzip, streamChunks } from './byte-chunks.js';
import { detectFormat } from './detect-format.js';
import { describeFsError, expandSpec, type Input } from './inputs.js';
import { JsonStreamDecoder } from './json-stream-decoder.js';
import { NdjsonDecoder } from './ndjson-decoder.js';
import { errorReason, RecordSink } from './record-sink.js';
import type { EventRecord, EventSourceOptions, EventSourceStats, RawBatch } from './types.js';

const DEFAULT_CHUNK = 1 << 20;

interface Decoder {
  push(chunk: Buffer): void;
  end(): void;
  /** The input stops here (its data is corrupt): drops what is pending and returns the line where reading stopped. */
  abort(): number;
}

/** An iterable of raw batches (iterate it once), with live counters. */
export interface EventSource extends AsyncIterable<RawBatch> {
  /** Inputs opened so far, by `RawBatch.fileIndex`. */
  readonly files: readonly string[];
  readonly stats: Readonly<EventSourceStats>;
  /** True once strict mode stopped reading. */
  readonly stopped: boolean;
}

/**
 * Opens `specs` (paths, globs, `-` for stdin) for streaming. Formats are detected from content:
 * NDJSON/JSON Lines, a JSON array (streamed, compact or pretty-printed), pretty-printed objects one
 * after another, each optionally gzipped. Bad input is reported through `opts.onError` and
 * skipped — never thrown; with `strict` the source stops at the first problem.
 */
export function openEventSource(specs: readonly string[], opts: EventSourceOptions): EventSource {
  return new FileEventSource(specs, opts);
}

class FileEventSource implements EventSource {
  readonly files: string[] = [];
  private readonly sink: RecordSink;
  private started = false;

  constructor(
    private readonly specs: readonly string[],
    private readonly opts: EventSourceOptions,
  ) {
    this.sink = new RecordSink(opts.onError, opts.strict ?? false);
  }

  get stats(): Readonly<EventSourceStats> {
    return this.sink.stats;
  }

  get stopped(): boolean {
    return this.sink.stopped;
  }

  [Symbol.asyncIterator](): AsyncIterator<RawBatch> {
    if (this.started) throw new Error('an event source can be iterated only once');
    this.started = true;
    return this.run();
  }

  private async *run(): AsyncGenerator<RawBatch> {
    const cwd = this.opts.cwd ?? process.cwd();
    for (const spec of this.specs) {
      const { inputs, problems } = await expandSpec(spec, cwd);
      for (const p of problems) this.sink.problem(p.file, p.kind, p.message);
      for (const input of inputs) {
        if (this.sink.stopped) return;
        this.sink.beginFile(this.files.push(input.name) - 1, input.name);
        yield* this.readInput(input);
      }
      if (this.sink.stopped) return;
    }
  }

  /** Yields the pending records as a batch; its held errors are reported once the consumer is done with it. */
  private *flush(): Generator<RawBatch> {
    if (this.sink.pending === 0) {
      this.sink.drainHeld();
      return;
    }
    const batch = this.sink.flush();
    try {
      yield batch;
    } finally {
      batch.finish();
    }
  }

  private async *readInput(input: Input): AsyncGenerator<RawBatch> {
    const sink = this.sink;
    const chunkSize = Math.max(4096, this.opts.chunkSize ?? DEFAULT_CHUNK);
    const max = this.opts.maxRecordBytes;
    const raw = input.kind === 'stdin' ? streamChunks(this.opts.stdin ?? process.stdin) : fileChunks(input.path, chunkSize);
    const chunks = maybeGunzip(raw, chunkSize);
    let decoder: Decoder | undefined;
    let held: Buffer[] = []; // bytes seen before the format is known
    let failure: unknown;
    try {
      for await (const chunk of chunks) {
        sink.stats.bytes += chunk.length;
        if (!decoder) {
          held.push(chunk);
          const head = held.length === 1 ? chunk : Buffer.concat(held);
          const d = detectFormat(head, false);
          if (d === undefined) continue;
          if ('problem' in d) {
            sink.problem(input.name, 'not-text', d.problem);
            return;
          }
          decoder = d.format === 'ndjson' ? new NdjsonDecoder(sink, max) : new JsonStreamDecoder(sink, d.format, max);
          held = [];
          decoder.push(head);
        } else {
          decoder.push(chunk);
        }
        yield* this.flush();
        if (sink.stopped) return;
      }
    } catch (e) {
      failure = e;
    }
    if (!decoder && held.length > 0) {
      const head = Buffer.concat(held);
      const d = detectFormat(head, true);
      if (d && 'problem' in d) {
        sink.problem(input.name, 'not-text', d.problem);
        return;
      }
      decoder = d?.format === 'array' || d?.format === 'concat' ? new JsonStreamDecoder(sink, d.format, max) : new NdjsonDecoder(sink, max);
      decoder.push(head);
    }
    const isZlib = failure !== undefined && typeof (failure as { code?: unknown }).code === 'string' && String((failure as { code: string }).code).startsWith('Z_');
    if (isZlib) {
      // Corrupt or cut-off gzip data is bad data, like a truncated text file: the records before it count, the
      // record it cuts and the rest of the file are reported where they start, and the run goes on.
      const line = decoder ? decoder.abort() : 1;
      sink.error(line, 'truncated', `gzip data is corrupt or truncated from here (${errorReason(failure)}); the rest of the file is skipped`);
    } else decoder?.end();
    yield* this.flush();
    if (failure !== undefined && !isZlib) {
      const { kind, message } = describeFsError(failure);
      sink.problem(input.name, kind, message);
    }
  }
}

/**
 * Convenience over {@link openEventSource}: parsed events one by one with their origin. Records
 * that fail to parse are reported through `opts.onError` and skipped. Never throws on bad input.
 */
export async function* readEvents(specs: readonly string[], opts: EventSourceOptions): AsyncGenerator<EventRecord> {
  for await (const batch of openEventSource(specs, opts)) {
    for (let i = 0; i < batch.count; i++) {
      const event = batch.parse(i);
      if (event !== undefined) yield { event, file: batch.file, line: batch.lineNumbers[i], ordinal: batch.firstOrdinal + i };
    }
  }
}
