/**
 * Runs a compiled query over batches of raw records (from the core's event readers or any other source).
 *
 * Order: results depend on event order (timestamp, tiebreaker, input order). Matching events are first kept in a
 * buffer; if the input ends within the buffer limit they are sorted when needed, so small unsorted inputs just
 * work. Past the limit, sorted input switches to streaming (sequences keep only live partial state, bounded by
 * `maxspan`; event results go straight to `onEvent`). Unsorted input past the limit, or input found out of order
 * after streaming started, stops with an `EvalInputError` that says what to do (`sortInMemory` buffers everything
 * up to a hard limit) — never a wrong answer.
 */
import type { Scalar } from '../functions/types.js';
import { parseTimestamp } from '../values/timestamps.js';
import { toComparable } from '../values/compare.js';
import type { CompiledQuery, StagePlan } from './compile.js';
import type { Event } from './event.js';
import { compareHits, type Hit } from './hit.js';
import { reportKey, type KeyTuple } from './keys.js';
import { applyEventPipes, sliceByPipe, type CountRow } from './pipes.js';
import { ResultWindow, resultWindow } from './result-window.js';
import { SampleEngine } from './sample.js';
import { SequenceEngine, type StageMatches } from './sequence.js';
import { valueKind } from './field-plan.js';
import { recordTextProblem, type RecordProblem } from './record-check.js';
import { noteRecordText } from './exact-integers.js';
import { pipeLimit } from '../ast/pipe-limit.js';

/** Raw records of one input file, in input order (what the core's event readers deliver). */
export interface RecordBatch {
  readonly file: string;
  /** Number of records (== lines.length). */
  readonly count: number;
  /** Raw JSON text of each record: one NDJSON line, or one array element (may span lines). */
  readonly lines: readonly string[];
  /** 1-based line where each record starts. */
  readonly lineNumbers: readonly number[];
  /** Ordinal (input order across all files) of `lines[0]`; record i has `firstOrdinal + i` unless `ordinals` is set. */
  readonly firstOrdinal: number;
  /** For a sparse batch (records picked out of a longer stretch of input): the ordinal of each record. */
  readonly ordinals?: readonly number[];
  /** Records of the stretch not in a sparse batch, already counted elsewhere (pre-filtered or parsed without a match). */
  readonly skipped?: { readonly records: number; readonly prefiltered: number; readonly parsed: number };
  /** Parses record `i`; undefined (after reporting the problem) when it is not a JSON object. Never throws. */
  parse(i: number): Record<string, unknown> | undefined;
  /**
   * Reports record `i` as one that cannot be used (see `record-check.ts`). Present when `lines` hold the records'
   * original text: the runner then checks the text of the records that match and keeps it as their `_source`.
   */
  reject?(i: number, problem: RecordProblem): void;
}

export interface RunOptions {
  /** At most this many results (events, sequences or samples); all when absent. */
  readonly size?: number;
  /** With `size`: keep the first (`head`) or the last (`tail`, Elasticsearch's default) results. */
  readonly resultPosition?: 'head' | 'tail';
  readonly maxSamplesPerKey?: number;
  /** Buffer every matching event and sort at the end, whatever the input size (`--sort`). */
  readonly sortInMemory?: boolean;
  /** Matching events kept (and sorted if needed) before deciding to stream (default 50,000). */
  readonly bufferLimit?: number;
  /** With `sortInMemory`: matching events kept at most (default 5,000,000). */
  readonly hardLimit?: number;
  /** Partial sequences kept at most for a sequence without maxspan (default 1,000,000). */
  readonly maxPartials?: number;
  /** A cheap test on the raw JSON text: records it rejects are not parsed (they cannot match). */
  readonly prefilter?: (line: string) => boolean;
  /**
   * The pre-filter starts once this many characters of records have gone by (default 0): up to there every record
   * is parsed, so every malformed one is reported, and only long inputs trade that for speed.
   */
  readonly prefilterAfter?: number;
  /** The `_index` reported for events of a file (default: the file's base name). */
  readonly indexName?: (file: string) => string;
  /** Problems with the run that do not stop it (structured: a stable code and a sentence). */
  readonly onWarning?: (warning: RunWarning) => void;
  /** Checked between batches: once aborted, the run stops with {@link QueryAbortedError} (and its sources close). */
  readonly signal?: AbortSignalLike;
  /** Called after each batch with the counters so far (progress reporting). */
  readonly onBatch?: (stats: Readonly<RunStats>) => void;
  /** Sees every record that was parsed (after the pre-filter), matching or not. */
  readonly onParsed?: (ev: Event) => void;
  /**
   * For event queries: receives results as soon as they are final, in order, instead of collecting them (sorted
   * input then streams in constant memory). Used only when the pipes allow it (none, or `head`), and `size` keeps
   * the head; otherwise results are collected as usual.
   */
  readonly onEvent?: (hit: Hit) => void;
}

/** A problem with a run that does not stop it. */
export interface RunWarning {
  /** Stable: `no-timestamp` (matching events left out of a sequence), `partials-dropped` (no maxspan, too many). */
  readonly code: string;
  readonly message: string;
}

/** What the runner needs of an `AbortSignal` (structural, so the core needs no DOM or Node types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** A run stopped through its signal. */
export class QueryAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor(readonly reason?: unknown) {
    super(reason instanceof Error ? reason.message : 'the query was cancelled');
  }
}

export interface SequenceResult {
  /** The join key values, as Elasticsearch reports them. */
  readonly joinKeys: readonly Scalar[];
  /** Where a join key is an integer beyond 2^53 (rounded in `joinKeys`): its exact digits, by position. */
  readonly exactJoinKeys?: readonly (string | undefined)[];
  /** The events in stage order; null for a missing-event stage. */
  readonly hits: readonly (Hit | null)[];
}

export type QueryResult =
  /** `streamed`: the hits went to `onEvent` (then `hits` is empty and `count` says how many). */
  | { readonly kind: 'events'; readonly hits: readonly Hit[]; readonly streamed?: { readonly count: number } }
  | { readonly kind: 'sequences'; readonly sequences: readonly SequenceResult[] }
  | { readonly kind: 'samples'; readonly sequences: readonly SequenceResult[] }
  | { readonly kind: 'counts'; readonly rows: readonly CountRow[] };

export interface RunStats {
  records: number;
  /** Records skipped by the pre-filter without parsing. */
  prefiltered: number;
  parsed: number;
  /** Matching events without a usable timestamp (they cannot take part in a sequence). */
  noTimestamp: number;
  /** Per stage as written: events that matched it (its filter, with its join keys present). */
  stageMatches: number[];
  /** Events that matched the `until` stage (0 without one). */
  untilMatches: number;
  /** True when matching events came in order. */
  sorted: boolean;
  streamed: boolean;
  /** Event queries: the most results held at once (bounded by `| head N`, `| tail N` or `--size N`). */
  peakResults: number;
}

/** Input that cannot be evaluated correctly as given (unsorted beyond what can be sorted in memory). */
export class EvalInputError extends Error {}

interface Candidate {
  readonly hit: Hit;
  readonly matches: StageMatches;
}

/**
 * A copy of `s` that does not keep alive the larger string it was cut from (a reader's line is a slice of a whole
 * chunk of input: a kept hit must not pin a megabyte). Concatenation then slicing makes V8 copy it out flat.
 */
const ownCopy = (s: string): string => (' ' + s).slice(1);

/** `exactJoinKeys` for a key tuple holding integers beyond 2^53 (none otherwise). */
function exactKeys(key: KeyTuple): { exactJoinKeys?: readonly (string | undefined)[] } {
  return key.values.some((v) => v.exact !== undefined) ? { exactJoinKeys: key.values.map((v) => v.exact) } : {};
}

const baseName = (file: string) => file.replace(/^.*[\\/]/, '');

/** Runs `query` over `batches`. Never throws on bad data (that goes to the readers' error reporting). */
export async function runQuery(query: CompiledQuery, batches: AsyncIterable<RecordBatch>, options: RunOptions = {}): Promise<{ result: QueryResult; stats: RunStats }> {
  const run = new Runner(query, options);
  const { signal, onBatch } = options;
  if (signal?.aborted) throw new QueryAbortedError(signal.reason);
  for await (const batch of batches) {
    // Leaving the loop by throwing closes the source (and stops its worker threads).
    if (signal?.aborted) throw new QueryAbortedError(signal.reason);
    run.batch(batch);
    onBatch?.(run.stats);
  }
  if (signal?.aborted) throw new QueryAbortedError(signal.reason);
  return { result: run.finish(), stats: run.stats };
}

class Runner {
  readonly stats: RunStats;
  /** Stages with `runs` expanded: index into the written stages. */
  private readonly expanded: number[];
  private readonly buffer: Candidate[] = [];
  private streaming = false;
  private last: Hit | undefined;
  private readonly events: ResultWindow<Hit>;
  private readonly sequences: SequenceEngine | undefined;
  private readonly samples: SampleEngine | undefined;
  private readonly indexNames = new Map<string, string>();
  private readonly warn: (w: RunWarning) => void;
  /** For streamed event results: the sink and how many more it may receive. */
  private readonly sink: ((hit: Hit) => void) | undefined;
  private remaining = Infinity;
  private charsBeforePrefilter: number;
  private emitted = 0;

  constructor(
    private readonly q: CompiledQuery,
    private readonly opts: RunOptions,
  ) {
    this.stats = { records: 0, prefiltered: 0, parsed: 0, noTimestamp: 0, stageMatches: q.stages.map(() => 0), untilMatches: 0, sorted: true, streamed: false, peakResults: 0 };
    this.events = new ResultWindow(resultWindow(q.pipes, opts.size, opts.resultPosition));
    this.expanded = q.stages.flatMap((s, i) => Array.from({ length: s.runs }, () => i));
    this.warn = opts.onWarning ?? (() => {});
    this.charsBeforePrefilter = opts.prefilterAfter ?? 0;
    if (q.kind === 'sequence') {
      this.sequences = new SequenceEngine({
        missing: this.expanded.map((i) => q.stages[i].missing),
        hasUntil: q.until !== undefined,
        maxspan: q.maxspan,
        maxPartials: opts.maxPartials ?? 1_000_000,
        onWarning: this.warn,
      });
    }
    if (q.kind === 'sample') this.samples = new SampleEngine(q.stages.length, opts.maxSamplesPerKey ?? 1);
    const headOnly = q.pipes.every((p) => p.name === 'head');
    const sizeAllows = opts.size === undefined || opts.resultPosition === 'head';
    if (q.kind === 'event' && opts.onEvent && headOnly && sizeAllows) {
      this.sink = opts.onEvent;
      for (const p of q.pipes) this.remaining = Math.min(this.remaining, pipeLimit(p) ?? 0);
      if (opts.size !== undefined) this.remaining = Math.min(this.remaining, opts.size);
    }
  }

  batch(b: RecordBatch): void {
    let index = this.indexNames.get(b.file);
    if (index === undefined) this.indexNames.set(b.file, (index = (this.opts.indexName ?? baseName)(b.file)));
    const prefilter = this.prefilterFor(b);
    if (b.skipped) {
      this.stats.records += b.skipped.records;
      this.stats.prefiltered += b.skipped.prefiltered;
      this.stats.parsed += b.skipped.parsed;
    }
    for (let i = 0; i < b.count; i++) {
      this.stats.records++;
      if (prefilter && !prefilter(b.lines[i])) {
        this.stats.prefiltered++;
        continue;
      }
      const ev = b.parse(i);
      if (!ev) continue;
      if (b.reject) noteRecordText(ev, b.lines[i]);
      this.stats.parsed++;
      this.opts.onParsed?.(ev);
      this.event(ev, index, b, i);
    }
  }

  /** The pre-filter for a batch: none until `prefilterAfter` characters of records have been read. */
  private prefilterFor(b: RecordBatch): ((line: string) => boolean) | undefined {
    if (!this.opts.prefilter || this.charsBeforePrefilter <= 0) return this.opts.prefilter;
    for (let i = 0; i < b.count; i++) this.charsBeforePrefilter -= b.lines[i].length;
    return undefined;
  }

  private keysOf(stage: StagePlan, ev: Event): KeyTuple[] | undefined {
    if (!stage.filter(ev)) return undefined;
    const keys = stage.keys(ev);
    return keys.length ? keys : undefined;
  }

  private event(ev: Event, index: string, b: RecordBatch, i: number): void {
    const q = this.q;
    const perStage = q.stages.map((s) => this.keysOf(s, ev));
    const until = q.until ? this.keysOf(q.until, ev) : undefined;
    if (!until && perStage.every((k) => k === undefined)) return;
    // A matching record's text is checked for what Elasticsearch would refuse to index (only matching ones: the
    // others cannot change the result), and kept as its `_source`.
    const source = b.reject ? ownCopy(b.lines[i]) : undefined;
    const problem = source === undefined ? undefined : recordTextProblem(source);
    if (problem) {
      b.reject!(i, problem);
      return;
    }
    const hit = this.hitOf(ev, index, b.lineNumbers[i], b.ordinals ? b.ordinals[i] : b.firstOrdinal + i, source);
    if (hit === undefined) {
      b.reject!(i, this.badTimestamp(ev));
      return;
    }
    perStage.forEach((k, s) => {
      if (k) this.stats.stageMatches[s]++;
    });
    if (until) this.stats.untilMatches++;
    if (this.samples) {
      this.samples.add(hit, perStage);
      return;
    }
    if (q.kind === 'sequence' && hit.ts === undefined) {
      this.stats.noTimestamp++;
      return;
    }
    this.push({ hit, matches: { stages: this.expanded.map((i) => perStage[i]), until } });
  }

  /** The hit for a matching event; undefined when it has a timestamp that cannot be parsed (and `source` is known). */
  private hitOf(ev: Event, index: string, line: number, ordinal: number, source: string | undefined): Hit | undefined {
    const tsPlan = this.q.timestamp;
    const raw = tsPlan.accessor.values(ev)[0];
    const ts = raw === undefined ? undefined : parseTimestamp(raw, tsPlan.dateFormat);
    if (ts === undefined && raw !== undefined && source !== undefined) return undefined;
    let tiebreaker: string | number | undefined;
    const tb = this.q.tiebreaker;
    if (tb) {
      const v = tb.accessor.values(ev)[0];
      const kind = v === undefined ? undefined : valueKind(tb, v);
      const c = kind === undefined ? undefined : toComparable(v, kind === 'boolean' ? 'keyword' : kind, tb.dateFormat);
      tiebreaker = typeof c === 'number' || typeof c === 'string' ? c : undefined;
    }
    const id = typeof ev['_id'] === 'string' || typeof ev['_id'] === 'number' ? String(ev['_id']) : String(line);
    return source === undefined ? { event: ev, index, id, line, ordinal, ts, tiebreaker } : { event: ev, index, id, line, ordinal, ts, tiebreaker, source };
  }

  private badTimestamp(ev: Event): RecordProblem {
    const tsPlan = this.q.timestamp;
    let shown = JSON.stringify(tsPlan.accessor.values(ev)[0]) ?? '';
    if (shown.length > 60) shown = shown.slice(0, 59) + '…';
    const format = tsPlan.dateFormat === undefined ? '' : ` in the format ${tsPlan.dateFormat}`;
    return { kind: 'bad-timestamp', message: `the timestamp field ${tsPlan.name} holds ${shown}, which is not a date${format} (Elasticsearch refuses such a document)` };
  }

  private push(c: Candidate): void {
    const inOrder = !this.last || compareHits(this.last, c.hit) <= 0;
    if (this.streaming) {
      if (!inOrder) {
        throw new EvalInputError(
          `the input is not sorted by timestamp: the event at ${c.hit.index}:${c.hit.line} comes before one already processed; rerun with --sort to sort the matching events in memory`,
        );
      }
      this.last = c.hit;
      this.consume(c);
      return;
    }
    if (!inOrder) this.stats.sorted = false;
    if (inOrder) this.last = c.hit;
    this.buffer.push(c);
    const hard = this.opts.hardLimit ?? 5_000_000;
    if (this.opts.sortInMemory) {
      if (this.buffer.length > hard) throw this.tooMany();
      return;
    }
    if (this.buffer.length <= (this.opts.bufferLimit ?? 50_000)) return;
    if (!this.stats.sorted) {
      throw new EvalInputError(
        `the input is not sorted by timestamp and has more matching events than are sorted automatically; rerun with --sort to sort them in memory (up to ${hard}), or sort the input first`,
      );
    }
    // Sorted so far and large: stream from now on.
    this.streaming = true;
    this.stats.streamed = true;
    for (const b of this.buffer) this.consume(b);
    this.buffer.length = 0;
  }

  private tooMany(): EvalInputError {
    return new EvalInputError(
      `too many matching events to sort in memory (over ${this.opts.hardLimit ?? 5_000_000}) and the input is not sorted by timestamp; sort the input first, or narrow the query`,
    );
  }

  private consume(c: Candidate): void {
    if (this.sequences) this.sequences.feed(c.hit, c.matches);
    else if (this.sink) {
      if (this.remaining > 0) {
        this.remaining--;
        this.emitted++;
        this.sink(c.hit);
      }
    } else {
      this.events.add(c.hit);
      this.stats.peakResults = this.events.peak;
    }
  }

  finish(): QueryResult {
    if (!this.streaming) {
      if (!this.stats.sorted) this.buffer.sort((a, b) => compareHits(a.hit, b.hit));
      for (const c of this.buffer) this.consume(c);
      this.buffer.length = 0;
    }
    if (this.stats.noTimestamp) this.warn({ code: 'no-timestamp', message: `${this.stats.noTimestamp} matching events have no usable timestamp and were left out of the sequence` });
    const { size, resultPosition } = this.opts;
    const limit = <T>(items: T[], keepFirst = false): T[] => {
      if (size === undefined || items.length <= size) return items;
      return keepFirst || resultPosition === 'head' ? items.slice(0, size) : size === 0 ? [] : items.slice(-size);
    };
    if (this.samples) {
      const sequences = this.samples.finish().map((s) => ({ joinKeys: s.key.values.map((v) => reportKey(v, 'sample')), ...exactKeys(s.key), hits: s.hits }));
      return { kind: 'samples', sequences: limit(sequences, true) };
    }
    if (this.sequences) {
      let sequences: SequenceResult[] = this.sequences.finish().map((m) => ({ joinKeys: m.key.values.map((v) => reportKey(v, 'sequence')), ...exactKeys(m.key), hits: m.hits }));
      for (const p of this.q.pipes) if (p.name === 'head' || p.name === 'tail') sequences = sliceByPipe(sequences, p);
      return { kind: 'sequences', sequences: limit(sequences) };
    }
    if (this.sink) return { kind: 'events', hits: [], streamed: { count: this.emitted } };
    const out = applyEventPipes(this.events.items(), this.q.pipes, this.q.planner, this.q.conditions);
    if (out.kind === 'counts') return { kind: 'counts', rows: out.rows };
    return { kind: 'events', hits: limit(out.items) };
  }
}
