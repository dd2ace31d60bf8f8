import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancellationTokenSource, ExecuteCommandRequest, HoverRequest, WorkDoneProgress, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver-protocol/node';
import { initialize, spawnServer, type LspClient } from '../support/lsp-client.js';

type Progress = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/** Dry runs over event files big enough to take a while: $/progress, cancellation, settings, errors. */
describe('eql.dryRun over large event files', () => {
  let client: LspClient;
  let dir = '';
  let big = '';
  const query = 'sequence by host.id [process where process.name == "a.exe"] [process where process.name == "b.exe"]';
  let uri = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eqlkit-dry-run-'));
    big = join(dir, 'big.ndjson');
    const line = (i: number) => JSON.stringify({ '@timestamp': 1_700_000_000_000 + i, event: { category: 'process' }, host: { id: `h${i % 13}` }, process: { name: i % 3 ? 'a.exe' : 'b.exe', args: ['x'.repeat(300)] } });
    const lines: string[] = [];
    for (let i = 0; i < 120_000; i++) lines.push(line(i)); // ~45 MB: worker threads take it
    writeFileSync(big, lines.join('\n') + '\n');
    writeFileSync(join(dir, 'small.ndjson'), lines.slice(0, 3000).join('\n') + '\n');
    client = spawnServer();
    client.settings = { sampleEvents: [join(dir, 'small.ndjson')] };
    await initialize(client);
    uri = pathToFileURL(join(dir, 'q.eql')).href;
    client.open(uri, 'eql', query);
    await client.diagnostics(uri);
  });
  afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports $/progress and stops when cancelled', async () => {
    const progress: Progress[] = [];
    const token = 'dry-run-1';
    const listener = client.connection.onProgress(WorkDoneProgress.type, token, (p) => progress.push(p));
    const source = new CancellationTokenSource();
    const started = Date.now();
    const run = client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'eql.dryRun', arguments: [{ uri, events: [big] }], workDoneToken: token }, source.token);
    await expect.poll(() => progress.filter((p) => p.kind === 'report').length, { timeout: 30_000, interval: 20 }).toBeGreaterThan(0);
    source.cancel();
    await expect(run).rejects.toMatchObject({ code: -32800 });
    expect(Date.now() - started).toBeLessThan(30_000);
    await expect.poll(() => progress.at(-1)?.kind, { timeout: 5000 }).toBe('end');
    expect(progress[0]).toMatchObject({ kind: 'begin', cancellable: true });
    listener.dispose();
  });

  it('runs to the end with rising progress, answering other requests meanwhile, and counts the stages', async () => {
    const progress: Progress[] = [];
    const token = 'dry-run-2';
    const listener = client.connection.onProgress(WorkDoneProgress.type, token, (p) => progress.push(p));
    let finished = false;
    const running = client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'eql.dryRun', arguments: [{ uri, events: [big] }], workDoneToken: token }).finally(() => (finished = true));
    // While it runs, the server keeps answering the editor.
    await expect.poll(() => progress.filter((p) => p.kind === 'report').length, { timeout: 30_000, interval: 20 }).toBeGreaterThan(0);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 30 } });
    expect(hover).not.toBeNull();
    expect(finished).toBe(false);
    const body = (await running) as { hits: { total: { value: number } }; eqlkit_stages: { matched: number }[] };
    expect(body.hits.total.value).toBe(39_995);
    expect(body.eqlkit_stages.map((s) => s.matched)).toEqual([80_000, 40_000]);
    const reports = progress.filter((p): p is WorkDoneProgressReport => p.kind === 'report').map((p) => p.percentage ?? 0);
    expect(reports.length).toBeGreaterThan(0);
    expect([...reports].sort((a, b) => a - b)).toEqual(reports);
    expect(progress.at(-1)?.kind).toBe('end');
    listener.dispose();
  });

  it('runs on the configured sample events by default; says what is wrong with bad arguments or a broken query', async () => {
    const body = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'eql.dryRun', arguments: [{ uri }] })) as { hits: { total: { value: number } } };
    expect(body.hits.total.value).toBe(995);
    await expect(client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'eql.dryRun', arguments: [{ nope: 1 }] })).rejects.toMatchObject({ code: -32602 });
    const broken = pathToFileURL(join(dir, 'broken.eql')).href;
    client.open(broken, 'eql', 'process where process.name ==');
    await client.diagnostics(broken);
    await expect(client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'eql.dryRun', arguments: [{ uri: broken }] })).rejects.toMatchObject({ message: expect.stringMatching(/^the query has errors: 1:\d+ /) });
  });
});
