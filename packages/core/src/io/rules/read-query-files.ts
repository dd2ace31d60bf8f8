import { readFileSync, statSync } from 'node:fs';
import { expandGlob, looksLikeGlob } from '../glob.js';
import { readQueryFile, queryFileKind, type QueryFileKind } from '../../rules/read-query-file.js';
import type { InputProblem, QueryFile } from '../../rules/rule-query.js';

export interface QueryFilesResult {
  readonly files: { readonly path: string; readonly text: string; readonly kind: QueryFileKind; readonly content: QueryFile }[];
  /** Files that could not be read at all (missing, a directory, unreadable, no glob match). */
  readonly unreadable: InputProblem[];
}

/** Expands file arguments: existing paths as given, globs (sorted), `-` as standard input. */
export async function expandPaths(args: readonly string[]): Promise<{ paths: string[]; problems: InputProblem[] }> {
  const paths: string[] = [];
  const problems: InputProblem[] = [];
  for (const arg of args) {
    if (arg === '-' || !looksLikeGlob(arg) || exists(arg)) {
      paths.push(arg);
      continue;
    }
    const matches = await expandGlob(arg);
    if (!matches.length) problems.push({ file: arg, message: 'no files match this pattern' });
    paths.push(...matches);
  }
  return { paths, problems };
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Reads one file (or `-`) as text, or says why it cannot be read. */
export function readTextFile(path: string, stdinText?: () => string): { text: string } | { problem: InputProblem } {
  try {
    if (path === '-') return { text: stdinText ? stdinText() : readFileSync(0, 'utf8') };
    if (statSync(path).isDirectory()) return { problem: { file: path, message: 'is a directory, not a file' } };
    return { text: readFileSync(path, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : e instanceof Error ? e.message : String(e);
    return { problem: { file: path, message } };
  }
}

/**
 * Reads query files: `.eql` (one query), detection-rule `.toml`, Kibana exports `.ndjson`/`.jsonl`, globs and `-`.
 * `stdinKind` says how to read standard input (default: one EQL query). Never throws.
 */
export async function readQueryFiles(args: readonly string[], options: { stdinKind?: QueryFileKind; stdinText?: () => string } = {}): Promise<QueryFilesResult> {
  const { paths, problems } = await expandPaths(args);
  const files: QueryFilesResult['files'][number][] = [];
  for (const path of paths) {
    const read = readTextFile(path, options.stdinText);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const kind = path === '-' ? (options.stdinKind ?? 'eql') : queryFileKind(path);
    files.push({ path, text: read.text, kind, content: readQueryFile(read.text, path, kind) });
  }
  return { files, unreadable: problems };
}
