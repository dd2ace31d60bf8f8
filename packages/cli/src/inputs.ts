import type { Readable } from 'node:stream';
import type { RuleQuery, QueryFileKind } from '@eqlkit/core';
import { readQueryFiles } from '@eqlkit/core/io';
import { UsageError, type CliIo } from './command.js';

export interface LoadedQuery {
  readonly q: RuleQuery;
  /** The whole file's text (for locating positions in TOML files). */
  readonly fileText: string;
}

export interface LoadedQueries {
  readonly queries: LoadedQuery[];
  readonly skipped: number;
  /** Files that could not be read or understood; already reported on stderr. */
  readonly inputErrors: number;
  readonly files: { path: string; text: string; kind: QueryFileKind }[];
}

export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Loads the queries named on the command line, reporting unreadable or malformed files on stderr. */
export async function loadQueries(paths: string[], io: CliIo, command: string, options: { stdinKind?: QueryFileKind } = {}): Promise<LoadedQueries> {
  if (!paths.length) throw new UsageError('no input: give one or more files, globs, or - for standard input');
  const stdin = paths.includes('-') ? await readAll(io.stdin) : '';
  const result = await readQueryFiles(paths, { stdinKind: options.stdinKind, stdinText: () => stdin });
  let inputErrors = 0;
  for (const p of result.unreadable) {
    io.stderr.write(`eql ${command}: ${p.file}: ${p.message}\n`);
    inputErrors++;
  }
  const queries: LoadedQuery[] = [];
  let skipped = 0;
  for (const f of result.files) {
    for (const p of f.content.problems) {
      io.stderr.write(`${p.file}${p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : ''}: error: ${p.message}\n`);
      inputErrors++;
    }
    skipped += f.content.skipped;
    for (const q of f.content.queries) queries.push({ q, fileText: f.text });
  }
  return { queries, skipped, inputErrors, files: result.files.map((f) => ({ path: f.path, text: f.text, kind: f.kind })) };
}
