// The language server over standard input and output, for `eql lsp --stdio` and the bundled server.js (main.ts).
// Nothing else may write to stdout: it carries the protocol.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { createServer } from './server.js';

/** The query worker bundled beside the running bundle (`query-worker.js` beside server.js, `.cjs` beside the CLI). */
export function bundledWorkerScript(moduleUrl: string): URL | undefined {
  for (const name of ['./query-worker.js', './query-worker.cjs']) {
    const url = new URL(name, moduleUrl);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/**
 * Starts the server on stdin/stdout. The process ends when the client sends `exit` (status 0 after `shutdown`,
 * else 1), when the client process named at `initialize` is gone, or when stdin closes.
 */
export function serveStdio(moduleUrl: string = import.meta.url): void {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  // console.log would corrupt the protocol: send it to the client's log instead.
  console.log = console.info = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  const server = createServer(connection, { workerScript: bundledWorkerScript(moduleUrl) });
  connection.onExit(() => server.dispose());
  process.stdin.on('close', () => process.exit(0));
  connection.listen();
}
