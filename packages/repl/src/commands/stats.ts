/** `.stats`: what the last query read, skipped and matched, how long it took, and the memory in use. */
import { plural, resultCount, seconds } from '../render/report.js';
import type { MetaCommand } from './types.js';

export const statsCommand: MetaCommand = {
  name: 'stats',
  args: '',
  summary: 'statistics of the last query: events read and skipped, matches per stage, time, events/s, memory',
  async run(_args, ctx) {
    const last = ctx.session.last;
    const mem = process.memoryUsage();
    const peak = process.resourceUsage().maxRSS / 1024;
    if (!last) ctx.out.print('no query has run yet');
    else {
      const s = last.stats;
      const rate = last.tookMs > 0 ? Math.round(s.records / (last.tookMs / 1000)) : s.records;
      const rows: [string, string][] = [
        ['results', resultCount(last.result)],
        ['events read', s.records.toLocaleString('en-US')],
        ['skipped unparsed', `${s.prefiltered.toLocaleString('en-US')} (cannot match, by the pre-filter)`],
        ['parsed', s.parsed.toLocaleString('en-US')],
        ['matches per stage', s.stageMatches.map((n) => n.toLocaleString('en-US')).join(', ')],
        ['bad input', plural(last.inputErrorCount, 'problem')],
        ['threads', last.workers ? `${last.workers} workers` : 'one'],
        ['time', `${seconds(last.tookMs)} (${rate.toLocaleString('en-US')} events/s)`],
      ];
      for (const [k, v] of rows) ctx.out.print(`${k.padEnd(18)} ${v}`);
    }
    ctx.out.print(`${'memory (RSS)'.padEnd(18)} ${(mem.rss / (1 << 20)).toFixed(0)} MiB now, ${peak.toFixed(0)} MiB at most`);
    ctx.out.print(`${'loaded'.padEnd(18)} ${plural(ctx.session.data.length, 'input')}`);
    return 'ok';
  },
};
