// The Ink app through ink-testing-library: live diagnostics, completion of meta-commands from the registry,
// multi-line input, running a query into a grouped table and status line, history recall and search.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterAll, describe, expect, it } from 'vitest';
import { History } from '../input/history.js';
import { ReplSession } from '../session/session.js';
import { App } from './app.js';

const root = join(import.meta.dirname, '../../../..');
const data = join(root, 'examples/msiexec-events.ndjson');
const dir = mkdtempSync(join(tmpdir(), 'eqlkit-app-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KEYS = { enter: '\r', tab: '\t', up: '\u001b[A', ctrlU: '\u0015', ctrlR: '\u0012', ctrlA: '\u0001', ctrlK: '\u000b', escape: '\u001b' };

async function until(frames: () => string, test: (f: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const f = frames();
    if (test(f)) return f;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the end of the last frame:\n${f.split("\n").slice(-12).join("\n")}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function start(historyFile = join(dir, `h-${Math.random()}`), pageRows = 200) {
  const session = new ReplSession({ data: [data], cwd: root });
  await session.learnData();
  const history = new History(historyFile);
  const app = render(<App session={session} history={history} cwd={root} pageRows={pageRows} />);
  const plain = (t: string) => t.replace(/\u001b\[[0-9;]*m/g, '');
  const all = () => plain(app.frames.join('\n'));
  // One write per step, then wait for the screen to show it.
  const type = async (text: string, expect: (f: string) => boolean, what: string) => {
    app.stdin.write(text);
    return until(() => plain(app.lastFrame() ?? ''), expect, what);
  };
  return { app, all, type, history };
}

describe('the REPL app', () => {
  it('shows the live error with its did-you-mean under the input, and clears it once fixed', async () => {
    const { app, type } = await start();
    await type('process where process.nmae == "x"', (f) => f.includes('did you mean `process.name`?'), 'the live diagnostic');
    const frame = app.lastFrame()!;
    expect(frame).toMatch(/\n {19}\^{12}\n/);
    await type(KEYS.ctrlA, () => true, 'home');
    await type(KEYS.ctrlU, (f) => !f.includes('did you mean'), 'a cleared input');
    await type('process where process.name == "x"', (f) => f.includes('process.name == "x"'), 'the fixed input');
    await new Promise((r) => setTimeout(r, 300));
    expect(app.lastFrame()).not.toContain('error');
    app.unmount();
  });

  it('completes meta-commands from the registry and runs them', async () => {
    const { app, type, all } = await start();
    await type('.he', (f) => f.includes('.he'), 'typed text');
    await type(KEYS.tab, (f) => f.includes('eql> .help'), 'the completed command');
    await type(KEYS.enter, () => all().includes('.timeline'), 'the help text');
    await type(KEYS.ctrlU, (f) => f.trimEnd().endsWith('eql>'), 'an empty input');
    await type('.e', (f) => f.includes('eql> .e'), 'typed text');
    await type(KEYS.tab, (f) => f.includes('eql> .ex'), 'the common prefix');
    await type(KEYS.tab, (f) => f.includes('1/3'), 'the completion menu');
    await type(KEYS.tab, (f) => f.includes('2/3'), 'the next candidate');
    await type(KEYS.enter, (f) => f.includes('eql> .export') && !f.includes('2/3'), 'the chosen candidate');
    app.unmount();
  });

  it('continues a multi-line sequence, runs it into a grouped table with a status line, and Up recalls it', async () => {
    const historyFile = join(dir, 'history');
    const { app, type, all } = await start(historyFile);
    await type('sequence by process.entity_id with maxspan=1m', (f) => f.includes('maxspan=1m'), 'line 1');
    await type(KEYS.enter, (f) => f.includes('...>'), 'a continuation line');
    await type('  [process where process.name : "msiexec.exe" and process.args : "/V"]', (f) => f.includes('"/V"]'), 'line 2');
    await type(KEYS.enter, (f) => f.split('...>').length === 3, 'a second continuation line');
    await type('  [network where event.action == "connection_attempted"] | head 2', (f) => f.includes('| head 2'), 'line 3');
    await type(KEYS.enter, () => /2 sequences · \d+ ms · 586 events read/.test(all()), 'the status line');
    const out = all();
    expect(out).toMatch(/sequence 1 {2}process\.entity_id=\S+/);
    expect(out).toMatch(/1\.2 +2024-06-11T/);
    await type(KEYS.up, (f) => f.includes('...>') && f.includes('| head 2'), 'the recalled query');
    app.unmount();
    expect(JSON.parse(readFileSync(historyFile, 'utf8').trim().split('\n').at(-1)!)).toContain('[network where event.action == "connection_attempted"]');
  });

  it('searches the history with Ctrl-R', async () => {
    const { app, type, history } = await start();
    history.add('process where process.name == "cmd.exe"');
    history.add('network where true');
    await type(KEYS.ctrlR, (f) => f.includes('history search'), 'the search prompt');
    await type('cmd', (f) => f.includes('"cmd.exe"'), 'the match');
    await type(KEYS.enter, (f) => f.includes('eql> process where process.name == "cmd.exe"'), 'the accepted entry');
    app.unmount();
  });

  it('reports a query error with its location instead of running it, and keeps the session', async () => {
    const { app, type, all } = await start();
    await type('process where process.nmae == "x"', (f) => f.includes('did you mean'), 'the diagnostic');
    await type(KEYS.enter, () => all().includes('<input>:1:15: error eql/unknown-field'), 'the reported error');
    await type('.stats', (f) => f.includes('.stats'), 'next input');
    await type(KEYS.enter, () => all().includes('no query has run yet'), 'the session answering');
    app.unmount();
  });

  it('pages a long result: Space shows the next page, q stops and shows the status line', async () => {
    const { app, type, all } = await start(undefined, 10);
    await type('process where process.name : "msiexec.exe"', (f) => f.includes('"msiexec.exe"'), 'the query');
    await type(KEYS.enter, (f) => /rows 10 of 82: Space next page/.test(f), 'the pager');
    expect(all()).not.toMatch(/── 81 events/);
    await type(' ', (f) => /rows 20 of 82/.test(f), 'the next page');
    await type('q', () => /\(62 more rows not shown\)/.test(all()) && /── 81 events · /.test(all()), 'the pager closed');
    await type('.stats', (f) => f.includes('eql> .stats'), 'the prompt back');
    app.unmount();
  });
});
