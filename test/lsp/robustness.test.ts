import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { initialize, spawnServer, type LspClient } from '../support/lsp-client.js';
import { randomEdits } from './robustness.js';
import { exampleRule } from './scenario.js';

/** Resident memory of a process in MB (Linux). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

describe('eql lsp on broken input', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = spawnServer();
    await initialize(client);
  });
  afterAll(async () => {
    await client.stop();
    expect(client.child?.exitCode).toBe(0);
  });

  it('answers every request through 10,000 random edits of the example rule, memory flat', async () => {
    const pid = client.child!.pid!;
    const uri = pathToFileURL(join(tmpdir(), 'random-edits.toml')).href;
    // Warm up (the first few thousand edits settle caches and the JIT), then measure over the rest.
    const warm = await randomEdits(client, uri, 2000, 1);
    const before = rssMb(pid);
    const run = await randomEdits(client, uri, 10_000, 2);
    const after = rssMb(pid);
    expect(warm.internalErrors).toEqual([]);
    expect(run.internalErrors).toEqual([]);
    expect(run.answered + run.cancelled).toBe(run.requests);
    expect(client.child!.exitCode).toBeNull();
    expect(after - before, `resident memory ${before.toFixed(0)} MB → ${after.toFixed(0)} MB`).toBeLessThan(150);
    // Still in sync: the server's diagnostics of the final text arrive.
    const v = client.change(uri, [{ text: readFileSync(exampleRule, 'utf8') }]);
    expect(await client.diagnostics(uri, v)).toEqual([]);
  });

  it('gives a 1 MB document of garbage its diagnostics within seconds, and stays responsive', async () => {
    let garbage = '';
    let x = 12345;
    const alphabet = 'abcxyz_.[]()"\'\\|:=<>!~ \n\t0123456789and or where process sequence by';
    while (garbage.length < 1 << 20) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      garbage += alphabet[x % alphabet.length];
    }
    for (const [name, lang] of [['garbage.eql', 'eql'], ['garbage.toml', 'toml']] as const) {
      const uri = pathToFileURL(join(tmpdir(), name)).href;
      const started = Date.now();
      client.open(uri, lang, lang === 'toml' ? `[rule]\nlanguage = "eql"\nquery = '''\n${garbage}\n'''\n` : garbage);
      const diagnostics = await client.diagnostics(uri, undefined, 30_000);
      expect(Date.now() - started).toBeLessThan(20_000);
      if (lang === 'eql') expect(diagnostics.length).toBeGreaterThan(0);
      // Answered (an internal error would reject), while the document is still open.
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 5 } });
      client.close(uri);
    }
  });
});
