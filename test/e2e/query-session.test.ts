import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryAbortedError, type SessionProgress } from '@eqlkit/core';
import { executeQuery } from '@eqlkit/core/io';
import { repoRoot } from '../support/shared.js';

/** executeQuery over files, as the dry run and the REPL use it: cancellation (also of worker threads) and progress. */
describe('executeQuery session options', () => {
  let dir = '';
  let file = '';
  const workerScript = pathToFileURL(join(repoRoot, 'packages/cli/dist/query-worker.cjs'));

  beforeAll(() => {
    expect(existsSync(workerScript), 'the CLI bundle (npm run build) holds the worker entry').toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'eqlkit-session-'));
    file = join(dir, 'events.ndjson');
    const lines: string[] = [];
    for (let i = 0; i < 60_000; i++) lines.push(JSON.stringify({ '@timestamp': 1_700_000_000_000 + i, event: { category: 'process' }, host: { id: `h${i % 7}` }, process: { name: i % 3 ? 'a.exe' : 'b.exe' } }));
    writeFileSync(file, lines.join('\n') + '\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const query = 'sequence by host.id [process where process.name == "a.exe"] [process where process.name == "b.exe"]';

  it('reports progress in bytes and records, and the matches of each stage', async () => {
    const progress: SessionProgress[] = [];
    const outcome = await executeQuery(query, [file], { chunkSize: 1 << 16, onInputError: () => {}, onProgress: (p) => progress.push(p) });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(progress.length).toBeGreaterThan(5);
    const last = progress.at(-1)!;
    expect(last.records).toBe(60_000);
    expect(last.bytesRead).toBe(last.totalBytes);
    expect(outcome.stages.map((s) => s.matched)).toEqual([40_000, 20_000]);
  });

  for (const threads of [1, 2]) {
    it(`stops when aborted, with ${threads === 1 ? 'no workers' : 'worker threads'}`, async () => {
      const controller = new AbortController();
      let batches = 0;
      const started = Date.now();
      const running = executeQuery(query, [file], {
        threads,
        workerScript,
        chunkSize: 1 << 16,
        onInputError: () => {},
        onProgress: () => {
          if (++batches === 2) controller.abort();
        },
        signal: controller.signal,
      });
      await expect(running).rejects.toBeInstanceOf(QueryAbortedError);
      expect(batches).toBe(2);
      expect(Date.now() - started).toBeLessThan(20_000);
    });
  }

  it('gives the same stage counts with worker threads', async () => {
    const outcome = await executeQuery(query, [file], { threads: 2, workerScript, chunkSize: 1 << 16, onInputError: () => {} });
    expect(outcome.ok && outcome.workers).toBe(2);
    expect(outcome.ok && outcome.stages.map((s) => s.matched)).toEqual([40_000, 20_000]);
  });
});
