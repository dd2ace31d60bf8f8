/**
 * Raw byte chunks of one input — a file read in large blocks, or a stream — transparently
 * gunzipped when the content starts with the gzip magic bytes (whatever the file is called).
 */

import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Reads a file in `chunkSize` blocks; each block is a fresh buffer the consumer may keep. */
export async function* fileChunks(path: string, chunkSize: number): AsyncGenerator<Buffer> {
  const fh: FileHandle = await open(path, 'r');
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(chunkSize);
      const { bytesRead } = await fh.read(buf, 0, chunkSize, null);
      if (bytesRead === 0) return;
      yield bytesRead < chunkSize ? buf.subarray(0, bytesRead) : buf;
    }
  } finally {
    await fh.close();
  }
}

/** Chunks of a readable stream as Buffers (string chunks are UTF-8 encoded). */
export async function* streamChunks(stream: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  for await (const c of stream as AsyncIterable<Buffer | string>) {
    if (c.length > 0) yield typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
  }
}

function isGzip(b: Buffer): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

/**
 * Passes chunks through, or gunzips them (streaming, multi-member files included) when the first
 * two bytes are the gzip magic. Errors of the source or of zlib are thrown from the iteration.
 */
export async function* maybeGunzip(source: AsyncGenerator<Buffer>, outChunkSize: number): AsyncGenerator<Buffer> {
  try {
    // Peek at least two bytes (a stream may deliver them one at a time).
    let head: Buffer | undefined;
    let done = false;
    while (!head || head.length < 2) {
      const r = await source.next();
      if (r.done) {
        done = true;
        break;
      }
      head = head ? Buffer.concat([head, r.value]) : r.value;
    }
    if (!head) return;
    if (!isGzip(head)) {
      yield head;
      if (!done) yield* source;
      return;
    }
    const gunzip = createGunzip({ chunkSize: outChunkSize });
    const first = head;
    const input = Readable.from(
      (async function* () {
        yield first;
        if (!done) yield* source;
      })(),
      { objectMode: false },
    );
    pipeline(input, gunzip, () => {
      // Errors reach the consumer through the gunzip iterator below.
    });
    try {
      for await (const c of gunzip as AsyncIterable<Buffer>) yield c;
    } finally {
      input.destroy();
      gunzip.destroy();
    }
  } finally {
    await source.return(undefined);
  }
}
