// `eql repl` in piped mode (standard input not a terminal): every meta-command, the output formats, errors with
// their location on standard error, and the exit statuses (0 all ran, 1 a query or command had errors, 2 unreadable
// input). Runs the built command, as a user's shell would.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEql } from '../support/run-cli.js';

const DATA = 'examples/msiexec-events.ndjson';
const RULE = 'examples/msiexec-remote-file-execution.toml';
const repl = (script: string, args: string[] = [DATA], env: Record<string, string> = {}) => runEql(['repl', ...args], { input: script, env: { XDG_STATE_HOME: stateDir, ...env } });
let stateDir = '';
let dir = '';

beforeAll(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'eqlkit-repl-state-'));
  dir = mkdtempSync(join(tmpdir(), 'eqlkit-repl-'));
});
afterAll(() => {
  rmSync(stateDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('eql repl, piped', () => {
  it('runs queries, one per line, with the table by default and a status line', () => {
    const r = repl('process where process.name : "msiexec.exe" and process.args : "/V" | head 2\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^#\s+timestamp\s+event\.category\s+source\s+process\.name\s+process\.args/);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/2 events · \d+ ms · 586 events read/);
  });

  it('continues a query while a bracket is open, or when the next line starts with a pipe or a stage', () => {
    const r = repl(['sequence by process.entity_id with maxspan=1m', '  [process where process.name : "msiexec.exe" and', '     process.args : "/V"]', '  [network where event.action == "connection_attempted"]', '| head 1', '.format ndjson', 'process where', '  process.name == "cmd.exe" | head 1', ''].join('\n'));
    expect(r.stderr).toMatch(/1 event · /);
    expect(r.status).toBe(0);
    const [table, json] = r.stdout.split('format: ndjson\n');
    expect(table).toMatch(/^sequence 1 {2}process\.entity_id=\S+$/m);
    expect(table).toMatch(/1 sequence · /);
    expect(JSON.parse(json.trim())._source.process.name).toBe('cmd.exe');
  });

  it('reports a query error with its location and did-you-mean on stderr, goes on, and exits 1', () => {
    const r = repl('process where true | head 1\n\nprocess where process.nmae == "x"\nprocess where true | head 1\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('<stdin>:3:15: error eql/unknown-field');
    expect(r.stderr).toContain('did you mean `process.name`?');
    expect(r.stdout.match(/1 event · /g)).toHaveLength(2);
  });

  it('exits 2 for input that is not text, and for data that cannot be read', () => {
    const bad = runEql(['repl', DATA], { input: Buffer.from([0x70, 0xff, 0xfe, 0x0a]) as unknown as string });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('cannot read standard input');
    const missing = repl('.files\n', ['no-such-file.ndjson']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no-such-file.ndjson');
  });

  it('.help lists every command from the registry; .help NAME explains one', () => {
    const r = repl('.help\n.help stages\n');
    expect(r.status).toBe(0);
    for (const c of ['help', 'load', 'files', 'fields', 'indexes', 'set', 'format', 'explain', 'fmt', 'check', 'stages', 'timeline', 'export', 'stats', 'exit']) expect(r.stdout).toMatch(new RegExp(`^  \\.${c}\\b`, 'm'));
    expect(r.stdout).toMatch(/^\.stages \[QUERY\] {2}per-stage match counts/m);
    expect(repl('.help nothing\n').status).toBe(1);
  });

  it('.load adds event files, runs a rule with its own index, and .files lists what is loaded', () => {
    const r = repl(`.load ${RULE}\n.files\n`, []);
    expect(r.stderr).toContain('no event data loaded');
    expect(r.status).toBe(1);
    const ok = repl(`.load ${DATA}\n.files\n.load ${RULE}\n`, []);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/loaded 1 file \(1\.\d MiB\); 1 input in all, \d+ fields known/);
    expect(ok.stdout).toMatch(/1\.\d MiB {2}examples\/msiexec-events\.ndjson/);
    expect(ok.stdout).toContain('rule Potential Remote File Execution via MSIEXEC (index logs-endpoint.events.process-*, logs-endpoint.events.network-*)');
    expect(ok.stdout).toMatch(/9 sequences · /);
    const eql = join(dir, 'q.eql');
    writeFileSync(eql, 'process where process.nmae == "x"\n');
    const bad = repl(`.load ${eql}\n`);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`${eql}:1:15: error eql/unknown-field`);
  });

  it('.fields lists the fields of the data with types and counts; .indexes switches the schemas that check', () => {
    const r = repl('.fields process.parent.n\n.indexes logs-endpoint.events.*\n.indexes\n.indexes default\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^process\.parent\.name\s+\S+\s+341\s+58\.2%$/m);
    expect(r.stdout).toContain('indexes: logs-endpoint.events.*');
    expect(r.stdout).toMatch(/checked against: .*endpoint/);
    expect(r.stdout).toContain('indexes: default');
  });

  it('.set and .format change how results come out', () => {
    const r = repl('.set size 1\n.set result-position head\n.format csv\nprocess where process.name == "cmd.exe"\n.format es\nprocess where process.name == "cmd.exe"\n.set\n.set size many\n.format xml\n');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^timestamp,event\.category,source,process\.name\r?$/m);
    const es = JSON.parse(r.stdout.split('\n').find((l) => l.startsWith('{'))!);
    expect(es.hits.events).toHaveLength(1);
    expect(r.stdout).toMatch(/^size\s+1$/m);
    expect(r.stderr).toContain('size needs a whole number');
    expect(r.stderr).toContain('format must be one of table, ndjson, es, csv');
  });

  it('.explain shows index queries, scripts and the pre-filter; .fmt and .check work on the text given or the last query', () => {
    const r = repl('.explain process where process.name : "msiexec.exe" and length(process.args) > 2\n.fmt process  where   process.name=="a"\n.check process where process.name == "a"\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('process.name : ["msiexec.exe"]  (wildcard query, case-insensitive)');
    expect(r.stdout).toContain('script: length(process.args) > 2');
    expect(r.stdout).toMatch(/a line is parsed only if its text contains .*"msiexec\.exe" \(any case\)/);
    expect(r.stdout).toContain('process where process.name == "a"');
    expect(r.stdout).toContain('no problems');
    const bad = repl('.check process where process.nmae == 1\n');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('<stdin>:1:22: error eql/unknown-field');
  });

  it('.stages shows the matches of each stage, and which stage stops a near miss', () => {
    const seq = (cond: string) => `sequence by process.entity_id with maxspan=1m [process where host.name == "WS-KIOSK-03" and ${cond} and process.name : "msiexec.exe"] [network where event.action == "connection_attempted"] [process where process.parent.name : "msiexec.exe"]`;
    const r = repl(`.stages ${seq('host.os.type == "windows"')}\n.stages ${seq('host.os.type : "windows"')}\n`);
    expect(r.status).toBe(0);
    const [miss, hit] = r.stdout.split(/(?=^stage 1 {2})/m).filter((p) => p.startsWith('stage 1'));
    expect(miss).toMatch(/^stage 1\s+0 events/m);
    expect(miss).toContain('stage 1 matched no event, so no sequence can complete');
    expect(hit).toMatch(/^stage 1\s+[1-9]\d* events?/m);
    expect(hit).not.toContain('no sequence can complete');
  });

  it('.stages finds the stage that no partial sequence reaches when every stage matched', () => {
    const r = repl('.stages sequence by process.entity_id [process where process.name : "msiexec.exe"] [process where process.parent.name == "nothing-like-this"] [network where true]\n.stages sequence by user.id [process where user.id == "S-1-5-18"] [network where user.id != "S-1-5-18"] [process where true]\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('stage 2 matched no event');
    expect(r.stdout).toContain('stages 1–2 alone: 0 sequences');
    expect(r.stdout).toContain('no event of stage 2 follows a partial sequence of stages 1–1');
    const last = repl('.stages sequence by process.entity_id with maxspan=1m [process where process.name : "msiexec.exe" and process.args : "/V"] [network where event.action == "connection_attempted"] [process where host.name == "WS-KIOSK-03"]\n');
    expect(last.status).toBe(0);
    expect(last.stdout).toMatch(/^stage 3\s+17 events/m);
    expect(last.stdout).toMatch(/stages 1–2 alone: [1-9]\d* sequences/);
    expect(last.stdout).toContain('no event of stage 3 follows one of those partial sequences with the same join keys within the maxspan');
  });

  it('.timeline draws the matches over time; .show expands one result to its JSON; .stats tells what was read', () => {
    const r = repl('process where process.name : "msiexec.exe"\n.timeline\n.show 2\n.stats\n.show 999\n');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^2024-06-11T13:\d\d:\d\dZ\s+\d+ █+$/m);
    expect(r.stdout).toMatch(/\d+ matches by \d+[smh]/);
    expect(r.stdout).toContain('"_index": "msiexec-events.ndjson"');
    expect(r.stdout).toMatch(/^events read\s+586$/m);
    expect(r.stdout).toMatch(/^memory \(RSS\)\s+\d+ MiB now/m);
    expect(r.stderr).toContain('give a result number from 1 to');
  });

  it('.timeline draws a result of hundreds of thousands of matches (no stack overflow)', () => {
    const big = join(stateDir, 'many.ndjson');
    const start = Date.parse('2024-01-01T00:00:00Z');
    writeFileSync(big, Array.from({ length: 300_000 }, (_, i) => `{"@timestamp":"${new Date(start + i * 1000).toISOString()}","event":{"category":"process"}}\n`).join(''));
    const r = repl('process where true\n.timeline\n', ['--format', 'ndjson', big]);
    expect(r.stderr).not.toContain('Maximum call stack');
    expect(r.stdout).toMatch(/300000 matches by \d+[smhd]/);
  });

  it('.export writes the last results as NDJSON or CSV by extension, atomically', () => {
    const nd = join(dir, 'out.ndjson');
    const csv = join(dir, 'out.csv');
    const r = repl(`process where process.name == "cmd.exe"\n.export ${nd}\n.export ${csv}\n.export ${join(dir, 'out.txt')}\n`);
    expect(r.status).toBe(1);
    const lines = readFileSync(nd, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines[0])._source.process.name).toBe('cmd.exe');
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toBe('timestamp,event.category,source,process.name');
    expect(r.stderr).toContain('the extension says the format');
  });

  it('.exit stops reading: what follows does not run', () => {
    const r = repl('.exit\nprocess where process.nmae == 1\n');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('never lets event data act on the terminal', () => {
    const evil = join(dir, 'evil.ndjson');
    writeFileSync(evil, JSON.stringify({ '@timestamp': '2024-01-01T00:00:00Z', event: { category: 'process' }, process: { name: 'x\u001b]0;pwned\u0007\u001b[2J\u202eexe' } }) + '\n');
    const r = repl('process where process.name != null\n.format ndjson\nprocess where true\n.fields\n', [evil]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(r.stdout).toContain('\\x1B]0;pwned');
  });

  it('reads the project configuration above the data: its indexes and field settings apply', () => {
    const project = join(dir, 'project');
    mkdirSync(project, { recursive: true });
    copyFileSync(DATA, join(project, 'events.ndjson'));
    writeFileSync(join(project, '.eqlkit.json'), JSON.stringify({ indexes: ['logs-endpoint.events.process-*'], eventCategoryField: 'data_stream.dataset' }));
    const r = repl('.indexes\n"endpoint.events.network" where true | head 1\n', [join(project, 'events.ndjson')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('indexes: logs-endpoint.events.process-*');
    expect(r.stdout).toMatch(/^#\s+timestamp\s+data_stream\.dataset\s/m);
    expect(r.stdout).toMatch(/endpoint\.events\.network/);
    const bad = join(dir, 'bad');
    mkdirSync(bad, { recursive: true });
    copyFileSync(DATA, join(bad, 'events.ndjson'));
    writeFileSync(join(bad, '.eqlkit.json'), '{ "indexes": 3 ');
    const broken = repl('.files\n', [join(bad, 'events.ndjson')]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('.eqlkit.json:');
  });
});
