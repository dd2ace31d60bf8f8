/** One complete input, typed or piped: a meta-command (`.name args`) or a query, run against the session. */
import { terminalSafe } from '@eqlkit/core';
import { COMMANDS, findCommand, parseCommandLine } from '../commands/registry.js';
import type { CommandContext, CommandStatus } from '../commands/types.js';

/** True when the input has nothing to run (blank, or only comments). */
export function isBlank(text: string): boolean {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').trim() === '';
}

/** Runs `text` (a query starting at `line` of `label`); the outcome is shown through `ctx.out`. */
export async function dispatch(text: string, ctx: CommandContext, where: { label: string; line: number }): Promise<CommandStatus> {
  const command = parseCommandLine(text);
  if (command) {
    const cmd = findCommand(command.name);
    if (!cmd) {
      ctx.out.error(`${where.label}:${where.line}: no command .${terminalSafe(command.name)} (commands: ${COMMANDS.map((c) => `.${c.name}`).join(' ')})`);
      return 'error';
    }
    try {
      return await cmd.run(command.args, { ...ctx, where: { ...where, column: text.length - command.args.length } });
    } catch (e) {
      ctx.out.error(`.${cmd.name}: internal error: ${terminalSafe(e instanceof Error ? e.message : String(e))}`);
      return 'error';
    }
  }
  const report = await ctx.session.run({ text, label: where.label, line: where.line }, ctx);
  ctx.out.report(report);
  return report.kind === 'done' || report.kind === 'cancelled' ? 'ok' : 'error';
}
