/**
 * Reads a file in large blocks cut after their last newline, so that every block holds whole lines and can be
 * scanned on its own (in another thread). Each block owns its `ArrayBuffer` (it can be transferred); the bytes
 * after the last newline are copied to the start of the next block. A line longer than a block makes the next
 * block larger, up to `maxLine`: a longer line is dropped and stands as a `tooLong` block. The last block of a file that does not end with a newline is marked `final`.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { MAX_RECORD_BYTES } from '../events/types.js';

const LF = 10;

export interface LineChunk {
  readonly buffer: ArrayBuffer;
  readonly length: number;
  /** The first block of the file. */
  readonly first: boolean;
  /** The block ends the file without a newline after its last line. */
  readonly final: boolean;
  /** Instead of a block: one line longer than MAX_RECORD_BYTES, whose bytes were dropped (`length` is 0). */
  readonly tooLong?: true;
}

/** Recycles transferred buffers of one size (they come back from the workers). */
export class BufferPool {
  private readonly free: ArrayBuffer[] = [];

  constructor(readonly size: number) {}

  take(minSize: number): ArrayBuffer {
    if (minSize <= this.size) {
      const b = this.free.pop();
      if (b && b.byteLength === this.size) return b;
    }
    return new ArrayBuffer(Math.max(this.size, minSize));
  }

  give(b: ArrayBuffer): void {
    if (b.byteLength === this.size && this.free.length < 16) this.free.push(b);
  }
}

/** Line-aligned blocks of `path`, in order. Errors of the file system are thrown from the iteration. */
export async function* lineChunks(path: string, buffers: BufferPool, maxLine = MAX_RECORD_BYTES): AsyncGenerator<LineChunk> {
  const fh = await open(path, 'r');
  try {
    let carry: Uint8Array | undefined;
    let first = true;
    let want = buffers.size;
    for (;;) {
      const ab = buffers.take(Math.max(want, (carry?.length ?? 0) + 1));
      const buf = new Uint8Array(ab);
      let filled = 0;
      if (carry) {
        buf.set(carry, 0);
        filled = carry.length;
        carry = undefined;
      }
      const { bytesRead } = await fh.read(buf, filled, buf.length - filled, null);
      filled += bytesRead;
      if (bytesRead === 0) {
        if (filled > 0) yield { buffer: ab, length: filled, first, final: buf[filled - 1] !== LF };
        else buffers.give(ab);
        return;
      }
      const nl = buf.lastIndexOf(LF, filled - 1);
      if (nl < 0) {
        // No line end yet: keep everything and read on (into a larger block when this one is full).
        if (filled >= maxLine) {
          // A line too long to hold: drop it up to its newline, and say so in its place.
          buffers.give(ab);
          carry = await skipLine(fh);
          yield { buffer: new ArrayBuffer(0), length: 0, first, final: false, tooLong: true };
          first = false;
          want = buffers.size;
          if (carry === undefined) return;
          continue;
        }
        carry = buf.slice(0, filled);
        if (filled === buf.length) want = buf.length * 2;
        buffers.give(ab);
        continue;
      }
      if (nl + 1 < filled) carry = buf.slice(nl + 1, filled);
      yield { buffer: ab, length: nl + 1, first, final: false };
      first = false;
      want = buffers.size;
    }
  } finally {
    await fh.close();
  }
}

/** Reads on past the rest of an overlong line; the bytes after its newline, or undefined at the end of the file. */
async function skipLine(fh: FileHandle): Promise<Uint8Array | undefined> {
  const buf = new Uint8Array(1 << 20);
  for (;;) {
    const { bytesRead } = await fh.read(buf, 0, buf.length, null);
    if (bytesRead === 0) return undefined;
    const nl = buf.subarray(0, bytesRead).indexOf(LF);
    if (nl >= 0) return buf.slice(nl + 1, bytesRead);
  }
}
