import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEql } from '../support/run-cli.js';
import { repoRoot } from '../support/shared.js';

const tmp = mkdtempSync(join(tmpdir(), 'eqlkit-fmt-write-'));
let n = 0;
/** A fresh folder per test, so leftover temporary files are visible. */
const dir = () => {
  const d = join(tmp, `t${n++}`);
  spawnSync('mkdir', ['-p', d]);
  return d;
};
const LONG = `process where ${Array.from({ length: 12 }, (_, i) => `process.name == "some-long-process-name-${i}.exe"`).join(' or ')}`;

describe('eql fmt --write keeps data safe', () => {
  it('a write that fails part-way leaves the file whole, reports it plainly and goes on with the others', () => {
    const d = dir();
    const big = join(d, 'a-big.eql');
    const small = join(d, 'b-small.eql');
    const bigText = `${LONG} and ${'x == 1 and '.repeat(200)}y == 2`;
    writeFileSync(big, bigText);
    writeFileSync(small, 'process where a==1');
    // A file-size limit of 2 KiB: the formatted big file cannot be written (EFBIG), the small one can.
    const eql = join(repoRoot, 'packages/cli/bin/eql.cjs');
    const r = spawnSync('bash', ['-c', `ulimit -f 2; exec "${process.execPath}" "${eql}" fmt --write "${big}" "${small}"`], { encoding: 'utf8' });
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).toContain(`${big}: cannot write`);
    expect(r.status).toBe(2);
    expect(readFileSync(big, 'utf8')).toBe(bigText);
    expect(readFileSync(small, 'utf8')).toBe('process where a == 1\n');
    expect(readdirSync(d).sort()).toEqual(['a-big.eql', 'b-small.eql']);
  });

  it('a folder it may not write to: a plain message, the file untouched, the other files still rewritten', () => {
    // Root writes anywhere, so as root (CI) the command runs as the unprivileged user `nobody`.
    chmodSync(tmp, 0o755);
    const locked = dir();
    const open = dir();
    const a = join(locked, 'a.eql');
    const b = join(open, 'b.eql');
    writeFileSync(a, 'process where a==1', { mode: 0o666 });
    writeFileSync(b, 'process where b==1', { mode: 0o666 });
    chmodSync(a, 0o666);
    chmodSync(b, 0o666);
    chmodSync(locked, 0o555);
    chmodSync(open, 0o777);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, [join(repoRoot, 'packages/cli/bin/eql.cjs'), 'fmt', '--write', a, b], { encoding: 'utf8', ...asNobody });
    expect(r.stderr).toBe(`eql fmt: ${a}: cannot write (permission denied); the file is unchanged\n`);
    expect(r.status).toBe(2);
    expect(readFileSync(a, 'utf8')).toBe('process where a==1');
    expect(readFileSync(b, 'utf8')).toBe('process where b == 1\n');
  });

  it("keeps the original file's mode", () => {
    const d = dir();
    const p = join(d, 'q.eql');
    writeFileSync(p, 'process where a==1');
    chmodSync(p, 0o640);
    expect(runEql(['fmt', '--write', p]).status).toBe(0);
    expect(statSync(p).mode & 0o777).toBe(0o640);
    expect(readFileSync(p, 'utf8')).toBe('process where a == 1\n');
  });

  it('keeps CRLF line endings in .eql and .toml files', () => {
    const d = dir();
    const q = join(d, 'q.eql');
    writeFileSync(q, `${LONG}\r\n`);
    expect(runEql(['fmt', '--write', q]).status).toBe(0);
    const eqlOut = readFileSync(q, 'utf8');
    expect(eqlOut.split('\r\n').length).toBeGreaterThan(3);
    expect(eqlOut.replace(/\r\n/g, '')).not.toContain('\n');
    const t = join(d, 'r.toml');
    writeFileSync(t, `[rule]\r\nname = "n"\r\nquery = '''\r\n${LONG}\r\n'''\r\n\r\n[metadata]\r\nx = 1\r\n`);
    expect(runEql(['fmt', '--write', t]).status).toBe(0);
    const tomlOut = readFileSync(t, 'utf8');
    expect(tomlOut.split('\r\n').length).toBeGreaterThan(10);
    expect(tomlOut.replace(/\r\n/g, '')).not.toContain('\n');
    expect(runEql(['fmt', '--check', t]).status).toBe(0);
  });

  it('changes only the query text of a Kibana export line', () => {
    const d = dir();
    const p = join(d, 'rules.ndjson');
    const rule = (q: string) =>
      `{"risk_score":21.0,"max_signals":12345678901234567891,"name":"caf\\u00e9 \\/ r\\u00e8gle","language":"eql","query":${q},"note":"a\\u2028b"}`;
    const other = '{"language":"kuery","query":"x:1","n":1.50}';
    writeFileSync(p, `${rule('"process where a==1"')}\r\n${other}\r\n{"exported_count":1,"x":2.0}\r\n`);
    expect(runEql(['fmt', '--write', p]).status).toBe(0);
    expect(readFileSync(p, 'utf8')).toBe(`${rule('"process where a == 1"')}\r\n${other}\r\n{"exported_count":1,"x":2.0}\r\n`);
  });
});
