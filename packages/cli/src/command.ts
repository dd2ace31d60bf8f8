import type { Writable, Readable } from 'node:stream';

/** The streams a command talks to (real ones in the binary, fakes in tests). */
export interface CliIo {
  readonly stdout: Writable & { isTTY?: boolean; columns?: number };
  readonly stderr: Writable;
  readonly stdin: Readable;
}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** The value's placeholder in help (`N`, `FILE`). */
  readonly value?: string;
  readonly description: string;
}

export interface CommandContext {
  readonly positionals: string[];
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly io: CliIo;
}

/** One `eql` subcommand: help and argument parsing are generated from this record. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** The usage line after `eql <name> `. */
  readonly usage: string;
  /** Longer help text printed after the options. */
  readonly details?: string;
  readonly options: Record<string, OptionSpec>;
  run(ctx: CommandContext): Promise<number>;
}

/** A usage error: printed as one line, exit status 2. */
export class UsageError extends Error {}
