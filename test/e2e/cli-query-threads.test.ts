import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEql } from '../support/run-cli.js';
import { sharedPath } from '../support/shared.js';

/**
 * `eql query` with worker threads gives exactly what it gives on one thread — results, their order, input problems
 * and their line numbers, counts — on generated Elastic Defend events made messy (a BOM, CRLF, blank and padded
 * lines, broken and non-object records, a truncated last line) and split over two files.
 */
describe('eql query --threads', () => {
  let dir = '';
  let files: string[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eqlkit-threads-'));
    const gen = join(dir, 'gen.ndjson');
    const r = spawnSync(process.execPath, [sharedPath('bench/gen-events.mjs'), '--events', '28000', '--seed', '7', '--plant-rate', '1/2000', '--out', gen, '--quiet']);
    expect(r.status).toBe(0);
    const lines = readFileSync(gen, 'utf8').split('\n').filter(Boolean);
    const messy = (part: string[], start: number): string => {
      const out: string[] = [];
      part.forEach((l, i) => {
        const n = start + i + 1; // the first line stays an object: it decides the format (NDJSON)
        if (n % 997 === 0) out.push('{"broken": ');
        if (n % 1499 === 0) out.push('[1, 2]');
        if (n % 1201 === 0) out.push('');
        if (n % 1733 === 0) out.push(`   ${l}  `);
        else out.push(n % 3 === 0 ? `${l}\r` : l);
      });
      return out.join('\n');
    };
    const half = Math.floor(lines.length / 2);
    files = [join(dir, 'a.ndjson'), join(dir, 'b.ndjson')];
    writeFileSync(files[0], '\uFEFF' + messy(lines.slice(0, half), 0) + '\n');
    writeFileSync(files[1], messy(lines.slice(half), half) + '\n{"@timestamp": "2024-05-06T09:00:00Z", "event": {"cat');
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Output without the timing and memory lines of --stats. */
  const stable = (stderr: string) =>
    stderr
      .split('\n')
      .filter((l) => !/^(time|peak memory|threads)/.test(l))
      .join('\n');

  it.each([
    ['the seed rule (sequences)', ['-q', 'examples/msiexec-remote-file-execution.toml']],
    ['a selective event query, streamed', ['process where process.name : ("whoami.exe", "net.exe") and event.action == "start"']],
    ['a broad event query with many matches', ['any where destination.port in (443, 445) or process.pid > 50000']],
    ['a query the pre-filter cannot narrow, as es', ['--format', 'es', 'any where process.pid > 59000']],
    ['a sample', ['sample by host.id [process where process.name : "msiexec.exe"] [network where true]']],
    ['a sequence with until and a missing stage', ['sequence by process.entity_id with maxspan=1m [process where event.action == "start"] ![process where event.action == "end"] until [file where true]']],
    ['an event query with tail', ['--size', '7', 'network where destination.port == 445']],
  ])('%s: the same with 1, 2 and 3 threads', (_name, args) => {
    const run = (threads: string) => runEql(['query', '--format', 'ndjson', '--stats', '--threads', threads, ...args, ...files]);
    const one = run('1');
    expect(one.stderr).toMatch(/^threads: +one \(no workers\)$/m);
    expect(one.stderr).toMatch(/invalid JSON/);
    expect(one.stderr).toMatch(/expected a JSON object/);
    expect(one.stderr).toMatch(/b\.ndjson:\d+: invalid JSON \(.*truncated\)/);
    for (const threads of ['2', '3']) {
      const many = run(threads);
      expect(many.stderr).toMatch(new RegExp(`^threads: +${threads} workers`, 'm')); // the bundled worker was found and used
      expect(many.status).toBe(one.status);
      const untimed = (out: string) => out.replace(/"took":\d+/, '"took":0');
      expect(untimed(many.stdout)).toBe(untimed(one.stdout));
      expect(stable(many.stderr)).toBe(stable(one.stderr));
    }
  });

  it('uses the pre-filter on input this large (36 MB), on one thread and in the workers', () => {
    for (const threads of ['1', '2']) {
      const r = runEql(['query', '--format', 'ndjson', '--stats', '--threads', threads, 'process where process.name : "whoami.exe"', ...files]);
      expect(r.stderr).toMatch(/^skipped unparsed: +[1-9]/m);
    }
  });

  it('rejects a thread count that is not a whole number of at least 1', () => {
    const r = runEql(['query', '--threads', '0', 'any where true', files[0]]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--threads/);
  });
});

/**
 * The pre-filter (which skips records that cannot match without parsing them, so that a malformed one among them
 * goes unreported) is used only on files of 32 MiB or more, or past the first 32 MiB of standard input: smaller input
 * has every line parsed and every problem reported. --strict turns the pre-filter and the workers off (one thread
 * stops exactly at the first bad record).
 */
describe('eql query and the pre-filter', () => {
  const lines = ['{"event":{"category":"process"},"process":{"name":"a.exe"}}', '{"event":{"category":"network"}, oops}', '{"event":{"category":"process"},"process":{"name":"b.exe"}}'];

  it('on small input reports every malformed record, even one that cannot match; --strict stops there', () => {
    const input = lines.join('\n') + '\n';
    const loose = runEql(['query', '--format', 'ndjson', 'process where process.name : "*.exe"', '-'], { input });
    expect(loose.status).toBe(0);
    expect(loose.stderr).toMatch(/^<stdin>:2: invalid JSON/);
    expect(loose.stdout.trim().split('\n')).toHaveLength(2);
    for (const threads of ['1', '2']) {
      const strict = runEql(['query', '--strict', '--threads', threads, '--format', 'ndjson', 'process where process.name : "*.exe"', '-'], { input });
      expect(strict.status).toBe(2);
      expect(strict.stderr).toMatch(/<stdin>:2: invalid JSON/);
      expect(strict.stdout.trim().split('\n')).toHaveLength(1);
    }
  });

  it('still reports a malformed record that could match', () => {
    const r = runEql(['query', '--format', 'ndjson', 'network where true', '-'], { input: lines.join('\n') + '\n' });
    expect(r.stderr).toMatch(/<stdin>:2: invalid JSON/);
  });
});
