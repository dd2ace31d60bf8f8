/**
 * Turns command-line input specs into concrete inputs: `-` is standard input, an existing path
 * is used as is (even if it contains glob characters), anything else with glob syntax is
 * expanded with fast-glob (files only, sorted for a stable order).
 */

import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { expandGlob, looksLikeGlob } from '../glob.js';
import type { InputErrorKind } from './types.js';

export type Input = { readonly kind: 'stdin'; readonly name: string } | { readonly kind: 'file'; readonly name: string; readonly path: string };

export interface InputProblem {
  readonly file: string;
  readonly kind: InputErrorKind;
  readonly message: string;
}

export const STDIN_NAME = '<stdin>';

/** Maps a Node file-system error to a problem kind and a short message. */
export function describeFsError(e: unknown): { kind: InputErrorKind; message: string } {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { kind: 'not-found', message: 'no such file' };
    case 'EISDIR':
      return { kind: 'is-directory', message: 'is a directory, not a file' };
    case 'EACCES':
    case 'EPERM':
      return { kind: 'unreadable', message: 'permission denied' };
    default:
      return { kind: 'read-error', message: `cannot read (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** Expands one spec; never throws. */
export async function expandSpec(spec: string, cwd: string): Promise<{ inputs: Input[]; problems: InputProblem[] }> {
  if (spec === '-') return { inputs: [{ kind: 'stdin', name: STDIN_NAME }], problems: [] };
  const path = isAbsolute(spec) ? spec : resolve(cwd, spec);
  try {
    const st = await stat(path);
    if (st.isDirectory()) return { inputs: [], problems: [{ file: spec, kind: 'is-directory', message: 'is a directory, not a file' }] };
    return { inputs: [{ kind: 'file', name: spec, path }], problems: [] };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if ((code === 'ENOENT' || code === 'ENOTDIR') && looksLikeGlob(spec)) return glob(spec, cwd);
    return { inputs: [], problems: [{ file: spec, ...describeFsError(e) }] };
  }
}

async function glob(pattern: string, cwd: string): Promise<{ inputs: Input[]; problems: InputProblem[] }> {
  let matches: string[];
  try {
    matches = await expandGlob(pattern, cwd);
  } catch (e) {
    return { inputs: [], problems: [{ file: pattern, kind: 'read-error', message: `cannot expand pattern (${e instanceof Error ? e.message : String(e)})` }] };
  }
  if (matches.length === 0) return { inputs: [], problems: [{ file: pattern, kind: 'no-match', message: 'no files match this pattern' }] };
  return { inputs: matches.map((m) => ({ kind: 'file', name: m, path: isAbsolute(m) ? m : resolve(cwd, m) })), problems: [] };
}

/** The files the input specs name, with their sizes (what a run decides its pre-filter and workers from). */
export interface MeasuredInputs {
  readonly files: readonly { readonly name: string; readonly path: string; readonly size: number }[];
  readonly totalBytes: number;
  /** Standard input is among the inputs. */
  readonly stdin: boolean;
  /** Some spec names nothing that is a readable regular file (the reader reports it). */
  readonly problems: boolean;
}

/** Expands the specs and measures their files. Never throws. */
export async function measureInputs(specs: readonly string[], cwd: string): Promise<MeasuredInputs> {
  const files: MeasuredInputs['files'][number][] = [];
  let totalBytes = 0;
  let stdin = false;
  let problems = false;
  for (const spec of specs) {
    const expanded = await expandSpec(spec, cwd);
    problems ||= expanded.problems.length > 0;
    for (const input of expanded.inputs) {
      if (input.kind === 'stdin') {
        stdin = true;
        continue;
      }
      try {
        const st = await stat(input.path);
        problems ||= !st.isFile();
        files.push({ name: input.name, path: input.path, size: st.size });
        totalBytes += st.size;
      } catch {
        problems = true;
      }
    }
  }
  return { files, totalBytes, stdin, problems };
}
