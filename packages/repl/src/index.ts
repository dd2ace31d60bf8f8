/**
 * `eql repl`: explore event files interactively (Ink), or, when standard input is not a terminal, run the queries
 * and meta-commands it holds (piped mode). Started by the CLI, which parses the options and loads schema files.
 */
import type { Readable, Writable } from 'node:stream';
import type { SchemaLayer } from '@eqlkit/core';
import { ReplSession, type FieldSettings } from './session/session.js';
import type { Settings } from './session/settings.js';
import { runPiped } from './piped.js';
import { measureInputs } from './session/inputs.js';
import { terminalSafe } from '@eqlkit/core';

export interface ReplOptions {
  readonly data: readonly string[];
  readonly layers: readonly SchemaLayer[];
  readonly indexes: readonly string[];
  readonly settings: Partial<Settings>;
  /** Field settings of the project configuration: below the flags, `.set` and a rule's own. */
  readonly fieldDefaults?: FieldSettings;
  readonly workerScript?: string | URL;
  readonly threads?: number;
  readonly cwd: string;
  readonly stdin: Readable & { isTTY?: boolean };
  readonly stdout: Writable & { isTTY?: boolean; columns?: number; rows?: number };
  readonly stderr: Writable & { isTTY?: boolean };
  /** The history file (default: `$XDG_STATE_HOME/eqlkit/repl_history`). */
  readonly historyFile?: string;
}

/** Runs the REPL to its end; resolves to the exit status. */
export async function startRepl(options: ReplOptions): Promise<number> {
  // Data named on the command line must exist: a typo there is a usage problem, not something to find later.
  const measured = await measureInputs(options.data, options.cwd);
  if (measured.problems.length) {
    for (const p of measured.problems) options.stderr.write(`eql repl: ${terminalSafe(`${p.file}: ${p.message}`)}\n`);
    return 2;
  }
  const session = new ReplSession({ ...options, data: options.data });
  if (!options.stdin.isTTY) {
    await session.learnData();
    return runPiped(session, options, options.cwd);
  }
  const { runInteractive } = await import('./ui/interactive.js');
  return runInteractive(session, options);
}

export { ReplSession } from './session/session.js';
