/**
 * Decides whether a run can use worker threads: every input must be a plain (not gzipped) NDJSON file that exists,
 * and together they must be large enough to pay for starting the workers. Anything else (stdin, JSON arrays,
 * `.gz`, missing files, globs matching nothing) goes through the single-thread reader, which reports it.
 */
import { open } from 'node:fs/promises';
import { detectFormat } from '../events/detect-format.js';
import type { MeasuredInputs } from '../events/inputs.js';
import type { FileInput } from './parallel-source.js';

/** How much of a file's start is read to recognise its format. */
const SNIFF_BYTES = 1 << 20;

async function isPlainNdjson(path: string, size: number): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return false; // gzip
    const d = detectFormat(bytes, bytesRead >= size);
    return d !== undefined && 'format' in d && d.format === 'ndjson';
  } finally {
    await fh.close();
  }
}

/**
 * The files to read in parallel, or undefined when the run should stay on one thread. `minBytes` is the total size
 * below which workers are not worth starting. Never throws.
 */
export async function planParallelInputs(measured: MeasuredInputs, minBytes: number): Promise<FileInput[] | undefined> {
  if (measured.problems || measured.stdin || measured.files.length === 0 || measured.totalBytes < minBytes) return undefined;
  try {
    for (const f of measured.files) if (f.size > 0 && !(await isPlainNdjson(f.path, f.size))) return undefined;
    return measured.files.map((f) => ({ name: f.name, path: f.path }));
  } catch {
    return undefined;
  }
}
