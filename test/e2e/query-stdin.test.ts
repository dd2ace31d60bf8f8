import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEql } from '../support/run-cli.js';
import { repoRoot } from '../support/shared.js';

/** `eql query -q -` reads the query from standard input as a stream, however slowly it arrives. */

const events = join(repoRoot, 'examples/msiexec-events.ndjson');
const eql = join(repoRoot, 'packages/cli/bin/eql.cjs');
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe('eql query -q -', () => {
  it('waits for a query written slowly into a pipe by another process', () => {
    // The writer pauses mid-query: reading standard input in one go would find it empty (EAGAIN) at that moment.
    const writer = `(printf 'process where process.name == '; sleep 0.6; printf '"msiexec.exe" and event.action == "start"\\n')`;
    const r = spawnSync('sh', ['-c', `${writer} | ${quote(process.execPath)} ${quote(eql)} query --format ndjson -q - ${quote(events)}`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const inline = runEql(['query', '--format', 'ndjson', 'process where process.name == "msiexec.exe" and event.action == "start"', events]);
    expect(inline.stdout.trim().split('\n').length).toBeGreaterThan(1);
    expect(r.stdout).toBe(inline.stdout);
  });

  it('says plainly that standard input cannot hold both the query and the events', () => {
    const both = runEql(['query', '-q', '-', '-'], { input: 'process where true\n' });
    expect(both.stderr).toBe('eql query: standard input cannot hold both the query (-q -) and the events (-)\n');
    expect(both.status).toBe(2);
    const none = runEql(['query', '-q', '-'], { input: 'process where true\n' });
    expect(none.stderr).toBe('eql query: with the query on standard input (-q -), give the event data as files or globs\n');
    expect(none.status).toBe(2);
  });
});
