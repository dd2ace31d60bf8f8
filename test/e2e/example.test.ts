import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEql } from '../support/run-cli.js';
import { repoRoot } from '../support/shared.js';

interface Expected {
  alerts: { join_keys: string[]; event_ids: string[] }[];
}

describe('the seed rule example (Potential Remote File Execution via MSIEXEC)', () => {
  it('raises exactly the expected alerts, in Elasticsearch order', () => {
    const expected = JSON.parse(readFileSync(join(repoRoot, 'examples/msiexec-expected-alerts.json'), 'utf8')) as Expected;
    const r = runEql(['query', '--format', 'es', '-q', 'examples/msiexec-remote-file-execution.toml', 'examples/msiexec-events.ndjson']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const body = JSON.parse(r.stdout) as { hits: { total: { value: number }; sequences: { join_keys: string[]; events: { _source: Record<string, unknown> }[] }[] } };
    const idOf = (s: Record<string, unknown>) => ((s['event'] as Record<string, unknown> | undefined)?.['id'] ?? s['event.id']) as string;
    const got = body.hits.sequences.map((s) => ({ join_keys: s.join_keys, event_ids: s.events.map((e) => idOf(e._source)) }));
    expect(got).toEqual(expected.alerts);
    expect(body.hits.total.value).toBe(expected.alerts.length);
  });

  it('checks clean against the rule’s own index patterns', () => {
    const r = runEql(['check', 'examples/msiexec-remote-file-execution.toml']);
    expect(r.status).toBe(0);
  });

  it('shows the alerts as a table for people', () => {
    const r = runEql(['query', '--format', 'table', '-q', 'examples/msiexec-remote-file-execution.toml', 'examples/msiexec-events.ndjson']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').pop()).toBe('9 sequences');
  });
});
