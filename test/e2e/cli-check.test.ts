import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEql } from '../support/run-cli.js';
import { repoRoot, sharedPath } from '../support/shared.js';

const tmp = mkdtempSync(join(tmpdir(), 'eqlkit-check-'));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};
const seedRule = join(repoRoot, 'examples/msiexec-remote-file-execution.toml');
const lastLine = (s: string) => s.trim().split('\n').pop();

describe('eql check', () => {
  it('checks the seed rule clean against its own indexes', () => {
    const r = runEql(['check', seedRule]);
    expect(r.stdout.trim()).toBe('1 query, 0 with errors, 0 warnings');
    expect(r.status).toBe(0);
  });

  it('reports a misspelled field in the seed rule with its location in the TOML file and the right suggestion', () => {
    const p = file('misspelled.toml', readFileSync(seedRule, 'utf8').replace('integrity_level_name', 'integrity_level_nmae'));
    const r = runEql(['check', p]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${p}#b7c84f6e-2d1a-4c59-9e83-5f0a6d2e91c4:95:7: error eql/unknown-field: \`process.Ext.token.integrity_level_nmae\` is not a field`);
    expect(r.stdout).toContain('95 |       process.Ext.token.integrity_level_nmae == "high" and\n   |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^');
    expect(r.stdout).toContain('= fix: did you mean `process.Ext.token.integrity_level_name`?');
    expect(lastLine(r.stdout)).toBe('1 query, 1 with errors, 0 warnings');
  });

  it('checks the whole rule corpus without errors', () => {
    const r = runEql(['check', sharedPath('rules/eql-rules.jsonl')]);
    expect(r.stderr).toBe('');
    expect(lastLine(r.stdout)).toMatch(/^824 queries, 0 with errors, \d+ warnings$/);
    expect(r.status).toBe(0);
  });

  it('prints one JSON object per query, shaped like eql parse --json', () => {
    const r = runEql(['check', '--json', sharedPath('rules/eql-rules.jsonl')]);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(824);
    expect(out.every((o) => o.ok === true && typeof o.rule_id === 'string' && Number.isInteger(o.line))).toBe(true);
    const parsed = runEql(['parse', '--json', sharedPath('rules/eql-rules.jsonl')]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(Object.keys(out[0])).toEqual(Object.keys(parsed[0]).filter((k) => k !== 'ast'));
    const warned = out.find((o) => o.diagnostics.length > 0);
    expect(Object.keys(warned.diagnostics[0])).toEqual(expect.arrayContaining(['code', 'severity', 'message', 'span', 'line', 'column', 'endLine', 'endColumn']));
    expect(lastLine(r.stderr)).toMatch(/^824 queries, 0 with errors, \d+ warnings$/);
  });

  it('uses --index for files without an index list, and marks errors ok: false', () => {
    const p = file('pid.eql', 'process where process.pid == "x" and process.code_signature.trusted == "true"\n');
    const r = runEql(['check', '--json', '--index', 'logs-endpoint.events.process-*', p]);
    expect(r.status).toBe(1);
    const [o] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(o).toMatchObject({ source: p, ok: false });
    expect(o.diagnostics.map((d: { code: string }) => d.code)).toEqual(['eql/type-mismatch', 'eql/type-mismatch']);
    expect(o.diagnostics[1].suggestions[0].edits[0].text).toBe('true');
  });

  it('without any index, unknown fields are warnings against ECS + Defend fields', () => {
    const p = file('ecs.eql', 'process where process.nmae == "x"\n');
    const r = runEql(['check', p]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('warning eql/unknown-field');
    expect(r.stdout).toContain('did you mean `process.name`?');
  });

  it('layers --schema, --mapping and --events files; with no index they alone are the schema', () => {
    const flat = file('flat.json', JSON.stringify({ 'custom.count': 'long', 'custom.name': 'keyword' }));
    const mapping = file('mapping.json', JSON.stringify({ 'my-index': { mappings: { properties: { host: { properties: { risk: { type: 'double' } } } } } } }));
    const events = file('events.ndjson', `${JSON.stringify({ '@timestamp': '2024-01-01T00:00:00Z', user: { flag: true } })}\n`);
    const p = file('custom.eql', 'any where custom.count > 1 and custom.name : "a*" and host.risk < 0.5 and user.flag == true\n');
    expect(runEql(['check', '--schema', flat, '--mapping', mapping, '--events', events, p]).stdout.trim()).toBe('1 query, 0 with errors, 0 warnings');
    const bad = file('custom-bad.eql', 'any where custom.count == "many" and nope == 1\n');
    const r = runEql(['check', '--schema', flat, bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('error eql/type-mismatch');
    expect(r.stdout).toContain('error eql/unknown-field');
    // On top of an index's bundled schema, both are known:
    const both = file('both.eql', 'process where custom.count > 1 and process.name : "a*"\n');
    expect(runEql(['check', '--index', 'logs-endpoint.events.process-*', '--schema', flat, both]).stdout.trim()).toBe('1 query, 0 with errors, 0 warnings');
  });

  it('turns extension warnings into errors with --strict', () => {
    const p = file('legacy.eql', 'process where process.name == process.parent.name | unique process.name\n');
    const loose = runEql(['check', '--index', 'logs-endpoint.events.process-*', p]);
    expect(loose.status).toBe(0);
    expect(loose.stdout).toContain('warning eql/field-comparison');
    expect(loose.stdout).toContain('warning eql/legacy-pipe');
    const strict = runEql(['check', '--strict', '--index', 'logs-endpoint.events.process-*', p]);
    expect(strict.status).toBe(1);
    expect(lastLine(strict.stdout)).toBe('1 query, 1 with errors, 0 warnings');
  });

  it.each([
    [['check', '--json', '--sarif', 'x.eql'], /--json and --sarif cannot be combined/],
    [['check'], /no input/],
    [['check', '--bogus', 'x.eql'], /unknown option --bogus/],
    [['check', join(tmp, 'missing.eql')], /missing\.eql: no such file/],
    [['check', '--schema', join(tmp, 'missing.json'), seedRule], /missing\.json: no such file/],
  ])('exits 2 for usage and input errors: %j', (args, message) => {
    const r = runEql(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('eql check --sarif', () => {
  it('writes a valid SARIF 2.1.0 log with rules, file locations and fixes', () => {
    const toml = file('sarif.toml', readFileSync(seedRule, 'utf8').replace('integrity_level_name', 'integrity_level_nmae').replace('process.args : "/V"', 'process.args == "/V*"'));
    const exported = file('export.ndjson', `${JSON.stringify({ rule_id: 'r1', language: 'eql', index: ['logs-endpoint.events.process-*'], query: 'process where\n  length~(process.name) > 1' })}\n`);
    const r = runEql(['check', '--sarif', toml, exported], { cwd: tmp });
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(sarifProblems(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(['eql/wildcard-in-equality', 'eql/unknown-field', 'eql/no-case-insensitive-variant']);
    const unknown = run.results.find((x: { ruleId: string }) => x.ruleId === 'eql/unknown-field');
    expect(unknown).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'sarif.toml' }, region: { startLine: 95, startColumn: 7, endLine: 95, endColumn: 45 } } }] });
    expect(unknown.fixes[0]).toMatchObject({
      description: { text: 'did you mean `process.Ext.token.integrity_level_name`?' },
      artifactChanges: [{ artifactLocation: { uri: 'sarif.toml' }, replacements: [{ deletedRegion: { startLine: 95, startColumn: 7 }, insertedContent: { text: 'process.Ext.token.integrity_level_name' } }] }],
    });
    const fromExport = run.results.find((x: { ruleId: string }) => x.ruleId === 'eql/no-case-insensitive-variant');
    expect(fromExport.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'export.ndjson' }, region: { startLine: 1 } });
    expect(fromExport.message.text).toMatch(/\(query line 2, column 3\)$/);
    expect(run.results.find((x: { ruleId: string }) => x.ruleId === 'eql/wildcard-in-equality').level).toBe('warning');
    expect(lastLine(r.stderr)).toBe('2 queries, 2 with errors, 1 warning');
  });

  it('writes an empty but valid log when there is nothing to report', () => {
    const log = JSON.parse(runEql(['check', '--sarif', seedRule]).stdout);
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0].results).toEqual([]);
  });
  it('points into the file through the escapes and line continuations of a "…" or """…""" query', () => {
    const basic = file('basic.toml', '[rule]\nindex = ["logs-endpoint.events.process-*"]\nquery = "process where process.name == \\"a\\" and process.nmae == \\"b\\""\n');
    const r = runEql(['check', basic]);
    expect(r.stdout).toContain(`${basic}:3:50: error eql/unknown-field`);
    const ml = file('multi.toml', '[rule]\nindex = ["logs-endpoint.events.process-*"]\nquery = """\nprocess where \\\n   process.name == \\"a\\" and\n  process.nmae == "b"\n"""\n');
    const r2 = runEql(['check', ml]);
    expect(r2.stdout).toContain(`${ml}:6:3: error eql/unknown-field`);
    expect(r2.stdout).toContain('6 |   process.nmae == "b"');
  });
});

/** The essential structure of SARIF 2.1.0 (sarif-schema-2.1.0.json), checked by hand: a list of problems. */
function sarifProblems(log: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const need = (cond: boolean, what: string) => {
    if (!cond) problems.push(what);
  };
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const isPosInt = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;
  need(log.version === '2.1.0', 'version must be "2.1.0"');
  need(typeof log.$schema === 'string', '$schema should name the SARIF schema');
  need(Array.isArray(log.runs) && log.runs.length > 0, 'runs must be a non-empty array');
  for (const [ri, run] of ((log.runs as unknown[]) ?? []).entries()) {
    if (!isObj(run)) {
      problems.push(`runs[${ri}] is not an object`);
      continue;
    }
    const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : undefined;
    need(typeof driver?.name === 'string', `runs[${ri}].tool.driver.name is required`);
    const rules = Array.isArray(driver?.rules) ? (driver.rules as Record<string, unknown>[]) : [];
    const ids = rules.map((r) => r.id);
    need(new Set(ids).size === ids.length, 'rule ids must be unique');
    for (const r of rules) {
      need(typeof r.id === 'string', 'rule.id is required');
      need(isObj(r.shortDescription) && typeof r.shortDescription.text === 'string', `rule ${String(r.id)} needs shortDescription.text`);
      need(isObj(r.help) && typeof r.help.text === 'string', `rule ${String(r.id)} needs help.text`);
      const lvl = isObj(r.defaultConfiguration) ? r.defaultConfiguration.level : undefined;
      need(['none', 'note', 'warning', 'error'].includes(String(lvl)), `rule ${String(r.id)} has a bad default level`);
    }
    need(['utf16CodeUnits', 'unicodeCodePoints', undefined].includes(run.columnKind as string | undefined), 'bad columnKind');
    need(Array.isArray(run.results), `runs[${ri}].results must be an array`);
    for (const [i, res] of ((run.results as Record<string, unknown>[]) ?? []).entries()) {
      const at = `results[${i}]`;
      need(isObj(res.message) && typeof res.message.text === 'string' && res.message.text.length > 0, `${at}.message.text is required`);
      need(['none', 'note', 'warning', 'error'].includes(String(res.level)), `${at}.level is not a SARIF level`);
      need(typeof res.ruleId === 'string' && ids.includes(res.ruleId), `${at}.ruleId must name a rule`);
      need(res.ruleIndex === undefined || ids[res.ruleIndex as number] === res.ruleId, `${at}.ruleIndex must point at its rule`);
      for (const loc of (res.locations as Record<string, unknown>[]) ?? []) {
        const phys = isObj(loc.physicalLocation) ? loc.physicalLocation : undefined;
        need(isObj(phys?.artifactLocation) && typeof phys.artifactLocation.uri === 'string', `${at}: physicalLocation.artifactLocation.uri is required`);
        const region = phys?.region;
        if (region !== undefined) {
          need(isObj(region) && isPosInt(region.startLine), `${at}: region.startLine must be a positive integer`);
          for (const k of ['startColumn', 'endLine', 'endColumn']) if (isObj(region) && region[k] !== undefined) need(isPosInt(region[k]), `${at}: region.${k} must be a positive integer`);
        }
      }
      for (const fix of (res.fixes as Record<string, unknown>[]) ?? []) {
        need(Array.isArray(fix.artifactChanges) && fix.artifactChanges.length > 0, `${at}: a fix needs artifactChanges`);
        for (const ch of (fix.artifactChanges as Record<string, unknown>[]) ?? []) {
          need(isObj(ch.artifactLocation) && Array.isArray(ch.replacements), `${at}: an artifactChange needs artifactLocation and replacements`);
          for (const rep of (ch.replacements as Record<string, unknown>[]) ?? []) need(isObj(rep.deletedRegion) && isPosInt(rep.deletedRegion.startLine), `${at}: a replacement needs deletedRegion.startLine`);
        }
      }
    }
  }
  return problems;
}
