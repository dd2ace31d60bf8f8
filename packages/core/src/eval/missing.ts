/**
 * Missing-event stages `![…]` of a sequence, decided the way Elasticsearch does when a candidate's positive
 * stages have all matched. For each missing stage it looks for an event of that stage with the same join key:
 *
 * - a middle stage rejects the candidate if such an event lies strictly between the neighbouring positive events;
 * - leading stages find the latest such event strictly before the first positive event, trailing stages the
 *   earliest one strictly after the last positive event;
 * - the candidate is kept when there is a window of length `maxspan` holding all positive events and none of
 *   those missing events (comparisons on timestamps only, strict on the range ends, inclusive on maxspan).
 *
 * Trailing stages need the future: such candidates wait until the input has passed first event + maxspan.
 */
import type { Hit } from './hit.js';
import type { KeyTuple } from './keys.js';
import type { SequenceMatch } from './sequence.js';

export interface MissingStageInfo {
  readonly stage: number;
  readonly prevPositive: number | undefined;
  readonly nextPositive: number | undefined;
}

interface Pending {
  readonly positives: readonly Hit[];
  readonly key: KeyTuple;
  readonly rank: number;
  readonly order: number;
  readonly lastLeading: number | undefined;
  readonly deadline: number;
}

type Emit = (match: SequenceMatch, order: number) => void;

export class MissingEvents {
  /** Per missing stage, per key id: timestamps of the stage's events, ascending. */
  private readonly seen = new Map<number, Map<string, number[]>>();
  private readonly pending: Pending[] = [];
  private readonly leading: MissingStageInfo[];
  private readonly trailing: MissingStageInfo[];
  private readonly middle: MissingStageInfo[];
  private orders = 0;

  constructor(
    private readonly infos: readonly MissingStageInfo[],
    private readonly positives: readonly number[],
    private readonly maxspan: number,
  ) {
    this.leading = infos.filter((i) => i.prevPositive === undefined);
    this.trailing = infos.filter((i) => i.nextPositive === undefined);
    this.middle = infos.filter((i) => i.prevPositive !== undefined && i.nextPositive !== undefined);
    for (const i of infos) this.seen.set(i.stage, new Map());
  }

  /** Records an event of missing stage `stage` (events come in timestamp order). */
  record(stage: number, key: KeyTuple, ts: number): void {
    const byKey = this.seen.get(stage)!;
    let list = byKey.get(key.id);
    if (!list) byKey.set(key.id, (list = []));
    // Older events can no longer matter to a candidate: they are beyond maxspan from anything still pending.
    const horizon = ts - 2 * this.maxspan;
    let drop = 0;
    while (drop < list.length && list[drop] < horizon) drop++;
    if (drop) list.splice(0, drop);
    list.push(ts);
  }

  private times(stage: number, key: KeyTuple): number[] {
    return this.seen.get(stage)?.get(key.id) ?? [];
  }

  /** A candidate whose positive stages all matched: decide now, or wait for the trailing window. */
  candidate(positives: readonly Hit[], key: KeyTuple, rank: number, emit: Emit): void {
    const tsOf = (stage: number) => positives[this.positives.indexOf(stage)].ts!;
    for (const m of this.middle) {
      const from = tsOf(m.prevPositive!);
      const to = tsOf(m.nextPositive!);
      if (this.times(m.stage, key).some((t) => t > from && t < to)) return;
    }
    const first = positives[0].ts!;
    let lastLeading: number | undefined;
    for (const m of this.leading) {
      for (const t of this.times(m.stage, key)) if (t < first && (lastLeading === undefined || t > lastLeading)) lastLeading = t;
    }
    const p: Pending = { positives, key, rank, order: this.orders++, lastLeading, deadline: first + this.maxspan };
    if (this.trailing.length) this.pending.push(p);
    else if (this.accept(p, undefined)) emit(this.match(p), p.order);
  }

  /** Decides waiting candidates whose trailing window the input has passed. */
  advance(ts: number, emit: Emit): void {
    while (this.pending.length && this.pending[0].deadline < ts) this.decide(this.pending.shift()!, emit);
  }

  flush(emit: Emit): void {
    while (this.pending.length) this.decide(this.pending.shift()!, emit);
  }

  private decide(p: Pending, emit: Emit): void {
    const last = p.positives[p.positives.length - 1].ts!;
    let firstTrailing: number | undefined;
    for (const m of this.trailing) {
      for (const t of this.times(m.stage, p.key)) {
        if (t > last) {
          if (firstTrailing === undefined || t < firstTrailing) firstTrailing = t;
          break;
        }
      }
    }
    if (this.accept(p, firstTrailing)) emit(this.match(p), p.order);
  }

  private accept(p: Pending, firstTrailing: number | undefined): boolean {
    const { lastLeading } = p;
    const firstPositive = p.positives[0].ts!;
    const lastPositive = p.positives[p.positives.length - 1].ts!;
    const hasLeading = this.leading.length > 0;
    const hasTrailing = this.trailing.length > 0;
    if (lastLeading === undefined && firstTrailing === undefined) return true;
    if (hasLeading && lastLeading === undefined) return true;
    if (hasTrailing && firstTrailing === undefined) return true;
    if (hasLeading && hasTrailing) return firstTrailing! - lastLeading! > this.maxspan;
    if (hasLeading) return lastPositive - lastLeading! > this.maxspan;
    return firstTrailing! - firstPositive > this.maxspan;
  }

  private match(p: Pending): SequenceMatch {
    const hits: (Hit | null)[] = [];
    let next = 0;
    const total = this.positives.length + this.infos.length;
    for (let stage = 0; stage < total; stage++) hits.push(this.positives.includes(stage) ? p.positives[next++] : null);
    return { hits, key: p.key, rank: p.rank };
  }
}
