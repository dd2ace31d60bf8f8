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

const deep = (levels: number) => {
  let v = '1';
  for (let i = 0; i < levels; i++) v = `{"a":${v}}`;
  return v;
};
const deepRecord = JSON.stringify({ '@timestamp': T + 2, event: { category: 'process' }, id: 2 }).replace(/}$/, `,"deep":${deep(6000)}}`);
write('deep.ndjson', [ev(1), deepRecord, ev(3)].join('\n') + '\n');
write('deep.json', arrayOf(ev(1), deepRecord, ev(3)));
write('dup.ndjson', [ev(1), '{"@timestamp":1700000000002,"event":{"category":"process"},"id":2,"id":5}', '{"@timestamp":1700000000003,"event":{"category":"process"},"id":3,"process":{"pid":1,"p\\u0069d":2}}', ev(4)].join('\n') + '\n');
write('bad-ts.ndjson', [ev(1), '{"@timestamp":"yesterday","event":{"category":"process"},"id":2}', '{"@timestamp":"2024-13-45T99:00:00Z","event":{"category":"process"},"id":3}', ev(4)].join('\n') + '\n');
write('bad-ingested.ndjson', [ev(1, { event: { category: 'process', ingested: 'soon' } }), ev(2, { event: { category: 'process', ingested: '2024-01-01T00:00:00Z' } })].join('\n') + '\n');

describe('eql query: records Elasticsearch would refuse, or too deep to handle, are reported and skipped', () => {
  it.each([
    ['a record nested 6,000 levels deep (NDJSON)', 'deep.ndjson', ['deep.ndjson:2: ']],
    ['a record nested 6,000 levels deep (JSON array)', 'deep.json', ['deep.json:3: ']],
  ])('%s', (_what, file, where) => {
    for (const format of ['ndjson', 'es', 'table', 'csv']) {
      for (const q of ['process where true', 'process where deep.a.a == 1 or id > 0', 'sequence [process where id == 1] [process where true]']) {
        const r = runEql(['query', '--format', format, q, file], { cwd: dir });
        expect(r.stderr).not.toContain('internal error');
        expect(r.status).toBe(0);
        for (const w of where) expect(r.stderr).toContain(w);
        expect(r.stderr).toMatch(/nested more than 1,000 levels deep/);
        expect(r.stderr).toMatch(/1 bad record skipped/);
      }
    }
    expect(ids(query(['process where true', file]))).toEqual([1, 3]);
  });

  it.each([['1'], ['2']])('a key twice in one object is reported with its path (threads %s)', (threads) => {
    const r = query(['--threads', threads, 'process where true', 'dup.ndjson']);
    expect(r.status).toBe(0);
    expect(ids(r)).toEqual([1, 4]);
    expect(r.stderr).toMatch(/^dup\.ndjson:2: .*duplicate key "id"/m);
    expect(r.stderr).toMatch(/^dup\.ndjson:3: .*duplicate key "process\.pid"/m);
    expect(r.stderr).toMatch(/2 bad records skipped/);
    expect(query(['--strict', 'process where true', 'dup.ndjson']).status).toBe(2);
  });

  it('a timestamp that cannot be parsed is reported, not returned first', () => {
    const r = query(['process where true', 'bad-ts.ndjson']);
    expect(r.status).toBe(0);
    expect(ids(r)).toEqual([1, 4]);
    expect(r.stderr).toMatch(/^bad-ts\.ndjson:2: .*@timestamp.*"yesterday"/m);
    expect(r.stderr).toMatch(/^bad-ts\.ndjson:3: .*@timestamp/m);
    expect(r.stderr).toMatch(/2 bad records skipped/);
  });

  it('the configured timestamp field is the one checked', () => {
    const r = query(['--timestamp-field', 'event.ingested', 'process where true', 'bad-ingested.ndjson']);
    expect(ids(r)).toEqual([2]);
    expect(r.stderr).toMatch(/^bad-ingested\.ndjson:1: .*event\.ingested.*"soon"/m);
    expect(ids(query(['process where true', 'bad-ingested.ndjson']))).toEqual([1, 2]);
  });
});

const ORIGINAL = '{"@timestamp":1700000000001,"event":{"category":"process"},"id":1,"n":1.0,"big":12345678901234567891,"huge":1e400,"s":"caf\\u00e9 \\/ x","arr":[1.50,-0]}';
write('original.ndjson', `${ORIGINAL}\n${ev(2)}\n`);
write('original.json', `[\n  ${ORIGINAL.replace(/,"/g, ',\n    "')},\n  ${ev(2)}\n]\n`);

describe('eql query: _source is the record as written', () => {
  it.each([
    ['ndjson', 'original.ndjson', ['--threads', '1']],
    ['ndjson', 'original.ndjson', ['--threads', '2']],
    ['es', 'original.ndjson', []],
    ['ndjson', 'original.json', []],
  ])('--format %s on %s %j', (format, file, extra) => {
    const r = runEql(['query', '--format', format, ...extra, 'process where id == 1', file], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`"_source":${ORIGINAL}`);
  });

  it('in sequences too', () => {
    const r = query(['sequence [process where id == 1] [process where id == 2]', 'original.ndjson']);
    expect(r.stdout).toContain(`"_source":${ORIGINAL}`);
    const es = runEql(['query', '--format', 'es', 'sequence [process where id == 1] [process where id == 2]', 'original.ndjson'], { cwd: dir });
    expect(es.stdout).toContain(`"_source":${ORIGINAL}`);
    expect(JSON.parse(es.stdout)).toMatchObject({ hits: { total: { value: 1 } } });
  });
});

const pidEvent = (id: number, pid: string, extra = '') => `{"@timestamp":${T + id},"event":{"category":"process"},"id":${id},"process":{"pid":${pid}}${extra}}`;
write('pids.ndjson', [pidEvent(1, '9007199254740992'), pidEvent(2, '9007199254740993'), pidEvent(3, '9007199254740994'), pidEvent(4, '5'), pidEvent(5, '[1, 9007199254740993]')].join('\n') + '\n');
write('pid-seq.ndjson', [pidEvent(1, '9007199254740992', ',"k":"a"'), pidEvent(2, '9007199254740993', ',"k":"b"'), pidEvent(3, '9007199254740993', ',"k":"a"'), pidEvent(4, '9007199254740993', ',"k":"b"')].join('\n') + '\n');
const mappingWithPid = (type: string) =>
  JSON.stringify({
    mappings: { properties: { '@timestamp': { type: 'date' }, event: { properties: { category: { type: 'keyword' } } }, id: { type: 'long' }, k: { type: 'keyword' }, process: { properties: { pid: { type } } } } },
  });
write('long.json', mappingWithPid('long'));
write('double.json', mappingWithPid('double'));

describe('eql query: integers beyond 2^53 compare and join exactly in long fields', () => {
  const cases: [string, number[]][] = [
    ['process where process.pid == 9007199254740993', [2, 5]],
    ['process where process.pid != 9007199254740993', [1, 3, 4]],
    ['process where process.pid in (9007199254740993, 5)', [2, 4, 5]],
    ['process where process.pid > 9007199254740992', [2, 3, 5]],
    ['process where process.pid >= 9007199254740994', [3]],
    ['process where process.pid < 9007199254740993', [1, 4, 5]],
    ['process where -9007199254740993 != process.pid', [1, 2, 3, 4, 5]],
  ];
  for (const mapping of [[], ['--mapping', 'long.json']]) {
    for (const threads of ['1', '2']) {
      it.each(cases)(`%s (${mapping.join(' ') || 'no mapping'}, threads ${threads})`, (q, want) => {
        const r = query([...mapping, '--threads', threads, q, 'pids.ndjson']);
        expect(r.stderr).toBe('');
        expect(ids(r)).toEqual(want);
      });
    }
  }

  it('a double field compares as doubles, as Elasticsearch does', () => {
    expect(ids(query(['--mapping', 'double.json', 'process where process.pid == 9007199254740993', 'pids.ndjson']))).toEqual([1, 2, 5]);
  });

  it.each([['1'], ['2']])('sequence keys join exactly and are reported as written (threads %s)', (threads) => {
    const q = 'sequence by process.pid [process where k == "a"] [process where k == "b"]';
    const r = query(['--threads', threads, q, 'pid-seq.ndjson']);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('"join_keys":[9007199254740993]');
    const es = runEql(['query', '--threads', threads, '--format', 'es', q, 'pid-seq.ndjson'], { cwd: dir });
    expect(es.stdout).toContain('"join_keys":[9007199254740993]');
    expect(JSON.parse(es.stdout)).toMatchObject({ hits: { total: { value: 1 } } });
  });
});
