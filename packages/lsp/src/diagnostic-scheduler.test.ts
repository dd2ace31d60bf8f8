import { describe, expect, it } from 'vitest';
import { DiagnosticScheduler } from './diagnostic-scheduler.js';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('DiagnosticScheduler', () => {
  it('runs once for changes that arrive together, for the latest state', async () => {
    const runs: string[] = [];
    let state = 'v1';
    const s = new DiagnosticScheduler((uri) => (runs.push(`${uri}@${state}`), 1));
    s.schedule('a');
    state = 'v2';
    s.schedule('a');
    s.schedule('b');
    await tick(5);
    expect(runs).toEqual(['a@v2', 'b@v2']);
  });

  it('waits as long as the last analysis took for a slow document, and a change cancels the pending run', async () => {
    const runs: number[] = [];
    const s = new DiagnosticScheduler(() => (runs.push(Date.now()), 80));
    s.schedule('big');
    await tick(5);
    expect(runs).toHaveLength(1);
    s.schedule('big');
    await tick(20);
    expect(runs).toHaveLength(1); // still waiting (80 ms)
    s.cancel('big');
    await tick(120);
    expect(runs).toHaveLength(1);
    s.forget('big');
    s.schedule('big'); // forgotten: no cost known, runs at once
    await tick(5);
    expect(runs).toHaveLength(2);
    s.dispose();
  });
});
