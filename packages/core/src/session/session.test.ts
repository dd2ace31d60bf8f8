import { describe, expect, it } from 'vitest';
import { QueryAbortedError } from '../eval/run.js';
import { memorySource } from './memory.js';
import { prepareQuery, type PreparedQuery } from './prepare.js';
import { runSession } from './run.js';
import type { SessionProgress, SessionWarning } from './types.js';

const ev = (ts: number, name: string, host = 'h1', extra: Record<string, unknown> = {}) => ({
  '@timestamp': ts,
  event: { category: 'process' },
  host: { id: host },
  process: { name },
  ...extra,
});

function prepared(text: string): PreparedQuery {
  const p = prepareQuery(text);
  if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('; '));
  return p.query;
}

describe('query session over in-memory events', () => {
  const events = [ev(1, 'a.exe'), ev(2, 'b.exe'), ev(3, 'stop.exe'), ev(4, 'a.exe', 'h2'), ev(5, 'b.exe', 'h2')];

  it('prepareQuery returns the diagnostics that stop a broken query, never throws', () => {
    const p = prepareQuery('process where process.name ==');
    expect(p.ok).toBe(false);
    expect(p.diagnostics.length).toBeGreaterThan(0);
  });

  it('runs a sequence and counts the matches of every stage and of until', async () => {
    const q = prepared('sequence by host.id [process where process.name == "a.exe"] [process where process.name == "b.exe"] until [process where process.name == "stop.exe"]');
    const run = await runSession(q, memorySource(events));
    expect(run.result.kind).toBe('sequences');
    expect(run.result.kind === 'sequences' && run.result.sequences.map((s) => s.joinKeys)).toEqual([['h1'], ['h2']]);
    expect(run.stages.map((s) => [s.role, s.index, s.matched])).toEqual([
      ['stage', 0, 2],
      ['stage', 1, 2],
      ['until', 2, 1],
    ]);
    expect(q.text.slice(run.stages[2].span.start, run.stages[2].span.end)).toBe('[process where process.name == "stop.exe"]');
  });

  it('counts the one filter of an event query, and the filters of a sample', async () => {
    const q = prepared('process where process.name : "*.exe" and host.id == "h2"');
    const run = await runSession(q, memorySource(events));
    expect(run.stages).toEqual([{ role: 'filter', index: 0, span: q.ast.query.span, matched: 2 }]);
    const s = await runSession(prepared('sample by host.id [process where process.name == "a.exe"] [process where process.name == "nope"]'), memorySource(events));
    expect(s.stages.map((x) => x.matched)).toEqual([2, 0]);
    expect(s.result.kind === 'samples' && s.result.sequences).toEqual([]);
  });

  it('reports progress after each batch and structured warnings', async () => {
    const progress: SessionProgress[] = [];
    const warnings: SessionWarning[] = [];
    const data: unknown[] = [...events, 42, ev(Number.NaN, 'a.exe', 'h3'), { event: { category: 'process' }, host: { id: 'h3' }, process: { name: 'b.exe' } }];
    const q = prepared('sequence by host.id [process where process.name == "a.exe"] [process where process.name == "b.exe"]');
    const run = await runSession(q, memorySource(data, { batchSize: 3, name: 'fixtures', onWarning: (w) => warnings.push(w) }), {
      onProgress: (p) => progress.push(p),
      onWarning: (w) => warnings.push(w),
    });
    expect(progress.map((p) => p.records)).toEqual([3, 6, 8]);
    expect(progress.at(-1)).toEqual({ records: 8, parsed: 7 });
    expect(warnings).toEqual([
      { code: 'not-object', message: 'not a JSON object; skipped', file: 'fixtures', line: 6 },
      { code: 'no-timestamp', message: expect.stringContaining('no usable timestamp') },
    ]);
    expect(run.stats.noTimestamp).toBe(2);
  });

  it('warns (as diagnostics located in the query) about fields no event has', async () => {
    const run = await runSession(prepared('process where proces.name == "a.exe"'), memorySource(events));
    expect(run.diagnostics.map((d) => d.code)).toEqual(['eql/field-not-in-data']);
  });

  it('stops between batches once its signal is aborted', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ev(i, 'a.exe'));
    const controller = new AbortController();
    let batches = 0;
    const running = runSession(prepared('process where true'), memorySource(many, { batchSize: 100 }), {
      signal: controller.signal,
      onProgress: () => {
        if (++batches === 3) controller.abort();
      },
    });
    await expect(running).rejects.toBeInstanceOf(QueryAbortedError);
    expect(batches).toBe(3);
    const already = runSession(prepared('process where true'), memorySource(many), { signal: AbortSignal.abort() });
    await expect(already).rejects.toMatchObject({ name: 'AbortError' });
  });
});
