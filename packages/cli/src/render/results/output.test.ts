import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse, toEsResponse, type Hit, type QueryResult } from '@eqlkit/core';
import { styleFor } from '../style.js';
import { columnsFor } from './columns.js';
import { openResultOutput, type Format } from './output.js';

/** A stream that keeps only what a test needs: the byte count, the longest single write, and (optionally) the text. */
class Sink extends Writable {
  bytes = 0;
  longest = 0;
  text = '';
  constructor(private readonly keep: boolean) {
    super({ decodeStrings: false });
  }
  override _write(chunk: string, _enc: string, done: () => void): void {
    this.bytes += chunk.length;
    this.longest = Math.max(this.longest, chunk.length);
    if (this.keep) this.text += chunk;
    done();
  }
}

const hit = (i: number, event: Record<string, unknown>): Hit => ({ event, index: 'events.ndjson', id: String(i + 1), line: i + 1, ordinal: i, ts: 1_700_000_000_000 + i, tiebreaker: undefined });
const columns = () => columnsFor(parse('process where process.name != null').ast!, { categoryField: 'event.category' });

async function print(format: Format, result: QueryResult, keep = false): Promise<Sink> {
  const out = new Sink(keep);
  await openResultOutput(format, { out, columns, style: styleFor({}), width: 120 }).finish(result, 1);
  return out;
}

describe('results of any size print', () => {
  it('writes a table of 130,000 collected rows (the row count once overflowed the stack)', async () => {
    const hits = Array.from({ length: 130_000 }, (_, i) => hit(i, { event: { category: 'process' }, process: { name: `p${i}` } }));
    const out = await print('table', { kind: 'events', hits }, true);
    const lines = out.text.trimEnd().split('\n');
    expect(lines).toHaveLength(130_002);
    expect(lines[130_000]).toMatch(/^130000 +2023-11-14T22:15:29\.999Z +process +events\.ndjson:130000 +p129999$/);
    expect(lines[130_001]).toBe('130000 events');
  });

  it('writes an es body longer than the longest string the engine can build, in pieces', async () => {
    // 4,400 events of 128 KiB each: about 577 MB of JSON, more than V8's string limit (2^29 - 24 characters).
    const big = 'x'.repeat(128 << 10);
    const hits = Array.from({ length: 4_400 }, (_, i) => hit(i, { event: { category: 'process' }, process: { name: big } }));
    const out = await print('es', { kind: 'events', hits });
    expect(out.bytes).toBeGreaterThan(2 ** 29);
    expect(out.longest).toBeLessThan(1 << 20);
  });

  it.each(['es', 'ndjson', 'csv', 'table'] as const)('gives the same text in pieces as in one go (%s)', async (format) => {
    const events = { kind: 'events', hits: [hit(0, { process: { name: 'a' } }), hit(1, { process: { name: 'b' } })] } as const;
    const sequences = { kind: 'sequences', sequences: [{ joinKeys: ['h1'], hits: [events.hits[0], null] }] } as const;
    for (const result of [events, sequences, { kind: 'counts', rows: [{ key: ['a'], count: 2, percent: 1 }] } as const]) {
      const out = await print(format, result, true);
      if (format === 'es') expect(JSON.parse(out.text)).toEqual(toEsResponse(result, 1));
      else expect(out.text).not.toBe('');
    }
  });
});
