import type { Readable } from 'node:stream';
import type { RuleQuery, QueryFileKind } from '@eqlkit/core';
import { readQueryFiles } from '@eqlkit/core/io';
import { UsageError, type CliIo } from './command.js';

export interface LoadedQuery {
  readonly q: RuleQuery;
  /** The whole file's text (for locating positions in TOML files). */
  readonly fileText: string;
}

/** A file that could not be read (`unreadable-file`) or read as rules (`invalid-rule-file`), at a place when known. */
export interface FileFailure {
  readonly code: 'eql/unreadable-file' | 'eql/invalid-rule-file';
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

export interface LoadedQueries {
  readonly queries: LoadedQuery[];
  readonly skipped: number;
  /** Problems with files (already reported on stderr), for machine-readable reports. */
  readonly failures: FileFailure[];
  /** Files that could not be read or understood: `failures.length`. */
  readonly inputErrors: number;
  /** Distinct files among the failures. */
  readonly failedFiles: number;
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
  const failures: FileFailure[] = [];
  for (const p of result.unreadable) {
    io.stderr.write(`eql ${command}: ${p.file}: ${p.message}\n`);
    failures.push({ code: 'eql/unreadable-file', file: p.file, message: p.message });
  }
  const queries: LoadedQuery[] = [];
  let skipped = 0;
  for (const f of result.files) {
    for (const p of f.content.problems) {
      io.stderr.write(`${p.file}${p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : ''}: error: ${p.message}\n`);
      failures.push({ code: 'eql/invalid-rule-file', file: p.file, line: p.line, column: p.column, message: p.message });
    }
    skipped += f.content.skipped;
    for (const q of f.content.queries) queries.push({ q, fileText: f.text });
  }
  return { queries, skipped, failures, inputErrors: failures.length, failedFiles: new Set(failures.map((f) => f.file)).size, files: result.files.map((f) => ({ path: f.path, text: f.text, kind: f.kind })) };
}

/** A failed file as a JSON report object, shaped like a query's: `{source, ok: false, diagnostics: [...]}`. */
export function failureJson(f: FileFailure): Record<string, unknown> {
  const where = f.line !== undefined ? { line: f.line, column: f.column ?? 1 } : {};
  return { source: f.file, ok: false, diagnostics: [{ code: f.code, severity: 'error', message: f.message, ...where }] };
}
