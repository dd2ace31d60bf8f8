// Entry of the bundled language server (packages/lsp/dist/server.js, and the extension's dist/server.js), started
// with `--stdio` by its client; `eql lsp --stdio` serves the same through the CLI.
import { serveStdio } from './stdio.js';

serveStdio();
