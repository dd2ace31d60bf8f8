import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import { compileStatement } from './compile.js';
import { ResultWindow } from './result-window.js';
import { runQuery, type RecordBatch, type RunOptions } from './run.js';

/** `count` sorted events in batches of 1,000, as a reader would deliver them. */
async function* sortedEvents(count: number): AsyncGenerator<RecordBatch> {
  for (let first = 0; first < count; first += 1000) {
    const lines = Array.from({ length: Math.min(1000, count - first) }, (_, i) => JSON.stringify({ '@timestamp': 1_700_000_000_000 + first + i, event: { category: 'process' }, id: first + i }));
    yield { file: 'events.ndjson', count: lines.length, lines, lineNumbers: lines.map((_, i) => first + i + 1), firstOrdinal: first, parse: (i) => JSON.parse(lines[i]) as Record<string, unknown> };
  }
}

async function run(query: string, options: RunOptions = {}) {
  const compiled = compileStatement(parse(query).ast!, {});
  const { result, stats } = await runQuery(compiled, sortedEvents(20_000), { bufferLimit: 100, ...options });
  if (result.kind !== 'events') throw new Error(result.kind);
  return { ids: result.hits.map((h) => h.event['id']), peak: stats.peakResults };
}

describe('memory for event results stays bounded by tail, head and size', () => {
  it('keeps only the last N for | tail N (a ring buffer), and gives them in order', async () => {
    expect(await run('process where true | tail 5')).toEqual({ ids: [19_995, 19_996, 19_997, 19_998, 19_999], peak: 5 });
  });

  it('keeps only the last N for --size N (tail is the default position), the first N with head', async () => {
    expect(await run('process where true', { size: 3 })).toEqual({ ids: [19_997, 19_998, 19_999], peak: 3 });
    expect(await run('process where true', { size: 3, resultPosition: 'head' })).toEqual({ ids: [0, 1, 2], peak: 3 });
    expect(await run('process where true', { size: 0 })).toEqual({ ids: [], peak: 0 });
  });

  it('keeps the first pipe\'s window and applies the rest to it', async () => {
    expect(await run('process where true | head 10 | tail 2')).toEqual({ ids: [8, 9], peak: 10 });
    expect(await run('process where true | tail 10 | head 2')).toEqual({ ids: [19_990, 19_991], peak: 10 });
  });

  it('keeps every match when an earlier pipe needs them all', async () => {
    const { ids, peak } = await run('process where true | filter id >= 19998 | tail 5');
    expect(ids).toEqual([19_998, 19_999]);
    expect(peak).toBe(20_000);
  });
});

describe('ResultWindow', () => {
  it('wraps around any number of times', () => {
    const w = new ResultWindow<number>({ keep: 'last', count: 3 });
    for (let i = 0; i < 10; i++) w.add(i);
    expect(w.items()).toEqual([7, 8, 9]);
    expect(w.peak).toBe(3);
  });
});
