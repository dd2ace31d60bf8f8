/** `.timeline QUERY`: a histogram of the matches over time (a sequence or sample counts at its first event). */
import { formatIsoMillis, type QueryResult } from '@eqlkit/core';
import { plural, resultCount } from '../render/report.js';
import { runQueryArg } from './query-arg.js';
import type { MetaCommand } from './types.js';

const STEPS = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 7 * 86400, 30 * 86400, 365 * 86400].map((s) => s * 1000);

/** Times of the results (ms), in result order. */
export function resultTimes(result: QueryResult): number[] {
  if (result.kind === 'events') return result.hits.flatMap((h) => (h.ts === undefined ? [] : [h.ts]));
  if (result.kind === 'counts') return [];
  return result.sequences.flatMap((s) => {
    const first = s.hits.find((h) => h && h.ts !== undefined);
    return first?.ts === undefined ? [] : [first.ts];
  });
}

/** A bucket width (ms) from a fixed ladder, so that `span` fits in at most `rows` buckets. */
export function bucketWidth(span: number, rows: number): number {
  return STEPS.find((s) => span / s < rows) ?? STEPS[STEPS.length - 1];
}

const human = (ms: number) => (ms >= 86400_000 ? `${ms / 86400_000}d` : ms >= 3600_000 ? `${ms / 3600_000}h` : ms >= 60_000 ? `${ms / 60_000}m` : `${ms / 1000}s`);

export const timelineCommand: MetaCommand = {
  name: 'timeline',
  args: '[QUERY]',
  summary: 'a histogram of the matches over time, drawn in the terminal (the last query when none is given)',
  async run(args, ctx) {
    const report = await runQueryArg(args, ctx, 'timeline');
    if (typeof report === 'string') return report;
    const times = resultTimes(report.result);
    if (times.length === 0) {
      ctx.out.print(`${resultCount(report.result)} with a timestamp: nothing to draw`);
      return 'ok';
    }
    // A loop, not Math.min(...times): spreading hundreds of thousands of matches overflows the stack.
    let min = Infinity;
    let max = -Infinity;
    for (const t of times) {
      if (t < min) min = t;
      if (t > max) max = t;
    }
    const width = bucketWidth(max - min + 1, 24);
    const start = Math.floor(min / width) * width;
    const buckets = new Array<number>(Math.floor((max - start) / width) + 1).fill(0);
    for (const t of times) buckets[Math.floor((t - start) / width)]++;
    const peak = Math.max(...buckets);
    const label = (i: number) => formatIsoMillis(start + i * width).replace(/\.000Z$/, 'Z');
    const countWidth = String(peak).length;
    const barRoom = Math.max(10, ctx.width - label(0).length - countWidth - 4);
    buckets.forEach((n, i) => {
      const bar = n === 0 ? '' : '█'.repeat(Math.max(1, Math.round((n / peak) * barRoom)));
      ctx.out.print(`${ctx.style.dim(label(i))}  ${String(n).padStart(countWidth)} ${ctx.style.cyan(bar)}`);
    });
    ctx.out.print(ctx.style.dim(`${times.length === 1 ? '1 match' : `${times.length} matches`} by ${human(width)}, ${label(0)} to ${formatIsoMillis(max)}`));
    return 'ok';
  },
};
