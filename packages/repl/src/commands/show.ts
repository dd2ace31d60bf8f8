/** `.show N`: one result of the last query in full, as JSON (a sequence or sample with all its events). */
import { esEvent, jsonTerminalSafe } from '@eqlkit/core';
import type { MetaCommand } from './types.js';

export const showCommand: MetaCommand = {
  name: 'show',
  args: 'N',
  summary: 'expand result N of the last query to its JSON',
  async run(args, ctx) {
    const last = ctx.session.last;
    if (!last) {
      ctx.out.error('no results yet: run a query first');
      return 'error';
    }
    const r = last.result;
    const items: unknown[] = r.kind === 'events' ? r.hits.map(esEvent) : r.kind === 'counts' ? [...r.rows] : r.sequences.map((s) => ({ join_keys: s.joinKeys, events: s.hits.map(esEvent) }));
    const n = Number(args.trim() || '1');
    if (!Number.isInteger(n) || n < 1 || n > items.length) {
      ctx.out.error(items.length ? `give a result number from 1 to ${items.length}` : 'the last query had no results');
      return 'error';
    }
    ctx.out.print(jsonTerminalSafe(JSON.stringify(items[n - 1], null, 2)));
    return 'ok';
  },
};
