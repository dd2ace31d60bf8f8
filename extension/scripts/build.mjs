// Builds the extension into extension/dist/, everything it needs at run time and nothing else:
//   extension.js  the client (vscode-languageclient bundled in; `vscode` comes from the editor);
//   server.js     the language server from packages/lsp, started by the client with `--stdio`
//                 (plus any `*-worker.js` thread entries of the server, loaded beside it);
//   schemas/      the bundled field schemas (packages/core/schemas), which the server finds beside its bundle
//                 (see packages/core/src/io/schemas/locate.ts), as the CLI bundle does.
// The server is compiled from the workspace sources, so the root `npm ci` (which generates the grammar bundle and
// the fast parser) must have run first.
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const extensionDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(extensionDir, '..');
const dist = join(extensionDir, 'dist');
const lspSrc = join(root, 'packages/lsp/src');
/** The server's stdio main (packages/lsp): creates a stdio connection and hands it to `createServer`. */
const serverEntry = join(lspSrc, 'main.ts');
const schemas = join(root, 'packages/core/schemas');

function fail(message) {
  process.stderr.write(`extension build: ${message}\n`);
  process.exit(1);
}

if (!existsSync(serverEntry)) fail(`the language server entry ${relative(root, serverEntry)} is missing: the extension cannot be built without its server`);
if (!existsSync(join(schemas, 'index-map.json'))) fail(`the bundled schemas are missing from ${relative(root, schemas)}`);
if (!existsSync(join(root, 'packages/core/src/grammar/generated/eql-parser.js'))) fail('the generated parser is missing: run `npm ci` (or `npm run build`) at the repository root first');

rmSync(dist, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // VS Code 1.90 and later run extensions on Node.js 20.
  target: 'node20',
  minify: true,
  keepNames: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  // The core finds its schemas (and the server its workers) relative to the running module.
  define: { 'import.meta.url': '__eqlModuleUrl' },
  banner: { js: "const __eqlModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

try {
  await build({ ...common, entryPoints: { extension: join(extensionDir, 'src/extension.ts') }, outdir: dist, external: ['vscode'] });
  const serverEntries = { server: serverEntry };
  for (const f of readdirSync(lspSrc)) {
    const m = /^(.*-worker)\.ts$/.exec(f);
    if (m) serverEntries[m[1]] = join(lspSrc, f);
  }
  await build({ ...common, entryPoints: serverEntries, outdir: dist });
} catch {
  fail('esbuild failed (see above)');
}
cpSync(schemas, join(dist, 'schemas'), { recursive: true });
process.stderr.write(`extension build: ${relative(root, dist)} written\n`);
