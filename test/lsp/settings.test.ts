import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createConnection } from 'vscode-languageserver/node';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { DocumentKind, DocumentSettings, EqlDocument, LanguageService } from '@eqlkit/core';
import { createServer } from '@eqlkit/lsp';
import { inProcess, initialize } from '../support/lsp-client.js';

/** A language service that only records what it was opened with (the server's part is what is tested here). */
function recordingService(opened: { uri: string; kind: DocumentKind; settings: DocumentSettings }[]): LanguageService {
  return {
    open(uri, text, kind, settings = {}): EqlDocument {
      opened.push({ uri, kind, settings });
      return {
        uri,
        kind,
        text,
        queries: () => [],
        diagnostics: () => [{ code: 'eql/test', severity: 'info', message: `indexes: ${settings.indexes?.join(',') ?? 'none'}`, span: { start: 0, end: 0 } }],
        completions: (o) => ({ replace: { start: o, end: o }, items: [] }),
        hover: () => undefined,
        signatureHelp: () => undefined,
        format: () => [],
        codeActions: () => [],
        semanticTokens: () => [],
        symbols: () => [],
        foldingRanges: () => [],
        selectionRanges: (os) => os.map(() => []),
        stages: () => [],
      };
    },
  };
}

describe('the server’s settings: client configuration and sample-event values', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eqlkit-lsp-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the client’s eql settings to the service, adds the sample events’ values, and follows configuration changes', async () => {
    writeFileSync(join(dir, 'samples.ndjson'), [{ process: { name: 'cmd.exe' } }, { process: { name: 'cmd.exe' } }, { process: { name: 'net.exe' } }].map((e) => JSON.stringify(e)).join('\n') + '\n');
    const opened: { uri: string; kind: DocumentKind; settings: DocumentSettings }[] = [];
    const client = inProcess((input, output) => {
      const connection = createConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
      const server = createServer(connection, { service: recordingService(opened) });
      connection.listen();
      return { dispose: () => server.dispose() };
    });
    client.settings = { indexes: ['logs-endpoint.events.process-*'], sampleEvents: ['samples.ndjson'], timestampField: 'ts' };
    await initialize(client, undefined, dir);
    const uri = pathToFileURL(join(dir, 'q.eql')).href;
    client.open(uri, 'eql', 'process where process.name : ');
    expect((await client.diagnostics(uri))[0].message).toBe('indexes: logs-endpoint.events.process-*');
    await expect.poll(() => opened.some((o) => o.settings.sampleValues !== undefined), { timeout: 10_000 }).toBe(true);
    const latest = opened.at(-1)!.settings;
    expect(latest).toMatchObject({ indexes: ['logs-endpoint.events.process-*'], timestampField: 'ts' });
    expect(latest.sampleValues?.('process.name')).toEqual(['cmd.exe', 'net.exe']);
    expect(opened.every((o) => o.kind === 'eql')).toBe(true);

    client.settings = { indexes: ['winlogbeat-*'] };
    const next = client.diagnostics(uri);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    expect((await next)[0].message).toBe('indexes: winlogbeat-*');
    await client.stop();
  });

  it('reads the project configuration (.eqlkit.json above the document), the client’s settings over it, and follows edits of it', async () => {
    const project = join(dir, 'project');
    const rules = join(project, 'rules');
    mkdirSync(rules, { recursive: true });
    writeFileSync(join(project, 'events.ndjson'), JSON.stringify({ process: { name: 'svchost.exe' } }) + '\n');
    const config = join(project, '.eqlkit.json');
    writeFileSync(config, JSON.stringify({ indexes: ['logs-windows.*'], timestampField: 'event.created', sampleEvents: ['events.ndjson'] }));
    const opened: { uri: string; kind: DocumentKind; settings: DocumentSettings }[] = [];
    const client = inProcess((input, output) => {
      const connection = createConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
      const server = createServer(connection, { service: recordingService(opened) });
      connection.listen();
      return { dispose: () => server.dispose() };
    });
    client.settings = { indexes: [], timestampField: '' }; // left empty: the project's apply
    await initialize(client, undefined, dir);
    const uri = pathToFileURL(join(rules, 'q.eql')).href;
    client.open(uri, 'eql', 'process where true');
    expect((await client.diagnostics(uri))[0].message).toBe('indexes: logs-windows.*');
    // The project's sample events are relative to the configuration file.
    await expect.poll(() => opened.at(-1)?.settings.sampleValues?.('process.name'), { timeout: 10_000 }).toEqual(['svchost.exe']);
    expect(opened.at(-1)?.settings.timestampField).toBe('event.created');

    client.settings = { indexes: ['winlogbeat-*'] }; // the client's setting wins
    // (Late publishes of earlier settings may still arrive: wait for the one that follows the change.)
    const message = () => client.latest(uri)?.diagnostics[0]?.message;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await expect.poll(message, { timeout: 10_000 }).toBe('indexes: winlogbeat-*');
    expect(opened.at(-1)?.settings.timestampField).toBe('event.created');

    client.settings = {};
    writeFileSync(config, JSON.stringify({ indexes: ['logs-endpoint.events.*'] }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(config).href, type: FileChangeType.Changed }] });
    await expect.poll(message, { timeout: 10_000 }).toBe('indexes: logs-endpoint.events.*');
    expect(opened.at(-1)?.settings.timestampField).toBeUndefined();

    // A broken configuration is reported (once), and the rest still works.
    writeFileSync(config, '{"indexes": [');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(config).href, type: FileChangeType.Changed }] });
    await expect.poll(message, { timeout: 10_000 }).toBe('indexes: none');
    expect(client.logs, client.logs.join('\n')).toContainEqual(expect.stringMatching(/eqlkit\.json.*not valid JSON/));
    await client.stop();
  });
});
