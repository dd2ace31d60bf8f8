// A real LSP client for tests and the benchmark: JSON-RPC over a spawned `eql lsp --stdio` (or the bundled
// server.js), or over an in-process stream pair to `createServer`.
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  ConfigurationRequest,
  ShutdownRequest,
  ExitNotification,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from './shared.js';

export const eqlBin = join(repoRoot, 'packages/cli/bin/eql.cjs');

export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true } },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { didSave: false, dynamicRegistration: false },
    // As VS Code: snippets, the list's edit range sent once, documentation resolved per item.
    completion: { completionItem: { snippetSupport: true, resolveSupport: { properties: ['documentation'] } }, completionList: { itemDefaults: ['editRange'] } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { versionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll', 'source.format'] } } },
  },
};

export interface LspClient {
  readonly connection: ProtocolConnection;
  readonly child?: ChildProcess;
  /** Server log lines (`window/logMessage`). */
  readonly logs: string[];
  /** The settings answered to `workspace/configuration` (section `eql`). */
  settings: Record<string, unknown>;
  open(uri: string, languageId: string, text: string): void;
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number;
  close(uri: string): void;
  /** The next diagnostics published for `uri` (at or after `version`, when given). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]>;
  /** The latest diagnostics for `uri`. */
  latest(uri: string): PublishDiagnosticsParams | undefined;
  stop(): Promise<void>;
}

function wire(connection: ProtocolConnection, child: ChildProcess | undefined, onStop: () => Promise<void>): LspClient {
  const versions = new Map<string, number>();
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: { uri: string; version?: number; resolve: (d: Diagnostic[]) => void }[] = [];
  const logs: string[] = [];
  const client: LspClient = {
    connection,
    child,
    logs,
    settings: {},
    open(uri, languageId, text) {
      versions.set(uri, 1);
      void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    },
    change(uri, changes) {
      const version = (versions.get(uri) ?? 0) + 1;
      versions.set(uri, version);
      void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
      return version;
    },
    close(uri) {
      void connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    diagnostics(uri, version, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}${version ? ` v${version}` : ''} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          uri,
          version,
          resolve: (d) => {
            clearTimeout(timer);
            resolve(d);
          },
        });
      });
    },
    latest: (uri) => latest.get(uri),
    stop: onStop,
  };
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    latest.set(p.uri, p);
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i];
      if (w.uri !== p.uri || (w.version !== undefined && (p.version ?? 0) < w.version)) continue;
      waiters.splice(i--, 1);
      w.resolve(p.diagnostics);
    }
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'eql' ? client.settings : null)));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/showMessage', (p: { message: string }) => logs.push(p.message));
  connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
    logs.push(p.message);
    return null;
  });
  connection.listen();
  return client;
}

/** Initializes a connected client (the workspace folder is the repository, or `root`). */
export async function initialize(client: LspClient, capabilities: ClientCapabilities = CLIENT_CAPABILITIES, root = repoRoot): Promise<unknown> {
  const result = await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'eqlkit' }],
    capabilities,
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  return result;
}

/** Spawns `eql lsp --stdio` (or `node <server.js> --stdio` when `serverJs` is given) in `root`. */
export function spawnServer(serverJs?: string, root = repoRoot): LspClient {
  const args = serverJs ? [serverJs, '--stdio'] : [join(root, 'packages/cli/bin/eql.cjs'), 'lsp', '--stdio'];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const client = wire(connection, child, async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        child.kill();
      }
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
    }
    connection.dispose();
  });
  Object.defineProperty(client, 'stderr', { get: () => stderr });
  return client;
}

/** A client wired to an in-process server (`attach` receives the server side's streams). */
export function inProcess(attach: (input: PassThrough, output: PassThrough) => { dispose(): void }): LspClient {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = attach(toServer, toClient);
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return wire(connection, undefined, async () => {
    await connection.sendRequest(ShutdownRequest.type);
    server.dispose();
    connection.dispose();
  });
}
