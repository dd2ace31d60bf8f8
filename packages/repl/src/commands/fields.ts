import { terminalSafe } from '@eqlkit/core';
import { formatInputError } from '@eqlkit/core/io';
import { plural } from '../render/report.js';
import type { MetaCommand } from './types.js';

export const fieldsCommand: MetaCommand = {
  name: 'fields',
  args: '[PREFIX]',
  summary: 'the fields of the loaded data, with their types and how many events have them',
  details: ['Types are those Elasticsearch\'s dynamic mapping would give (strings: keyword, or date when they look like one).', 'Reads all loaded data once (cancel with Ctrl-C); later calls are instant.'],
  complete: (arg, { session }) => {
    const prefix = arg.trim();
    const seen = new Set<string>();
    for (const f of session.learnedFields() ?? []) {
      if (!f.startsWith(prefix)) continue;
      const dot = f.indexOf('.', prefix.length);
      seen.add(dot < 0 ? f : f.slice(0, dot + 1));
    }
    return [...seen].sort();
  },
  async run(args, ctx) {
    if (ctx.session.data.length === 0) {
      ctx.out.error('no event data loaded (use .load FILE|GLOB)');
      return 'error';
    }
    const prefix = args.trim();
    const problems: string[] = [];
    const inv = await ctx.session.fieldInventory({ signal: ctx.signal, onProgress: ctx.onProgress, onError: (e) => problems.push(formatInputError(e)) });
    if (!inv.complete) {
      ctx.out.error('cancelled');
      return 'ok';
    }
    const layer = (await ctx.session.learnData())?.schema;
    const rows = inv.fields.filter((f) => f.path.startsWith(prefix));
    if (rows.length === 0) {
      ctx.out.print(`no fields${prefix ? ` starting with ${terminalSafe(prefix)}` : ''} in ${plural(inv.events, 'event')}`);
      return 'ok';
    }
    const typeOf = (path: string, json: readonly string[]) => layer?.lookup(path)?.esType ?? json.join('|');
    const table = rows.map((f) => [terminalSafe(f.path), typeOf(f.path, f.types) + (f.types.includes('array') ? '[]' : ''), f.events.toLocaleString('en-US'), `${((100 * f.events) / Math.max(1, inv.events)).toFixed(1)}%`]);
    const w = [0, 1, 2].map((c) => Math.max(...table.map((r) => r[c].length), ['field', 'type', 'events'][c].length));
    ctx.out.print(ctx.style.bold(`${'field'.padEnd(w[0])}  ${'type'.padEnd(w[1])}  ${'events'.padStart(w[2])}`));
    for (const r of table) ctx.out.print(`${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padStart(w[2])}  ${ctx.style.dim(r[3])}`);
    ctx.out.print(ctx.style.dim(`${plural(rows.length, 'field')} in ${plural(inv.events, 'event')}`));
    for (const p of problems.slice(0, 5)) ctx.out.error(terminalSafe(p));
    return 'ok';
  },
};
