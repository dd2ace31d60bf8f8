/**
 * Decides how to read an input from its first bytes, not its name:
 * - `[` first (after an optional UTF-8 BOM and whitespace) → a JSON array;
 * - `{` first, on a line that does not end with `}` → pretty-printed objects one after another;
 * - anything else → NDJSON (problems are then reported line by line);
 * - UTF-16 byte-order marks or NUL bytes → not JSON text.
 */

export type InputFormat = 'ndjson' | 'array' | 'concat';
export type Detection = { format: InputFormat } | { problem: string } | undefined;

/** How far to look for the end of the first line before settling on NDJSON. */
const MAX_SNIFF = 1 << 20;

function isWs(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/** Returns `undefined` when more bytes are needed (and `eof` is false). */
export function detectFormat(head: Buffer, eof: boolean): Detection {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)))
    return { problem: 'UTF-16 text is not supported; convert the file to UTF-8' };
  if (head.subarray(0, 65536).includes(0)) return { problem: 'binary data (NUL bytes), not JSON text' };
  let i = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && isWs(head[i])) i++;
  if (i === head.length) return eof || head.length >= MAX_SNIFF ? { format: 'ndjson' } : undefined;
  if (head[i] === 0x5b) return { format: 'array' };
  if (head[i] !== 0x7b) return { format: 'ndjson' };
  const nl = head.indexOf(0x0a, i);
  if (nl < 0) return eof || head.length >= MAX_SNIFF ? { format: 'ndjson' } : undefined;
  let j = nl - 1;
  while (j > i && isWs(head[j])) j--;
  return { format: head[j] === 0x7d ? 'ndjson' : 'concat' };
}
