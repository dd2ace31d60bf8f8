import { readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { expandGlob, looksLikeGlob } from '../glob.js';
import { readQueryFile, queryFileKind, type QueryFileKind } from '../../rules/read-query-file.js';
import type { InputProblem, QueryFile } from '../../rules/rule-query.js';

export interface QueryFilesResult {
  readonly files: { readonly path: string; readonly text: string; readonly kind: QueryFileKind; readonly content: QueryFile }[];
  /** Files that could not be read at all (missing, a directory, unreadable, no glob match). */
  readonly unreadable: InputProblem[];
}

/** The query files a folder holds, at any depth: EQL queries and detection rules (rule exports only by name). */
const FOLDER_PATTERN = '**/*.{eql,toml}';

/**
 * Expands file arguments: existing files as given, folders to the `.eql` and `.toml` files below them, globs (sorted),
 * `-` as standard input. `fromFolder` holds the paths found by walking a folder or expanding a glob (not named one by
 * one), where a TOML file that is not a rule is passed over.
 */
export async function expandPaths(args: readonly string[]): Promise<{ paths: string[]; problems: InputProblem[]; fromFolder: Set<string> }> {
  const paths: string[] = [];
  const problems: InputProblem[] = [];
  const fromFolder = new Set<string>();
  for (const arg of args) {
    const st = arg === '-' ? undefined : statOf(arg);
    if (st?.isDirectory()) {
      const found = (await expandGlob(FOLDER_PATTERN, arg)).map((f) => join(arg, f));
      if (!found.length) problems.push({ file: arg, message: 'no .eql or .toml files in this folder' });
      for (const f of found) fromFolder.add(f);
      paths.push(...found);
      continue;
    }
    if (arg === '-' || !looksLikeGlob(arg) || st) {
      paths.push(arg);
      continue;
    }
    const matches = await expandGlob(arg);
    if (!matches.length) problems.push({ file: arg, message: 'no files match this pattern' });
    for (const f of matches) fromFolder.add(f);
    paths.push(...matches);
  }
  return { paths, problems, fromFolder };
}

/** The path's stats, or undefined when it does not exist (or cannot be looked at). */
function statOf(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
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
 * Reads query files: `.eql` (one query), detection-rule `.toml`, Kibana exports `.ndjson`/`.jsonl`, folders, globs
 * and `-`.
 * `stdinKind` says how to read standard input (default: one EQL query). Never throws.
 */
export async function readQueryFiles(args: readonly string[], options: { stdinKind?: QueryFileKind; stdinText?: () => string } = {}): Promise<QueryFilesResult> {
  const { paths, problems, fromFolder } = await expandPaths(args);
  const files: QueryFilesResult['files'][number][] = [];
  for (const path of paths) {
    const read = readTextFile(path, options.stdinText);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const kind = path === '-' ? (options.stdinKind ?? 'eql') : queryFileKind(path);
    const content = readQueryFile(read.text, path, kind);
    // A folder walk or a glob meets configuration files too (pyproject.toml, …); named explicitly, they are an error.
    if (content.notARule && fromFolder.has(path)) continue;
    files.push({ path, text: read.text, kind, content });
  }
  return { files, unreadable: problems };
}
