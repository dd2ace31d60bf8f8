import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEql } from '../support/run-cli.js';
import { repoRoot } from '../support/shared.js';

/**
 * Machine-readable reports say what failed: a rule file that cannot be read (missing, broken TOML) is a result
 * too, never a silent gap that code scanning would show as clean. Globs and folders treat non-rule TOML alike.
 */

const dir = mkdtempSync(join(tmpdir(), 'eqlkit-check-failures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
};
const good = file('good.eql', 'process where process.name == "a.exe"\n');
const broken = file('broken.toml', '[rule]\nquery = """\nprocess where true\n');
const missing = join(dir, 'missing.eql');

describe('eql check on files that cannot be read as rules', () => {
  it('--json gives each an object with ok: false and the diagnostic', () => {
    const r = runEql(['check', '--json', good, broken, missing], { cwd: dir });
    expect(r.status).toBe(2);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; ok: boolean; diagnostics: { code: string; severity: string; message: string; line?: number }[] });
    const bySource = Object.fromEntries(out.map((o) => [o.source, o]));
    expect(out).toHaveLength(3);
    expect(bySource[good].ok).toBe(true);
    expect(bySource[broken]).toMatchObject({ ok: false, diagnostics: [{ code: 'eql/invalid-rule-file', severity: 'error', line: 2, column: 9 }] });
    expect(bySource[broken].diagnostics[0].message).toMatch(/invalid TOML/);
    expect(bySource[missing]).toMatchObject({ ok: false, diagnostics: [{ code: 'eql/unreadable-file', severity: 'error', message: 'no such file' }] });
  });

  it('--sarif gives each a result at the file, and marks the run as not successful', () => {
    const r = runEql(['check', '--sarif', good, broken, missing], { cwd: dir });
    expect(r.status).toBe(2);
    const run = (JSON.parse(r.stdout) as { runs: { results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: unknown[] }[]; tool: { driver: { rules: { id: string }[] } } }[] }).runs[0];
    const byUri = Object.fromEntries(run.results.map((x) => [x.locations[0].physicalLocation.artifactLocation.uri, x]));
    expect(byUri['broken.toml']).toMatchObject({ ruleId: 'eql/invalid-rule-file', level: 'error' });
    expect(byUri['broken.toml'].locations[0].physicalLocation.region?.startLine).toBe(2);
    expect(byUri['missing.eql']).toMatchObject({ ruleId: 'eql/unreadable-file', level: 'error', message: { text: 'no such file' } });
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(expect.arrayContaining(['eql/invalid-rule-file', 'eql/unreadable-file']));
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications).toHaveLength(2);
  });

  it('never sums up a failed load as "0 queries, 0 with errors"', () => {
    for (const args of [[missing], [broken], ['--json', broken]]) {
      const r = runEql(['check', ...args], { cwd: dir });
      expect(r.status).toBe(2);
      const summary = (args[0] === '--json' ? r.stderr : r.stdout).trim().split('\n').pop();
      expect(summary).toBe('0 queries, 0 with errors, 0 warnings, 1 file not loaded');
    }
  });
});

describe('folders and globs', () => {
  it('treat a pattern too long for the file system (a query given where a file was expected) as matching nothing', () => {
    const pattern = `process where (${'a'.repeat(300)})`;
    for (const command of ['parse', 'check']) {
      const r = runEql([command, pattern], { cwd: dir });
      expect(r.stderr).toContain('no files match this pattern');
      expect(r.stderr).not.toContain('internal error');
      expect(r.status).toBe(2);
    }
  });

  it('pass over a TOML file that is not a rule either way, and check the rules', () => {
    const rules = join(dir, 'rules');
    file('rules/pyproject.toml', '[tool.black]\nline-length = 100\n');
    writeFileSync(join(rules, 'seed.toml'), readFileSync(join(repoRoot, 'examples/msiexec-remote-file-execution.toml')));
    const viaFolder = runEql(['check', rules]);
    const viaGlob = runEql(['check', join(rules, '*.toml')]);
    expect(viaFolder.stdout.trim()).toBe('1 query, 0 with errors, 0 warnings');
    expect(viaGlob.stdout.trim()).toBe(viaFolder.stdout.trim());
    expect(viaGlob.stderr).toBe('');
    expect(viaGlob.status).toBe(0);
  });
});

describe('the bundled example', () => {
  it('is formatted: eql fmt --check passes on examples/', () => {
    const r = runEql(['fmt', '--check', 'examples/']);
    expect(r.stdout + r.stderr).not.toContain('not formatted');
    expect(r.status).toBe(0);
  });
});
