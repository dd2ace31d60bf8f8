// `eql repl` in a real terminal (tmux): type a multi-line sequence query with a misspelt field, see the live error
// with its did-you-mean, fix it with Tab completion, run it, see the grouped result table and the status line; Up
// recalls it; Ctrl-C cancels a long scan and the prompt comes back; .exit leaves. Each step is one write to the
// terminal, then a wait for its echo (as a person types).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared.js';

const session = `eqlkit-repl-${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'eqlkit-tmux-'));
// A server of its own (-L), so the test never touches the user's tmux sessions.
const socket = ['-L', session];
const tmux = (...args: string[]) => execFileSync('tmux', [...socket, ...args], { encoding: 'utf8' });
const alive = () => spawnSync('tmux', [...socket, 'has-session', '-t', session]).status === 0;
/** The whole screen with its scrollback. */
const screen = () => tmux('capture-pane', '-p', '-J', '-t', session, '-S', '-400');
/** The screen below the last prompt that starts an input. */
const lastInput = () => {
  const s = screen();
  return s.slice(s.lastIndexOf('eql> '));
};

async function waitFor(what: string, test: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${screen()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
/** Types text literally (one write), then waits for `echo`. */
async function type(text: string, echo: (s: string) => boolean, what: string): Promise<void> {
  tmux('send-keys', '-t', session, '-l', text);
  await waitFor(what, () => echo(lastInput()));
}
/** Presses keys (tmux key names, one write), then waits. */
async function press(keys: string[], until: (s: string) => boolean, what: string): Promise<void> {
  tmux('send-keys', '-t', session, ...keys);
  await waitFor(what, () => until(screen()));
}

let big = '';
beforeAll(() => {
  // About 350 MB of events: a scan long enough to cancel.
  const example = readFileSync(join(repoRoot, 'examples/msiexec-events.ndjson'), 'utf8');
  big = join(dir, 'big.ndjson');
  writeFileSync(big, example.repeat(300));
  const eql = join(repoRoot, 'packages/cli/bin/eql.cjs');
  const cmd = `cd ${repoRoot} && env XDG_STATE_HOME=${dir}/state COLUMNS= node ${eql} repl examples/msiexec-events.ndjson`;
  tmux('new-session', '-d', '-s', session, '-x', '170', '-y', '50', cmd);
});
afterAll(() => {
  spawnSync('tmux', [...socket, 'kill-server']);
  rmSync(dir, { recursive: true, force: true });
});

describe('eql repl in tmux', () => {
  it('types, corrects with Tab, runs, recalls, cancels and leaves', async () => {
    await waitFor('the banner', () => screen().includes('.help lists the commands'));
    await type('sequence by process.entity_id with maxspan=1m', (s) => s.includes('maxspan=1m'), 'line 1');
    await press(['Enter'], (s) => /^\.\.\.>/m.test(s), 'a continuation prompt');
    await type('  [process where process.nmae : "msiexec.exe" and process.args : "/V"]', (s) => s.includes('"/V"]'), 'line 2');
    await press(['Enter'], (s) => (s.match(/^\.\.\.>/gm) ?? []).length >= 2, 'a second continuation prompt');
    await type('  [network where event.action == "connection_attempted"] | head 3', (s) => s.includes('"connection_attempted"] | head 3'), 'line 3');
    // The live error under the input, with its did-you-mean.
    await waitFor('the live error', () => /error eql\/unknown-field \(line 2\)/.test(lastInput()) && lastInput().includes('did you mean `process.name`?'));
    // Up to line 2, to its start, right past `process.nmae`, delete `nmae`, type `na`, Tab.
    await press(['Up', 'Home'], () => true, 'the cursor on line 2');
    const past = '  [process where process.nmae'.length;
    await press(Array.from({ length: past }, () => 'Right'), () => true, 'the cursor after the field');
    await press(['BSpace', 'BSpace', 'BSpace', 'BSpace'], () => /process where process\. :/.test(lastInput()), 'the misspelt segment deleted');
    await type('na', (s) => /process\.na :/.test(s), 'the start of the segment');
    tmux('send-keys', '-t', session, 'Tab');
    await waitFor('the completion', () => /process\.name :/.test(lastInput()) || /\d+\/\d+ {2}Tab/.test(lastInput()));
    if (!/process\.name :/.test(lastInput())) {
      // Several candidates: the menu is open; the first is process.name (ECS fields first).
      await waitFor('process.name among the candidates', () => /^\W*process\.name\b/m.test(lastInput().split('\n').slice(1).join('\n')) || lastInput().includes(' name '));
      await press(['Enter'], () => /process\.name :/.test(lastInput()), 'the chosen candidate');
    }
    await waitFor('the error gone', () => !lastInput().includes('unknown-field'), 5_000);
    // Run: the grouped table and the status line.
    await press(['Enter'], (s) => /── 3 sequences · \d+ ms · 586 events read/.test(s), 'the status line');
    expect(screen()).toMatch(/^sequence 1 {2}process\.entity_id=\S+/m);
    expect(screen()).toMatch(/^1\.1 +2024-06-11T\S+ +process /m);
    expect(screen()).toMatch(/^1\.2 +2024-06-11T\S+ +network /m);
    // Up recalls the whole multi-line query.
    await press(['Up'], () => lastInput().startsWith('eql> sequence by process.entity_id with maxspan=1m') && lastInput().includes('process.name : "msiexec.exe"'), 'the recalled query');
    await press(['C-u'], () => /^eql>\s*$/m.test(lastInput().split('\n')[0]), 'a cleared input');
    // A long scan, cancelled with Ctrl-C: the prompt comes back and the session goes on.
    await type(`.load ${big}`, (s) => s.includes('big.ndjson'), 'the load command');
    await press(['Enter'], (s) => /loaded 1 file \(\d+\.\d MiB\); 2 inputs in all/.test(s), 'the data loaded');
    await type('any where process.pid > 99999999', (s) => s.includes('99999999'), 'the scan');
    await press(['Enter'], (s) => /\d+%\s+[\d.]+ MiB of [\d.]+ MiB/.test(s), 'the progress bar');
    await press(['C-c'], (s) => /cancelled after [\d.]+ (ms|s)/.test(s), 'the cancellation');
    await type('.stats', (s) => s.includes('.stats'), 'the next command');
    await press(['Enter'], (s) => /memory \(RSS\)\s+\d+ MiB now/.test(s), 'the session answering');
    // Leave.
    await type('.exit', (s) => s.includes('.exit'), 'the exit command');
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor('the REPL to end', () => !alive());
    const history = readFileSync(join(dir, 'state/eqlkit/repl_history'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string);
    expect(history).toContain('sequence by process.entity_id with maxspan=1m\n  [process where process.name : "msiexec.exe" and process.args : "/V"]\n  [network where event.action == "connection_attempted"] | head 3');
  });
});
