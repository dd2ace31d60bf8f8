import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnection } from 'vscode-languageserver/node';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { createServer } from '@eqlkit/lsp';
import { inProcess, initialize, spawnServer, type LspClient } from '../support/lsp-client.js';
import { exampleScenario } from './scenario.js';

describe('eql lsp --stdio, spawned, over JSON-RPC', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = spawnServer();
    const init = (await initialize(client)) as { capabilities: Record<string, unknown> };
    expect(init.capabilities).toMatchObject({ textDocumentSync: { change: 2 }, executeCommandProvider: { commands: ['eql.dryRun'] } });
  });
  afterAll(async () => {
    await client.stop();
    expect(client.child?.exitCode).toBe(0);
  });

  it('the example rule as .toml', () => exampleScenario(client, 'toml'));
  it('the example rule as .eql', () => exampleScenario(client, 'eql'));
});

describe('createServer in process, over a stream pair', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = inProcess((input, output) => {
      const connection = createConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
      const server = createServer(connection);
      connection.listen();
      return { dispose: () => server.dispose() };
    });
    await initialize(client);
  });
  afterAll(() => client.stop());

  it('the example rule as .toml', () => exampleScenario(client, 'toml'));
});
