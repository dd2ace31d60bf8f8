/**
 * How many events each part of a query matched: the one filter of an event query, each sequence stage or sample
 * filter, and the `until` stage. An author reads these to see which stage stops a rule from firing.
 */
import type { Span, Statement } from '../ast/nodes.js';
import type { RunStats } from '../eval/run.js';

export interface StageCount {
  /** `filter`: the event query itself; `stage`: a sequence stage or sample filter; `until`: the until stage. */
  readonly role: 'filter' | 'stage' | 'until';
  /** The stage's position as written (0 for an event query; the until stage comes after the last stage). */
  readonly index: number;
  /** Where the stage is in the query text. */
  readonly span: Span;
  /** Events that matched its filter (with its join keys present). */
  readonly matched: number;
  /** A missing-event stage (`![…]`): matching it breaks a sequence. */
  readonly missing?: boolean;
}

/** The per-stage match counts of a run of `ast`. */
export function stageCounts(ast: Statement, stats: Pick<RunStats, 'stageMatches' | 'untilMatches'>): StageCount[] {
  const q = ast.query;
  if (q.kind === 'event') return [{ role: 'filter', index: 0, span: q.span, matched: stats.stageMatches[0] ?? 0 }];
  const counts: StageCount[] = q.stages.map((s, index) => ({
    role: 'stage',
    index,
    span: s.span,
    matched: stats.stageMatches[index] ?? 0,
    ...(s.missing ? { missing: true } : {}),
  }));
  if (q.kind === 'sequence' && q.until) counts.push({ role: 'until', index: q.stages.length, span: q.until.span, matched: stats.untilMatches });
  return counts;
}
