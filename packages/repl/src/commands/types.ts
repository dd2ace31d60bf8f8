/** The shape of a meta-command, and what it may use of the face that runs it. */
import type { QueryReport, QuerySource, ReplSession, RunControl } from '../session/session.js';
import type { Style } from '../render/style.js';

/** What a command writes: information to `print`, problems to `error`, query results to `report`. */
export interface CommandOutput {
  print(text: string): void;
  error(text: string): void;
  /** Shows a query's report the way the face shows typed queries (format, table paging, status line). */
  report(report: QueryReport): void;
}

export interface CommandContext extends RunControl {
  readonly session: ReplSession;
  readonly out: CommandOutput;
  readonly style: Style;
  /** Columns available for text. */
  readonly width: number;
  readonly cwd: string;
  /** Where the command's argument text starts in the input (for locating errors in a query given to it). */
  readonly where?: { readonly label: string; readonly line: number; readonly column: number };
  /** Ends the session after this command. */
  exit(): void;
}

/** `ok`, or `error` when the command failed (piped mode then exits 1). */
export type CommandStatus = 'ok' | 'error';

export interface MetaCommand {
  /** Without the dot. */
  readonly name: string;
  /** The arguments in help, e.g. `FILE|GLOB…`. */
  readonly args: string;
  readonly summary: string;
  /** More help lines for `.help NAME`. */
  readonly details?: readonly string[];
  /** Candidates for the argument being typed (`arg` is the text after the command up to the cursor). */
  complete?(arg: string, ctx: { session: ReplSession; cwd: string }): readonly string[];
  run(args: string, ctx: CommandContext): Promise<CommandStatus>;
}

/** Runs a query text given to a command (`.stages QUERY`): the report, shown by the caller as it likes. */
export type QueryRunner = (source: QuerySource, ctx: CommandContext) => Promise<QueryReport>;
