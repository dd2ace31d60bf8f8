// Builds the extension into extension/dist/, everything it needs at run time and nothing else:
//   extension.js      the client (vscode-languageclient bundled in; `vscode` comes from the editor);
//   server.js         the language server, as the root build bundles it into packages/lsp/dist/ (started by the
//                     client with `--stdio`), with its query-worker.js for large event files and
//   schemas/          the bundled field schemas, found beside server.js (see packages/core/src/io/schemas/locate.ts).
// The root build (scripts/build.mjs: grammar bundle, fast parser, CLI and server bundles) runs first, so the
// package never ships a stale server; `--no-root-build` skips it when it has just run (as in `npm test`).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const extensionDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(extensionDir, '..');
const dist = join(extensionDir, 'dist');
const serverDist = join(root, 'packages/lsp/dist');
/** What the server bundle needs beside it (source maps stay out of the package). */
const SERVER_FILES = ['server.js', 'query-worker.js', 'package.json', 'schemas'];

function fail(message) {
  process.stderr.write(`extension build: ${message}\n`);
  process.exit(1);
}

if (!process.argv.includes('--no-root-build')) {
  try {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--quiet'], { stdio: 'inherit' });
  } catch {
    fail('the root build (scripts/build.mjs) failed (see above)');
  }
}
for (const f of SERVER_FILES) {
  if (!existsSync(join(serverDist, f))) fail(`${relative(root, join(serverDist, f))} is missing: the root build (npm ci, or npm run build) makes the language server bundle`);
}
if (!existsSync(join(serverDist, 'schemas/index-map.json'))) fail(`the bundled schemas are missing from ${relative(root, serverDist)}/schemas`);

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
try {
  await build({
    entryPoints: { extension: join(extensionDir, 'src/extension.ts') },
    outdir: dist,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // VS Code 1.90 and later run extensions on Node.js 20.
    target: 'node20',
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    external: ['vscode'],
  });
} catch {
  fail('esbuild failed (see above)');
}
for (const f of SERVER_FILES) cpSync(join(serverDist, f), join(dist, f), { recursive: true });
process.stderr.write(`extension build: ${relative(root, dist)} written (client, server, schemas)\n`);
