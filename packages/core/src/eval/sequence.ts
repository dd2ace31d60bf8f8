/**
 * The sequence state machine, fed events in order (timestamp, tiebreaker, input order). It reproduces
 * Elasticsearch's matching rather than finding every possible match:
 *
 * - per join key and stage there is one pending partial sequence, and the newest wins (a later match of stage
 *   s replaces the older partial; when stage s+1 takes a partial, older ones are gone);
 * - an event is tried against the stages from last to first, so it can advance other partials and start a new
 *   one, but never fill two stages of the same sequence;
 * - `with maxspan` is inclusive and measured from the first event; `until` cancels a partial when an until event
 *   with the same key lies between the partial's last event and the candidate (inclusive);
 * - missing-event stages `![…]` are checked when a candidate completes (see missing.ts).
 *
 * Example: `[A] [B] [C]` over A1 A2 B C gives only [A2, B, C].
 */
import type { Hit } from './hit.js';
import type { RunWarning } from './run.js';
import { compareKeyTuples, type KeyTuple } from './keys.js';
import { MissingEvents, type MissingStageInfo } from './missing.js';

export interface SequenceMatch {
  /** The events in stage order; null where a missing-event stage stands. */
  readonly hits: readonly (Hit | null)[];
  readonly key: KeyTuple;
  /** Completion order: the position of the last event, then the key. */
  readonly rank: number;
}

interface Partial {
  readonly hits: Hit[];
  readonly ranks: number[];
  readonly firstTs: number;
}

interface KeyState {
  /** One slot per positive stage: the newest partial whose last matched stage is that one. */
  slots: (Partial | undefined)[];
  /** Rank of the latest `until` event for this key. */
  untilRank: number;
}

export interface SequenceEngineOptions {
  /** Per expanded stage: true for a missing-event stage. */
  readonly missing: readonly boolean[];
  readonly hasUntil: boolean;
  readonly maxspan: number | undefined;
  /** Without maxspan, at most this many partial sequences are kept (oldest dropped, with a warning). */
  readonly maxPartials: number;
  readonly onWarning: (warning: RunWarning) => void;
}

/** Per event: for each expanded stage, the keys under which it matches (undefined: no match). */
export interface StageMatches {
  readonly stages: readonly (readonly KeyTuple[] | undefined)[];
  readonly until: readonly KeyTuple[] | undefined;
}

export class SequenceEngine {
  private readonly positives: number[];
  private readonly state = new Map<string, KeyState>();
  private readonly completed: { match: SequenceMatch; order: number }[] = [];
  private readonly missingEvents: MissingEvents | undefined;
  private partials = 0;
  private rank = 0;
  private lastSweepTs = -Infinity;
  private warnedCap = false;

  constructor(private readonly opts: SequenceEngineOptions) {
    this.positives = opts.missing.flatMap((m, i) => (m ? [] : [i]));
    const infos: MissingStageInfo[] = opts.missing.flatMap((m, i) => (m ? [{ stage: i, prevPositive: this.prevPositive(i), nextPositive: this.nextPositive(i) }] : []));
    this.missingEvents = infos.length ? new MissingEvents(infos, this.positives, opts.maxspan ?? Infinity) : undefined;
  }

  private prevPositive(i: number): number | undefined {
    for (let j = i - 1; j >= 0; j--) if (!this.opts.missing[j]) return j;
    return undefined;
  }
  private nextPositive(i: number): number | undefined {
    for (let j = i + 1; j < this.opts.missing.length; j++) if (!this.opts.missing[j]) return j;
    return undefined;
  }

  /** Feeds the next event (in order). Events without a timestamp must not be fed. */
  feed(hit: Hit, matches: StageMatches): void {
    const rank = this.rank++;
    const ts = hit.ts!;
    this.maybeSweep(ts);
    this.missingEvents?.advance(ts, (match, order) => this.completed.push({ match, order }));
    // Later stages first, so an event never fills two stages of one sequence.
    for (let p = this.positives.length - 1; p >= 0; p--) {
      const keys = matches.stages[this.positives[p]];
      if (!keys) continue;
      for (const key of keys) this.advance(p, key, hit, rank);
    }
    if (this.missingEvents) {
      matches.stages.forEach((keys, stage) => {
        if (keys && this.opts.missing[stage]) for (const key of keys) this.missingEvents!.record(stage, key, ts);
      });
    }
    if (matches.until) for (const key of matches.until) this.keyState(key).untilRank = rank;
  }

  private keyState(key: KeyTuple): KeyState {
    let s = this.state.get(key.id);
    if (!s) {
      s = { slots: new Array(this.positives.length).fill(undefined), untilRank: -1 };
      this.state.set(key.id, s);
    } else if (this.opts.maxspan === undefined) {
      // Keep the map in least-recently-used order for the memory cap.
      this.state.delete(key.id);
      this.state.set(key.id, s);
    }
    return s;
  }

  private advance(p: number, key: KeyTuple, hit: Hit, rank: number): void {
    const s = this.keyState(key);
    let next: Partial;
    if (p === 0) {
      next = { hits: [hit], ranks: [rank], firstTs: hit.ts! };
    } else {
      const prev = s.slots[p - 1];
      if (!prev) return;
      s.slots[p - 1] = undefined;
      this.partials--;
      if (this.opts.maxspan !== undefined && hit.ts! - prev.firstTs > this.opts.maxspan) return;
      if (this.opts.hasUntil && s.untilRank >= prev.ranks[prev.ranks.length - 1]) return;
      next = { hits: [...prev.hits, hit], ranks: [...prev.ranks, rank], firstTs: prev.firstTs };
    }
    if (p === this.positives.length - 1) {
      this.complete(next, key, rank);
      return;
    }
    if (!s.slots[p]) this.partials++;
    s.slots[p] = next;
    if (this.opts.maxspan === undefined && this.partials > this.opts.maxPartials) this.evictOldest();
  }

  private complete(partial: Partial, key: KeyTuple, rank: number): void {
    if (this.missingEvents) {
      this.missingEvents.candidate(partial.hits, key, rank, (match, order) => this.completed.push({ match, order }));
      return;
    }
    this.completed.push({ match: { hits: partial.hits, key, rank }, order: this.completed.length });
  }

  /** Drops partials that can no longer complete within maxspan. */
  private maybeSweep(ts: number): void {
    const span = this.opts.maxspan;
    if (span === undefined || ts - this.lastSweepTs < span) return;
    this.lastSweepTs = ts;
    for (const [id, s] of this.state) {
      let live = false;
      s.slots.forEach((partial, i) => {
        if (!partial) return;
        if (ts - partial.firstTs > span) {
          s.slots[i] = undefined;
          this.partials--;
        } else live = true;
      });
      if (!live && !this.missingEvents) this.state.delete(id);
    }
  }

  private evictOldest(): void {
    if (!this.warnedCap) {
      this.warnedCap = true;
      this.opts.onWarning({
        code: 'partials-dropped',
        message: `the sequence has no maxspan and more than ${this.opts.maxPartials} partial sequences are pending: the oldest are dropped, so some matches may be missing (add \`with maxspan=…\` to bound the search)`,
      });
    }
    for (const [id, s] of this.state) {
      for (let i = 0; i < s.slots.length && this.partials > this.opts.maxPartials * 0.9; i++) {
        if (s.slots[i]) {
          s.slots[i] = undefined;
          this.partials--;
        }
      }
      if (s.slots.every((x) => !x)) this.state.delete(id);
      if (this.partials <= this.opts.maxPartials * 0.9) break;
    }
  }

  /** Finishes the input: pending missing-event checks are decided, and the matches come in completion order. */
  finish(): SequenceMatch[] {
    this.missingEvents?.flush((match, order) => this.completed.push({ match, order }));
    return this.completed.sort((a, b) => a.match.rank - b.match.rank || compareKeyTuples(a.match.key, b.match.key) || a.order - b.order).map((c) => c.match);
  }

  /** Live partial sequences (for --stats). */
  get pending(): number {
    return this.partials;
  }
}
