import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '@eqlkit/core';
import { runEql } from '../support/run-cli.js';

/**
 * What `eql query` prints is safe on a terminal and complete at any size: event data never reaches the terminal
 * with its control characters, the table fits the terminal, arrays read unambiguously.
 * Run `node scripts/build.mjs --quiet` first (`npm test` does).
 */

const T0 = 1_700_000_000_000;
const HOSTILE = 'calc.exe\x1b[2J\x1b]0;pwned\x07\rinnocent\x9b31m\u202Etxt.exe';
const events = [
  { '@timestamp': T0, event: { category: 'process' }, process: { name: HOSTILE, args: ['a, b'], command_line: 'x'.repeat(300) } },
  { '@timestamp': T0 + 1, event: { category: 'process' }, process: { name: 'plain.exe', args: ['a', 'b'], command_line: 'short' } },
];
const QUERY = 'process where process.name != null and process.args != null and process.command_line != null';

let dir: string;
let data: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eqlkit-output-'));
  data = join(dir, 'events.ndjson');
  writeFileSync(data, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/;

describe('eql query output on a terminal', () => {
  it.each(['table', 'csv'])('escapes control characters from event data in --format %s', (format) => {
    const r = runEql(['query', '--format', format, QUERY, data], { env: { COLUMNS: '1000' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const body = format === 'csv' ? r.stdout.replace(/\r\n/g, '\n') : r.stdout;
    expect(body).not.toMatch(UNSAFE);
    expect(body).toContain('calc.exe\\x1B[2J\\x1B]0;pwned\\x07\\rinnocent\\x9B31m\\u202Etxt.exe');
  });

  it('keeps exact values in ndjson, escaping C1 and bidi characters as JSON escapes', () => {
    const r = runEql(['query', '--format', 'ndjson', QUERY, data]);
    const first = r.stdout.split('\n')[0];
    expect(first).not.toMatch(UNSAFE);
    expect((JSON.parse(first) as { _source: unknown })._source).toEqual(events[0]);
  });

  it('fits the table to the terminal width, cutting long values with an ellipsis', () => {
    const r = runEql(['query', '--format', 'table', QUERY, data], { env: { COLUMNS: '100' } });
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(4);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(100);
    expect(lines[1]).toContain('…');
  });

  it('shows arrays unambiguously', () => {
    const r = runEql(['query', '--format', 'table', QUERY, data], { env: { COLUMNS: '400' } });
    const [, first, second] = r.stdout.split('\n');
    expect(first).toContain('a, b');
    expect(first).not.toContain('"a", "b"');
    expect(second).toContain('["a", "b"]');
  });
});
