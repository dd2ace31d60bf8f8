/**
 * The results an event query must keep while matches stream in. `| tail N` and `--size N` (tail is Elasticsearch's
 * default position) need only the last N: a ring buffer keeps them, so memory stays bounded whatever the number of
 * matches. `| head N` (or `--size N` with `head`) needs only the first N. Other pipes (`filter`, `unique`, `sort`,
 * `count`) need every match, unless a `head`/`tail` comes before them.
 */
import type { Pipe } from '../ast/nodes.js';
import { pipeLimit } from '../ast/pipe-limit.js';

export type WindowPlan = { readonly keep: 'first' | 'last'; readonly count: number } | undefined;

const countOf = (p: Pipe): number => pipeLimit(p) ?? 0;

/** What to keep, from the pipes as written (the first one decides) or, without pipes, from `size` and its position. */
export function resultWindow(pipes: readonly Pipe[], size: number | undefined, position: 'head' | 'tail' | undefined): WindowPlan {
  const first = pipes[0];
  if (first) return first.name === 'head' ? { keep: 'first', count: countOf(first) } : first.name === 'tail' ? { keep: 'last', count: countOf(first) } : undefined;
  if (size === undefined) return undefined;
  return { keep: position === 'head' ? 'first' : 'last', count: size };
}

/** Results in arrival order, keeping only what the plan needs; `items()` gives them back in order. */
export class ResultWindow<T> {
  private readonly held: T[] = [];
  /** For `last`: where the oldest item sits once the ring is full. */
  private start = 0;
  /** The most items held at once (for tests and stats: proof that memory stays bounded). */
  peak = 0;

  constructor(private readonly plan: WindowPlan) {}

  add(item: T): void {
    const plan = this.plan;
    if (!plan) this.held.push(item);
    else if (plan.keep === 'first') {
      if (this.held.length < plan.count) this.held.push(item);
    } else if (plan.count > 0) {
      if (this.held.length < plan.count) this.held.push(item);
      else {
        this.held[this.start] = item;
        this.start = (this.start + 1) % plan.count;
      }
    }
    if (this.held.length > this.peak) this.peak = this.held.length;
  }

  items(): T[] {
    return this.start === 0 ? this.held : [...this.held.slice(this.start), ...this.held.slice(0, this.start)];
  }
}
