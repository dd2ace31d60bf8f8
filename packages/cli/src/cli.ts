/**
 * The `eql` command line: finds the subcommand, parses its options from its record (unknown flags are usage
 * errors), and runs it. Exit status: 0 ok, 1 problems found in queries, 2 usage or input errors. Never prints a
 * stack trace: unexpected failures become one line on stderr.
 */
import { parseArgs } from 'node:util';
import { commands } from './commands/index.js';
import { UsageError, type CliIo, type Command } from './command.js';

const VERSION = '0.1.0';

export type { CliIo };

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'eql — run, check and format EQL (Elastic Event Query Language) queries and detection rules',
    '',
    'Usage: eql <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `eql <command> --help` for the options of a command.',
    '',
    'Exit status: 0 when all went well; 1 when a query has an error (or, for fmt --check, a file is not formatted);',
    '2 for a usage error or input that cannot be read (a missing file, a file that is not rules; for query, data',
    'files, and input it cannot evaluate as given). Bad event records are reported and skipped (still 0, unless',
    '--strict). Each command\'s --help has the details.',
  ].join('\n');
}

function commandHelp(cmd: Command): string {
  const opts = Object.entries(cmd.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    return [flag, o.description];
  });
  opts.push(['-h, --help', 'show this help']);
  const width = Math.max(...opts.map(([f]) => f.length));
  return [`Usage: eql ${cmd.name} ${cmd.usage}`, '', cmd.summary, '', 'Options:', ...opts.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`), ...(cmd.details ? ['', cmd.details] : [])].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write((topic ? commandHelp(topic) : helpText()) + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout.write(`eql ${VERSION}\n`);
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.stderr.write(`eql: unknown command \`${name}\` (commands: ${commands.map((c) => c.name).join(', ')}; see eql --help)\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandHelp(cmd) + '\n');
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: cmd.options, allowPositionals: true, strict: true });
  } catch (e) {
    io.stderr.write(`eql ${cmd.name}: ${describeArgError(e)} (see eql ${cmd.name} --help)\n`);
    return 2;
  }
  try {
    return await cmd.run({ positionals: parsed.positionals, values: parsed.values, io });
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`eql ${cmd.name}: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`eql ${cmd.name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

function describeArgError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const unknown = /Unknown option '([^']+)'/.exec(msg);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /Option '([^']+)' argument missing/.exec(msg);
  if (missing) return `option ${missing[1].split(',').pop()!.trim()} needs a value`;
  const dash = /Option '([^']+)' argument is ambiguous/.exec(msg);
  if (dash) {
    const opt = dash[1].split(',').pop()!.trim();
    return `option ${opt} needs a value; write a value that starts with '-' as ${opt}=-…`;
  }
  return msg.split('\n')[0].replace(/\. To specify a positional argument.*$/, '');
}
