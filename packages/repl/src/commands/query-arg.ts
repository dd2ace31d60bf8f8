/** The query a command works on: the text after it, or the last query run when none is given. */
import type { QuerySource } from '../session/session.js';
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
