import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parallelBatches } from './parallel-source.js';
import type { WorkerInit } from './protocol.js';

const init: WorkerInit = { kind: 'eqlkit-query-worker', query: 'any where true', layers: [], prefilter: true };

/** Worker failures end the run with an error (never a hang, never a silent gap in the results). */
describe('parallelBatches when a worker fails', () => {
  let dir = '';
  let data = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eqlkit-pool-'));
    data = join(dir, 'events.ndjson');
    writeFileSync(data, '{"a":1}\n'.repeat(1000));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function drain(script: string): Promise<unknown> {
    try {
      for await (const b of parallelBatches([{ name: 'events.ndjson', path: data }], { workerScript: script, workers: 2, init, onError: () => {} })) void b;
      return undefined;
    } catch (e) {
      return e;
    }
  }

  it.each([
    ['throws while loading', "throw new Error('broken worker');", /broken worker/],
    ['exits', 'process.exit(3);', /exited unexpectedly/],
    ['answers with a failure', "require('node:worker_threads').parentPort.on('message', (t) => require('node:worker_threads').parentPort.postMessage({ ok: false, seq: t.seq, message: 'no luck' }));", /no luck/],
  ])('a worker that %s', async (_name, body, message) => {
    const script = join(dir, `worker-${Math.random().toString(36).slice(2)}.cjs`);
    writeFileSync(script, body);
    const e = await drain(script);
    expect(e).toBeInstanceOf(Error);
    expect(String((e as Error).message)).toMatch(message);
  });
});
