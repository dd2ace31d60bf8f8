/** The query a command works on: the text after it, or the last query run when none is given. */
import type { QueryReport, QuerySource } from '../session/session.js';
import type { CommandContext } from './types.js';

export function queryArg(args: string, ctx: CommandContext, command: string): QuerySource | undefined {
  const text = args.trim();
  if (text) {
    const lead = args.length - args.replace(/^\s+/, '').length;
    return { text: args.slice(lead), label: ctx.where?.label ?? '<input>', line: ctx.where?.line ?? 1, column: (ctx.where?.column ?? 0) + lead };
  }
  const last = ctx.session.last?.source;
  if (last) return last;
  ctx.out.error(`usage: .${command} QUERY (or run a query first: .${command} alone works on the last one)`);
  return undefined;
}

/**
 * Runs the query a command works on; when it did not run to the end, its report (errors, cancellation) is shown and
 * the command's status returned instead.
 */
export async function runQueryArg(args: string, ctx: CommandContext, command: string): Promise<Extract<QueryReport, { kind: 'done' }> | 'ok' | 'error'> {
  const source = queryArg(args, ctx, command);
  if (!source) return 'error';
  const report = await ctx.session.run(source, ctx);
  if (report.kind === 'done') return report;
  ctx.out.report(report);
  return report.kind === 'cancelled' ? 'ok' : 'error';
}
