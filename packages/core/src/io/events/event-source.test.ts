import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openEventSource, readEvents } from './event-source.js';
import type { EventRecord, EventSourceOptions, InputError } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'eqlkit-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
}

async function collect(specs: string[], opts: Partial<EventSourceOptions> = {}) {
  const errors: InputError[] = [];
  const events: EventRecord[] = [];
  for await (const r of readEvents(specs, { onError: (e) => errors.push(e), cwd: dir, ...opts })) events.push(r);
  return { events, errors };
}

const ndjson = (...ids: number[]) => ids.map((id) => JSON.stringify({ id })).join('\n') + '\n';

describe('gzip', () => {
  it('reads gzipped NDJSON', async () => {
    const p = write('g1.ndjson.gz', gzipSync(ndjson(1, 2, 3)));
    const { events, errors } = await collect([p]);
    expect(errors).toEqual([]);
    expect(events.map((e) => [e.event.id, e.line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('reads a gzipped JSON array', async () => {
    const p = write('g2.json.gz', gzipSync(JSON.stringify([{ id: 1 }, { id: 2 }], null, 2)));
    const { events, errors } = await collect([p]);
    expect(errors).toEqual([]);
    expect(events.map((e) => [e.event.id, e.line])).toEqual([
      [1, 2],
      [2, 5],
    ]);
  });

  it('detects gzip from content, not the name', async () => {
    const p = write('looks-plain.ndjson', gzipSync(ndjson(7)));
    expect((await collect([p])).events.map((e) => e.event.id)).toEqual([7]);
  });

  it('reads concatenated gzip members', async () => {
    const p = write('multi.gz', Buffer.concat([gzipSync(ndjson(1)), gzipSync(ndjson(2))]));
    expect((await collect([p])).events.map((e) => e.event.id)).toEqual([1, 2]);
  });

  it('streams a large gzip file in many chunks', async () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => i);
    const p = write('big.ndjson.gz', gzipSync(ndjson(...ids)));
    const { events, errors } = await collect([p], { chunkSize: 4096 });
    expect(errors).toEqual([]);
    expect(events.length).toBe(20_000);
    expect(events[19_999]).toMatchObject({ line: 20_000, ordinal: 19_999 });
  });

  it('reports a truncated gzip file after the records it could read', async () => {
    const whole = gzipSync(ndjson(...Array.from({ length: 5000 }, (_, i) => i)));
    const p = write('cut.gz', whole.subarray(0, Math.floor(whole.length * 0.6)));
    const { events, errors } = await collect([p]);
    expect(events.length).toBeGreaterThan(100);
    expect(events.length).toBeLessThan(5000);
    // One report, where the readable data stops (not also the line it cut), as for a truncated text file.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: p, kind: 'truncated', line: events.length + 1 });
    expect(errors[0].message).toMatch(/^gzip data is corrupt or truncated/);
  });

  it('reports corrupt gzip data', async () => {
    const good = gzipSync(ndjson(1));
    const bad = Buffer.concat([good.subarray(0, 10), Buffer.alloc(good.length - 10, 0x55)]);
    const { errors } = await collect([write('corrupt.gz', bad)]);
    expect(errors.map((e) => e.kind)).toEqual(['truncated']);
  });
});

describe('sources', () => {
  it('expands globs in sorted order; ordinals continue across files', async () => {
    write('glob/b.ndjson', ndjson(3, 4));
    write('glob/a.ndjson', ndjson(1, 2));
    write('glob/c.txt', ndjson(99));
    write('glob/sub/d.ndjson', ndjson(98));
    const { events, errors } = await collect(['glob/*.ndjson']);
    expect(errors).toEqual([]);
    expect(events.map((e) => [e.file, e.event.id, e.line, e.ordinal])).toEqual([
      ['glob/a.ndjson', 1, 1, 0],
      ['glob/a.ndjson', 2, 2, 1],
      ['glob/b.ndjson', 3, 1, 2],
      ['glob/b.ndjson', 4, 2, 3],
    ]);
  });

  it('recursive glob with an absolute path', async () => {
    const { events } = await collect([join(dir, 'glob/**/*.ndjson')]);
    expect(events.map((e) => e.event.id)).toEqual([1, 2, 3, 4, 98]);
  });

  it('prefers an existing file whose name looks like a glob', async () => {
    write('odd[1].ndjson', ndjson(5));
    expect((await collect(['odd[1].ndjson'])).events.map((e) => e.event.id)).toEqual([5]);
  });

  it('reports a glob without matches', async () => {
    const { events, errors } = await collect(['nothing/*.ndjson']);
    expect(events).toEqual([]);
    expect(errors).toEqual([{ file: 'nothing/*.ndjson', line: 0, kind: 'no-match', message: 'no files match this pattern' }]);
  });

  it('reports a missing file and a directory, and reads the other inputs', async () => {
    const ok = write('ok.ndjson', ndjson(1));
    const { events, errors } = await collect(['missing.ndjson', 'glob', ok]);
    expect(events.map((e) => e.event.id)).toEqual([1]);
    expect(errors).toEqual([
      { file: 'missing.ndjson', line: 0, kind: 'not-found', message: 'no such file' },
      { file: 'glob', line: 0, kind: 'is-directory', message: 'is a directory, not a file' },
    ]);
  });

  it('reads an empty file as zero events', async () => {
    expect(await collect([write('empty.ndjson', '')])).toEqual({ events: [], errors: [] });
  });

  it('rejects binary and UTF-16 input with one message', async () => {
    const bin = write('bin.dat', Buffer.from([0x7b, 0x00, 0x01, 0x02, 0x0a]));
    const u16 = write('u16.json', Buffer.from('\uFEFF{"id":1}\n', 'utf16le'));
    const { events, errors } = await collect([bin, u16]);
    expect(events).toEqual([]);
    expect(errors.map((e) => [e.file, e.kind])).toEqual([
      [bin, 'not-text'],
      [u16, 'not-text'],
    ]);
  });
});

describe('stdin', () => {
  it('reads "-" from the given stream, even one byte at a time', async () => {
    const text = Buffer.from('{"id":1,"s":"é"}\r\n\n{"id":2}');
    const chunks = [...text].map((b) => Buffer.from([b]));
    const { events, errors } = await collect(['-'], { stdin: Readable.from(chunks) });
    expect(errors).toEqual([]);
    expect(events.map((e) => [e.file, e.event, e.line])).toEqual([
      ['<stdin>', { id: 1, s: 'é' }, 1],
      ['<stdin>', { id: 2 }, 3],
    ]);
  });

  it('reads gzip and arrays from stdin', async () => {
    const gz = gzipSync('[{"id":1},\n{"id":2}]');
    const { events } = await collect(['-'], { stdin: Readable.from([gz.subarray(0, 1), gz.subarray(1)]) });
    expect(events.map((e) => [e.event.id, e.line])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('accepts string chunks', async () => {
    const { events } = await collect(['-'], { stdin: Readable.from(['{"id":', '1}\n'], { objectMode: true }) });
    expect(events.map((e) => e.event.id)).toEqual([1]);
  });
});

describe('raw batches', () => {
  it('expose raw lines so the consumer can skip parsing', async () => {
    const p = write('raw.ndjson', '{"id":1,"k":"keep"}\n{"id":2,BROKEN}\n{"id":3,"k":"keep"}\n[1]\n');
    const errors: InputError[] = [];
    const src = openEventSource([p], { onError: (e) => errors.push(e) });
    const kept: unknown[] = [];
    for await (const b of src) {
      expect(b.file).toBe(p);
      expect(b.fileIndex).toBe(0);
      expect(b.lines).toEqual(['{"id":1,"k":"keep"}', '{"id":2,BROKEN}', '{"id":3,"k":"keep"}']);
      expect(b.lineNumbers).toEqual([1, 2, 3]);
      expect(b.firstOrdinal).toBe(0);
      for (let i = 0; i < b.count; i++) if (b.lines[i].includes('keep')) kept.push(b.parse(i));
    }
    expect(kept).toEqual([
      { id: 1, k: 'keep' },
      { id: 3, k: 'keep' },
    ]);
    // The broken line was never parsed, so only the reader's own finding is reported.
    expect(errors.map((e) => [e.line, e.kind])).toEqual([[4, 'not-object']]);
    expect(src.files).toEqual([p]);
    expect(src.stats).toMatchObject({ files: 1, records: 3, errors: 1 });
  });

  it('a source can be iterated only once', async () => {
    const src = openEventSource([], { onError: () => {} });
    for await (const _ of src) void _;
    expect(() => src[Symbol.asyncIterator]()).toThrow(/only once/);
  });

  it('reports errors in input order when every record is parsed', async () => {
    const p = write('order.ndjson', '{"id":1}\n{"id":2,}\n42\n{"id":4,,}\n{"x"\n{"id":6}\n');
    const { events, errors } = await collect([p]);
    expect(events.map((e) => e.event.id)).toEqual([1, 6]);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
  });

  it('stopping early is fine', async () => {
    const p = write('many.ndjson', ndjson(...Array.from({ length: 5000 }, (_, i) => i)));
    let seen = 0;
    for await (const b of openEventSource([p], { onError: () => {}, chunkSize: 4096 })) {
      seen += b.count;
      break;
    }
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(5000);
  });
});

describe('strict mode', () => {
  it('stops at a malformed record found while reading', async () => {
    const a = write('s1.ndjson', '{"id":1}\n{"id":2}\n42\n{"id":4}\n');
    const b = write('s2.ndjson', ndjson(5));
    const { events, errors } = await collect([a, b], { strict: true });
    expect(events.map((e) => e.event.id)).toEqual([1, 2]);
    expect(errors).toEqual([{ file: a, line: 3, kind: 'not-object', message: 'expected a JSON object, found a number' }]);
  });

  it('stops at a record that fails to parse', async () => {
    const a = write('s3.ndjson', '{"id":1}\n{"id":2,}\n{"id":3}\n[1]\n');
    const src = openEventSource([a], { onError: (e) => errors.push(e), strict: true });
    const errors: InputError[] = [];
    const ids: unknown[] = [];
    for await (const batch of src) for (let i = 0; i < batch.count; i++) ids.push(batch.parse(i)?.id);
    expect(ids).toEqual([1, undefined, undefined]);
    expect(errors.map((e) => [e.line, e.kind])).toEqual([[2, 'invalid-json']]);
    expect(src.stopped).toBe(true);
    expect(src.stats.errors).toBe(1);
  });

  it('stops at a missing file', async () => {
    const ok = write('s4.ndjson', ndjson(1));
    const { events, errors } = await collect(['nope.ndjson', ok], { strict: true });
    expect(events).toEqual([]);
    expect(errors.map((e) => e.kind)).toEqual(['not-found']);
  });

  it('stops inside a JSON array', async () => {
    const p = write('s5.json', '[{"id":1},{"id":2},"x",{"id":4}]');
    const { events, errors } = await collect([p], { strict: true });
    expect(events.map((e) => e.event.id)).toEqual([1, 2]);
    expect(errors.map((e) => e.kind)).toEqual(['not-object']);
  });
});
