/**
 * Every meta-command, in the order `.help` lists them. Help and completion of command names are generated from this
 * list; each command's own `complete` completes its arguments.
 */
import { terminalSafe } from '@eqlkit/core';
import { checkCommand } from './check.js';
import { exitCommand } from './exit.js';
import { explainCommand } from './explain.js';
import { exportCommand } from './export.js';
import { fieldsCommand } from './fields.js';
import { filesCommand } from './files.js';
import { fmtCommand } from './fmt.js';
import { formatCommand } from './format.js';
import { indexesCommand } from './indexes.js';
import { loadCommand } from './load.js';
import { setCommand } from './set.js';
import { showCommand } from './show.js';
import { stagesCommand } from './stages.js';
import { statsCommand } from './stats.js';
import { timelineCommand } from './timeline.js';
import type { CommandContext, MetaCommand } from './types.js';

const helpCommand: MetaCommand = {
  name: 'help',
  args: '[COMMAND]',
  summary: 'list the commands, or explain one',
  complete: (arg) => COMMANDS.map((c) => c.name).filter((n) => n.startsWith(arg.trim().replace(/^\./, ''))),
  async run(args, ctx) {
    const name = args.trim().replace(/^\./, '');
    if (name) {
      const cmd = findCommand(name);
      if (!cmd) {
        ctx.out.error(`no command .${terminalSafe(name)} (see .help)`);
        return 'error';
      }
      ctx.out.print(`${ctx.style.bold(`.${cmd.name}${cmd.args ? ` ${cmd.args}` : ''}`)}  ${cmd.summary}`);
      for (const line of cmd.details ?? []) ctx.out.print(`  ${line}`);
      return 'ok';
    }
    printOverview(ctx);
    return 'ok';
  },
};

function printOverview(ctx: CommandContext): void {
  const usage = (c: MetaCommand) => `.${c.name}${c.args ? ` ${c.args}` : ''}`;
  const width = Math.min(28, Math.max(...COMMANDS.map((c) => usage(c).length)));
  ctx.out.print('Type an EQL query and press Enter to run it over the loaded events; a query with an open bracket or');
  ctx.out.print('string continues on the next line. Tab completes; Up/Down and Ctrl-R search the history; Ctrl-C cancels.');
  ctx.out.print('');
  for (const c of COMMANDS) {
    const u = usage(c);
    ctx.out.print(u.length > width ? `  ${ctx.style.cyan(u)}\n  ${' '.repeat(width)}  ${c.summary}` : `  ${ctx.style.cyan(u.padEnd(width))}  ${c.summary}`);
  }
  ctx.out.print('');
  ctx.out.print('Example: process where process.name : "msiexec.exe"     then .stages to see per-stage counts');
}

export const COMMANDS: readonly MetaCommand[] = [
  helpCommand,
  loadCommand,
  filesCommand,
  fieldsCommand,
  indexesCommand,
  setCommand,
  formatCommand,
  explainCommand,
  fmtCommand,
  checkCommand,
  stagesCommand,
  timelineCommand,
  showCommand,
  exportCommand,
  statsCommand,
  exitCommand,
];

/** The command called `name` (without the dot; `quit` is `exit`). */
export function findCommand(name: string): MetaCommand | undefined {
  const n = name === 'quit' ? 'exit' : name;
  return COMMANDS.find((c) => c.name === n);
}

/** Splits `.name args` into the command name and the rest. */
export function parseCommandLine(line: string): { name: string; args: string } | undefined {
  const m = /^\s*\.([A-Za-z-]*)(?:\s+|$)([\s\S]*)$/.exec(line);
  return m ? { name: m[1], args: m[2] } : undefined;
}

/**
 * Completion of a meta-command line at its end: command names after `.`, then the command's own argument
 * completion. `replaceFrom` is where the candidates replace the typed text.
 */
export function completeCommandLine(line: string, ctx: { session: CommandContext['session']; cwd: string }): { replaceFrom: number; items: string[] } {
  const m = /^(\s*\.)(\S*)$/.exec(line);
  if (m) return { replaceFrom: m[1].length, items: COMMANDS.map((c) => c.name).filter((n) => n.startsWith(m[2])) };
  const parsed = parseCommandLine(line);
  const cmd = parsed && findCommand(parsed.name);
  if (!parsed || !cmd?.complete) return { replaceFrom: line.length, items: [] };
  const argStart = line.length - parsed.args.length;
  const items = [...cmd.complete(parsed.args, ctx)];
  // Candidates complete the last word of the arguments.
  const lastWord = /(\S*)$/.exec(parsed.args)![1];
  const word = cmd.name === 'fields' ? parsed.args.trim() : lastWord;
  return { replaceFrom: argStart + parsed.args.length - word.length, items };
}
