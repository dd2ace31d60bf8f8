// The EQL language server, for the `eql lsp` command, the extension's bundle and tests.
export { createServer, type EqlServer, type ServerOptions } from './server.js';
export { serveStdio, bundledWorkerScript } from './stdio.js';
export { DRY_RUN_COMMAND, type DryRunArgs } from './features/dry-run.js';
