import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runEql, type CliRun } from '../support/run-cli.js';
import { repoRoot } from '../support/shared.js';

/**
 * Records that cannot be read, or that Elasticsearch would refuse to index, are reported with `file:line`, skipped
 * and counted — whatever the input format — and the exit status is the same in every case: 0 (the query ran), or 2
 * with --strict, which stops at the first one.
 */

const dir = mkdtempSync(join(tmpdir(), 'eqlkit-records-'));
const T = 1_700_000_000_000;
const ev = (id: number, extra: Record<string, unknown> = {}) => JSON.stringify({ '@timestamp': T + id, event: { category: 'process' }, id, ...extra });
const write = (name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return name;
};
const query = (args: string[]): CliRun => runEql(['query', '--format', 'ndjson', ...args], { cwd: dir });
const ids = (r: CliRun) =>
  r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { _source: { id: number } })._source.id);
const arrayOf = (...elements: string[]) => `[\n${elements.join(',\n')}\n]\n`;

const bigGz = gzipSync(Array.from({ length: 5000 }, (_, i) => ev(i + 1)).join('\n') + '\n');

/** [what, file, ids expected back, `file:line` expected in the report] */
const CASES: [string, string, number[] | 'some', string][] = [
  ['an NDJSON line that is not JSON', write('bad-line.ndjson', [ev(1), '{"@timestamp": 2, bad', ev(3)].join('\n') + '\n'), [1, 3], 'bad-line.ndjson:2:'],
  ['a truncated NDJSON file', write('cut.ndjson', `${ev(1)}\n${ev(2)}\n{"@timestamp":3,"eve`), [1, 2], 'cut.ndjson:3:'],
  ['a JSON-array element with a mismatched bracket', write('mismatch.json', arrayOf(ev(1), '{"@timestamp":2,"x":[1,2}', ev(3), ev(4))), [1, 3, 4], 'mismatch.json:3:'],
  ['a JSON-array element never closed', write('unclosed.json', arrayOf(ev(1), '{"@timestamp":2,"x":{"a":1', ev(3), ev(4))), [1, 3, 4], 'unclosed.json:3:'],
  ['a JSON-array element with an unclosed string', write('quote.json', arrayOf(ev(1), '{"@timestamp":2,"x":"abc}', ev(3), ev(4))), [1, 3, 4], 'quote.json:3:'],
  ['a compact JSON array with a broken element', write('compact.json', `[${ev(1)},{"a":[},${ev(3)},${ev(4)}]`), [1, 3, 4], 'compact.json:1:'],
  ['a JSON-array element that is not valid JSON inside', write('inner.json', arrayOf(ev(1), '{"@timestamp":2,"x":tru}', ev(3))), [1, 3], 'inner.json:3:'],
  ['a truncated JSON array', write('cut.json', `[\n${ev(1)},\n${ev(2)},\n{"@timestamp":3,"x"`), [1, 2], 'cut.json:4:'],
  ['a truncated gzip file', write('cut.ndjson.gz', bigGz.subarray(0, Math.floor(bigGz.length * 0.6))), 'some', 'cut.ndjson.gz:'],
];

describe('eql query: skipped records get the same report and exit status in every input format', () => {
  it.each(CASES)('%s', (_what, file, want, where) => {
    const r = query(['process where true', file]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).toContain(where);
    expect(r.stderr).toMatch(/^eql query: \d+ bad records? skipped/m);
    expect(r.status).toBe(0);
    if (want === 'some') expect(ids(r).length).toBeGreaterThan(100);
    else expect(ids(r)).toEqual(want);
    const strict = query(['--strict', 'process where true', file]);
    expect(strict.status).toBe(2);
    expect(strict.stderr).toContain(where);
  });

  it('--help and the README state the exit status for skipped records', () => {
    const help = runEql(['query', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('Exit status: 0 when the query ran, with or without matches, also when bad records were reported and skipped');
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toMatch(/\| 0 \| the query ran, with or without matches — \*\*also when bad records were reported and skipped\*\* \|/);
  });
});
