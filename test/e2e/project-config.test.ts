// The project configuration file (.eqlkit.json) as the CLI applies it, and its lookup through core/io.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProjectConfig, loadProjectConfig } from '../../packages/core/src/io/index.js';
import { runEql } from '../support/run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'eqlkit-config-'));
const write = (rel: string, text: string) => {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
};

describe('.eqlkit.json', () => {
  write('project/.eqlkit.json', JSON.stringify({ indexes: ['logs-endpoint.events.process-*'], schemaFiles: ['fields.json'], timestampField: 'event.created' }));
  write('project/fields.json', JSON.stringify({ 'custom.score': 'long' }));
  const query = write('project/rules/q.eql', 'process where custom.score > 5 and process.pid > 1\n');

  it('is found by walking up from a folder, and its paths are resolved against its own folder', () => {
    expect(findProjectConfig(join(root, 'project/rules'))).toBe(join(root, 'project/.eqlkit.json'));
    expect(findProjectConfig(root)).toBeUndefined();
    const loaded = loadProjectConfig(join(root, 'project/.eqlkit.json'));
    expect(loaded.config.schemaFiles).toEqual([join(root, 'project/fields.json')]);
    expect(loaded.problems).toEqual([]);
  });

  it('gives eql check its indexes and schema files; flags override it', () => {
    const r = runEql(['check', query]);
    expect(r.stdout.trim().split('\n').pop()).toBe('1 query, 0 with errors, 0 warnings');
    expect(r.status).toBe(0);
    // Without the configuration `custom.score` is unknown.
    const other = write('elsewhere/q.eql', 'process where custom.score > 5\n');
    expect(runEql(['check', other]).stdout).toContain('custom.score');
    // --index replaces the configured indexes (and the schema file still applies).
    const r2 = runEql(['check', '--index', 'logs-endpoint.events.network-*', query]);
    expect(r2.status).toBe(0);
  });

  it('reports a broken configuration with its location and stops', () => {
    write('broken/.eqlkit.json', '{\n  "indexes": 5\n}\n');
    const q = write('broken/q.eql', 'process where true\n');
    const r = runEql(['check', q]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(root, 'broken/.eqlkit.json')}:2:3: error: \`indexes\` must be a list of non-empty strings`);
  });

  it('gives eql query its timestamp field; the flag overrides it', () => {
    write('timed/.eqlkit.json', JSON.stringify({ timestampField: 'event.created' }));
    const q = write('timed/q.eql', 'process where process.pid == 2 | head 1\n');
    const events = write(
      'timed/events.ndjson',
      [
        { id: 'A', '@timestamp': '2024-01-01T00:00:00Z', event: { category: 'process', created: '2024-01-02T00:00:00Z' }, process: { pid: 2 } },
        { id: 'B', '@timestamp': '2024-01-02T00:00:00Z', event: { category: 'process', created: '2024-01-01T00:00:00Z' }, process: { pid: 2 } },
      ]
        .map((e) => JSON.stringify(e))
        .join('\n') + '\n',
    );
    const first = (args: string[]) => (JSON.parse(runEql(['query', '--format', 'ndjson', ...args, '-q', q, events]).stdout.trim()) as { _source: { id: string } })._source.id;
    expect(first([])).toBe('B');
    expect(first(['--timestamp-field', '@timestamp'])).toBe('A');
  });
});
