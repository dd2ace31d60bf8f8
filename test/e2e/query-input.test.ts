import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEql, type CliRun } from '../support/run-cli.js';

/**
 * `eql query` end to end on bad and unusual input: every problem gets a clear message on stderr (never a stack
 * trace), bad records are skipped and counted, and the exit status says what happened (0 ran, 1 query error,
 * 2 usage or input error). Run `node scripts/build.mjs --quiet` first (`npm test` does).
 */

const ev = (id: number, ts: number | string = id, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ '@timestamp': ts, event: { category: 'process' }, id, ...extra });
const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join('');
/** Epoch millis with 13 digits: a 4-digit number would be a year under Elasticsearch's default date format. */
const T0 = 1_700_000_000_000;
const LARGE = 60_000;

const FILES: Record<string, string | Buffer> = {
  'good.ndjson': lines(ev(1), ev(2)),
  'middle.ndjson': lines(ev(1), '{"@timestamp": 2, bad', ev(3)),
  'not-object.ndjson': lines(ev(1), '42', '["x"]', ev(4)),
  'truncated.ndjson': `${ev(1)}\n{"@timestamp":2,"event":{"cat`,
  'bom-crlf.ndjson': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${ev(1)}\r\n\r\n${ev(2)}\r\n   \r\n\n${ev(3)}`)]),
  'empty.ndjson': '',
  'compact.json': `[${ev(1)},${ev(2)}]`,
  'pretty.json': JSON.stringify([JSON.parse(ev(1)), JSON.parse(ev(2))], null, 2) + '\n',
  'events.ndjson.gz': gzipSync(lines(ev(1), ev(2))),
  'pretty.json.gz': gzipSync(JSON.stringify([JSON.parse(ev(1)), JSON.parse(ev(2))], null, 2)),
  'unsorted.ndjson': lines(ev(3), ev(1), ev(2)),
  'bad-mapping.json': '{"mappings": {"properties": {"id": {"type": "long"},}}}\n',
  // The rule keeps time in event.ingested and the category in event.type; @timestamp would put b before a.
  'override.ndjson': lines(
    JSON.stringify({ '@timestamp': '2024-01-01T00:00:09Z', event: { ingested: '2024-01-01T00:00:02Z', type: 'start' }, process: { name: 'b' }, id: 2 }),
    JSON.stringify({ '@timestamp': '2024-01-01T00:00:01Z', event: { ingested: '2024-01-01T00:00:01Z', type: 'start' }, process: { name: 'a' }, id: 1 }),
  ),
  'override.toml': [
    '[metadata]',
    'creation_date = "2024/01/01"',
    'maturity = "production"',
    'updated_date = "2024/01/01"',
    '',
    '[rule]',
    'author = ["eqlkit tests"]',
    'description = "Time and category live in non-default fields."',
    'from = "now-9m"',
    'index = ["logs-*"]',
    'language = "eql"',
    'license = "Elastic License v2"',
    'name = "Override test"',
    'risk_score = 21',
    'rule_id = "00000000-0000-0000-0000-000000000001"',
    'severity = "low"',
    'timestamp_override = "event.ingested"',
    'event_category_override = "event.type"',
    'type = "eql"',
    "query = '''",
    'sequence [start where process.name == "a"] [start where process.name == "b"]',
    "'''",
    '',
  ].join('\n'),
  // One late event first, then LARGE in order: more matches than are sorted automatically (50,000).
  'large-unsorted.ndjson': ev(0, T0 + LARGE + 1) + '\n' + Array.from({ length: LARGE }, (_, i) => ev(i + 1, T0 + i + 1)).join('\n') + '\n',
};

let dir = '';
const runs: CliRun[] = [];
/** Runs `eql query` in the fixture directory and remembers the run for the no-stack-trace check. */
function query(args: string[], input?: string): CliRun {
  const r = runEql(['query', ...args], { cwd: dir, ...(input !== undefined ? { input } : {}) });
  runs.push(r);
  expect(r.stderr, `eql query ${args.join(' ')}`).not.toMatch(/\n\s+at /);
  return r;
}
const ids = (stdout: string): number[] =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { _source: { id: number } })._source.id);
const stderrLines = (r: CliRun) => r.stderr.split('\n').filter(Boolean);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eql-query-input-'));
  for (const [name, content] of Object.entries(FILES)) writeFileSync(join(dir, name), content);
  mkdirSync(join(dir, 'a-directory'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('eql query: bad records are reported, skipped and counted', () => {
  it('a malformed line in the middle: file:line: invalid JSON (…), the rest still runs, exit 0', () => {
    const r = query(['--format', 'ndjson', 'process where true', 'middle.ndjson']);
    expect(r.status).toBe(0);
    expect(ids(r.stdout)).toEqual([1, 3]);
    expect(r.stderr).toMatch(/^middle\.ndjson:2: invalid JSON \(.+\)$/m);
    expect(r.stderr).toMatch(/1 bad record skipped/);
  });

  it('--strict stops at the malformed line with exit 2', () => {
    const r = query(['--strict', '--format', 'ndjson', 'process where true', 'middle.ndjson']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^middle\.ndjson:2: invalid JSON \(.+\)$/m);
    expect(ids(r.stdout)).not.toContain(3);
  });

  it('a line that is JSON but not an object is reported with its line', () => {
    const r = query(['--format', 'ndjson', 'process where true', 'not-object.ndjson']);
    expect(r.status).toBe(0);
    expect(ids(r.stdout)).toEqual([1, 4]);
    expect(r.stderr).toMatch(/^not-object\.ndjson:2: .*object.*number/m);
    expect(r.stderr).toMatch(/^not-object\.ndjson:3: .*object.*array/m);
    expect(r.stderr).toMatch(/2 bad records skipped/);
  });

  it('a truncated last line is reported as such; the complete records still count', () => {
    const r = query(['--format', 'ndjson', 'process where true', 'truncated.ndjson']);
    expect(r.status).toBe(0);
    expect(ids(r.stdout)).toEqual([1]);
    expect(r.stderr).toMatch(/^truncated\.ndjson:2: invalid JSON \(.*truncated.*\)$/m);
    expect(r.stderr).toMatch(/1 bad record skipped/);
  });
});

describe('eql query: unusual but valid input', () => {
  it.each([
    ['a BOM, CRLF line ends and blank lines', 'bom-crlf.ndjson', [1, 2, 3]],
    ['a compact JSON array', 'compact.json', [1, 2]],
    ['a pretty-printed JSON array', 'pretty.json', [1, 2]],
    ['gzipped NDJSON', 'events.ndjson.gz', [1, 2]],
    ['a gzipped JSON array', 'pretty.json.gz', [1, 2]],
  ])('%s', (_what, file, want) => {
    const r = query(['--format', 'ndjson', 'process where true', file]);
    expect(r.status).toBe(0);
    expect(ids(r.stdout)).toEqual(want);
    expect(r.stderr).toBe('');
  });

  it('an empty file runs, with a warning that there were no events', () => {
    const r = query(['--format', 'ndjson', 'process where true', 'empty.ndjson']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('eql query: warning: the input holds no events (empty.ndjson)\n');
  });

  it('standard input as -', () => {
    const r = query(['--format', 'ndjson', 'process where true', '-'], lines(ev(1), ev(2)));
    expect(r.status).toBe(0);
    expect(ids(r.stdout)).toEqual([1, 2]);
    expect(JSON.parse(r.stdout.split('\n')[0]) as { _index: string }).toMatchObject({ _index: '<stdin>' });
  });

  it('small unsorted input is sorted automatically', () => {
    const r = query(['--format', 'ndjson', 'process where true', 'unsorted.ndjson']);
    expect(r.status).toBe(0);
    expect(ids(r.stdout)).toEqual([1, 2, 3]);
  });

  it('large unsorted input stops with a clear message that suggests --sort', () => {
    const r = query(['--format', 'ndjson', 'process where true', 'large-unsorted.ndjson']);
    expect(r.status).toBe(2);
    expect(stderrLines(r)).toHaveLength(1);
    expect(r.stderr).toMatch(/not sorted by timestamp/);
    expect(r.stderr).toMatch(/--sort/);
  });

  it('--sort sorts large unsorted input', () => {
    const r = query(['--sort', '--format', 'ndjson', 'process where true', 'large-unsorted.ndjson']);
    expect(r.status).toBe(0);
    const got = ids(r.stdout);
    expect(got).toHaveLength(LARGE + 1);
    expect(got.slice(0, 3)).toEqual([1, 2, 3]);
    expect(got.at(-1)).toBe(0);
  });

  it("a detection rule's timestamp_override and event_category_override apply", () => {
    const r = query(['--format', 'ndjson', '-q', 'override.toml', 'override.ndjson']);
    expect(r.status).toBe(0);
    const seq = JSON.parse(r.stdout) as { events: { _source: { id: number } }[] };
    expect(seq.events.map((e) => e._source.id)).toEqual([1, 2]);
    // Without the overrides, the same query finds nothing: no event.category, and @timestamp puts b first.
    const plain = query(['--format', 'ndjson', 'sequence [start where process.name == "a"] [start where process.name == "b"]', 'override.ndjson']);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toBe('');
  });
});

describe('eql query: unusable input files stop with one line and exit 2', () => {
  it.each([
    ['a missing file', 'no-such-file.ndjson'],
    ['a directory', 'a-directory'],
    ['a glob that matches nothing', 'nothing-*.ndjson'],
  ])('%s', (_what, file) => {
    const r = query(['--format', 'ndjson', 'process where true', file]);
    expect(r.status).toBe(2);
    expect(stderrLines(r)).toHaveLength(1);
    expect(r.stderr.startsWith(`${file}: `)).toBe(true);
  });

  it('--mapping with bad JSON: a located error and exit 2', () => {
    const r = query(['--mapping', 'bad-mapping.json', '--format', 'ndjson', 'process where true', 'good.ndjson']);
    expect(r.status).toBe(2);
    expect(stderrLines(r)).toHaveLength(1);
    expect(r.stderr).toMatch(/bad-mapping\.json:1:\d+: invalid JSON/);
  });
});

describe('eql query: usage and query errors', () => {
  it.each([
    ['an unknown flag', ['--bogus', 'process where true', 'good.ndjson'], /--bogus/],
    ['a bad --format', ['--format', 'xml', 'process where true', 'good.ndjson'], /--format.*xml/],
    ['--size -1', ['--size', '-1', 'process where true', 'good.ndjson'], /--size/],
    ['--size=-1', ['--size=-1', 'process where true', 'good.ndjson'], /--size.*-1/],
  ])('%s: exit 2 with a one-line message', (_what, args, message) => {
    const r = query(args);
    expect(r.status).toBe(2);
    expect(stderrLines(r)).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('a field no event has: a located warning with "did you mean", and the query still runs (exit 0)', () => {
    const r = query(['--format', 'ndjson', 'process where id == 1 or evnt.category == "process"', 'good.ndjson']);
    expect(r.status).toBe(0);
    expect(ids(r.stdout)).toEqual([1]);
    expect(r.stderr).toMatch(/^<query>:1:26: warning eql\/field-not-in-data: `evnt\.category` has no value in any of the 2 events read/m);
    expect(r.stderr).toMatch(/did you mean `event\.category`\?/);
  });

  it('an unparseable query: exit 1 with the error located in the query', () => {
    const r = query(['--format', 'ndjson', 'process where (', 'good.ndjson']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/<query>:1:16: error/);
    expect(r.stderr).toMatch(/\^/);
    expect(r.stdout).toBe('');
  });
});

describe('eql query: no stack traces', () => {
  it('no run above printed a stack trace', () => {
    for (const r of runs) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
