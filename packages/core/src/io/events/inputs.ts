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

/** The total size in bytes of the files the specs name (standard input and unreadable inputs count 0). Never throws. */
export async function totalInputBytes(specs: readonly string[], cwd: string): Promise<number> {
  let total = 0;
  for (const spec of specs) {
    const { inputs } = await expandSpec(spec, cwd);
    for (const input of inputs) {
      if (input.kind !== 'file') continue;
      try {
        total += (await stat(input.path)).size;
      } catch {
        // reported when the reader opens it
      }
    }
  }
  return total;
}
