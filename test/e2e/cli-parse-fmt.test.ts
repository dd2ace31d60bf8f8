import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEql } from '../support/run-cli.js';
import { sharedPath } from '../support/shared.js';

const tmp = mkdtempSync(join(tmpdir(), 'eqlkit-cli-'));
const emptyDir = join(tmp, 'empty');
mkdirSync(emptyDir);
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('eql parse', () => {
  it('parses the whole rule corpus with exit 0', () => {
    const r = runEql(['parse', sharedPath('rules/eql-rules.jsonl')]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('824 queries, 0 with errors');
    expect(r.status).toBe(0);
  });

  it('reports an error with its location, the source line and a caret, and exits 1', () => {
    const p = file('bad.eql', 'process where true and\n  process.name = "x"\n');
    const r = runEql(['parse', p]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${p}:2:16: error eql/assign-equality: \`=\` is not a comparison operator`);
    expect(r.stdout).toContain('2 |   process.name = "x"\n  |                ^');
    expect(r.stdout.trim().split('\n').pop()).toBe('1 query, 1 with errors');
  });

  it('locates errors inside detection-rule TOML files in the file, and names the rule', () => {
    const p = file('rule.toml', ['[metadata]', 'maturity = "production"', '', '[rule]', 'rule_id = "abc-123"', 'name = "x"', 'language = "eql"', "query = '''", 'process where', "  process.name : 'x'", "'''", ''].join('\n'));
    const r = runEql(['parse', p]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${p}#abc-123:10:18: error eql/single-quoted-string`);
  });

  it('walks a folder for .eql and .toml files, passing over TOML files that are not rules', () => {
    const dir = join(tmp, 'rules');
    mkdirSync(join(dir, 'windows'), { recursive: true });
    writeFileSync(join(dir, 'pyproject.toml'), '[project]\nname = "x"\n');
    writeFileSync(join(dir, 'windows', 'a.eql'), 'process where true\n');
    writeFileSync(join(dir, 'windows', 'b.toml'), ['[rule]', 'rule_id = "b"', 'language = "eql"', "query = '''", 'process where x = 1', "'''", ''].join('\n'));
    writeFileSync(join(dir, 'events.ndjson'), '{"a": 1}\n');
    const r = runEql(['parse', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${join(dir, 'windows', 'b.toml')}#b:5:17: error eql/assign-equality`);
    expect(r.stdout.trim().split('\n').pop()).toBe('2 queries, 1 with errors');
  });

  it('reads Kibana exports, skipping and counting other languages', () => {
    const lines = [
      { rule_id: 'a', language: 'eql', query: 'process where true', index: ['x'] },
      { rule_id: 'b', language: 'kuery', query: 'x: 1' },
      { rule_id: 'c', language: 'eql', query: 'process where x = 1' },
      { exported_count: 3 },
    ];
    const p = file('export.ndjson', lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const r = runEql(['parse', '--json', p]);
    expect(r.status).toBe(1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => [o.source, o.rule_id, o.ok])).toEqual([
      [p, 'a', true],
      [p, 'c', false],
    ]);
    expect(out[0].ast.kind).toBe('statement');
    expect(out[1].diagnostics[0]).toMatchObject({ code: 'eql/assign-equality', severity: 'error', span: { start: 16, end: 17 }, line: 1, column: 17 });
    expect(r.stderr.trim()).toBe('2 queries, 1 with errors, 1 skipped (not EQL)');
  });

  it('reads a query from standard input', () => {
    const r = runEql(['parse', '-'], { input: 'any where true | head 3' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('1 query, 0 with errors');
  });

  it.each([
    [['parse', '--bogus', 'x.eql'], /^eql parse: unknown option --bogus/],
    [['parse'], /^eql parse: no input/],
    [['parse', join(tmp, 'missing.eql')], /no such file/],
    [['parse', emptyDir], /no \.eql or \.toml files in this folder/],
    [['frobnicate'], /^eql: unknown command `frobnicate`/],
  ])('bad usage %j gets one line and exit 2', (args, message) => {
    const r = runEql(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('eql fmt', () => {
  it('prints formatted queries, checks and rewrites in place', () => {
    const p = file('q.eql', 'process where a==1 and b:("x","y")');
    expect(runEql(['fmt', p]).stdout).toBe('process where a == 1 and b : ("x", "y")\n');
    const check = runEql(['fmt', '--check', p]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`${p}: not formatted`);
    expect(runEql(['fmt', '--write', p]).status).toBe(0);
    expect(readFileSync(p, 'utf8')).toBe('process where a == 1 and b : ("x", "y")\n');
    expect(runEql(['fmt', '--check', p]).status).toBe(0);
  });

  it('rewrites only the query of a TOML rule', () => {
    const head = '[rule]\nname = "n"\nquery = \'\'\'\n';
    const p = file('r.toml', `${head}process where a==1\n'''\n\n[metadata]\nx = 1\n`);
    expect(runEql(['fmt', '--write', p]).status).toBe(0);
    expect(readFileSync(p, 'utf8')).toBe(`${head}process where a == 1\n'''\n\n[metadata]\nx = 1\n`);
  });

  it('refuses to format a query that does not parse, and shows why', () => {
    const p = file('broken.eql', 'process where (');
    const r = runEql(['fmt', p]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${p}:1:16: error eql/syntax`);
  });
});
