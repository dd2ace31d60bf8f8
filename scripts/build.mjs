// The one build step, run by `npm ci` (root `prepare`), `npm test` and the bench scripts:
//   1. compile grammar/eql.ohm into a typed Ohm bundle under packages/core/src/grammar/generated/
//      (the grammar stays the single source of truth; the bundle only makes loading fast), and generate the
//      fast parser from that grammar object beside it (packages/core/src/grammar/codegen/generate.ts);
//   2. bundle the `eql` command with esbuild into packages/cli/dist/ (one CommonJS file and its V8 code cache);
//   3. copy the bundled field schemas next to it, so the built command never reads ../shared;
//   4. bundle the language server the same way into packages/lsp/dist/server.js (CommonJS, started with `--stdio`),
//      with its query-worker.js and the schemas beside it: the editor extension ships that folder as it is.
//   5. bundle the REPL (packages/repl) as an ES module of its own, packages/repl/dist/repl.mjs, which `eql repl`
//      loads on demand (Ink and yoga-layout use top-level await, which the CommonJS command bundle cannot hold).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');
const log = (msg) => { if (!quiet) process.stderr.write(`build: ${msg}\n`); };

function generateGrammarBundle() {
  const outDir = join(root, 'packages/core/src/grammar/generated');
  const work = mkdtempSync(join(tmpdir(), 'eqlkit-grammar-'));
  try {
    copyFileSync(join(root, 'grammar/eql.ohm'), join(work, 'eql.ohm'));
    const ohmCli = join(root, 'node_modules/@ohm-js/cli/index.js');
    execFileSync(process.execPath, [ohmCli, 'generateBundles', '--withTypes', '--esm', join(work, 'eql.ohm')], { stdio: ['ignore', 'ignore', 'inherit'] });
    mkdirSync(outDir, { recursive: true });
    for (const f of ['eql.ohm-bundle.js', 'eql.ohm-bundle.d.ts']) renameSync(join(work, f), join(outDir, f));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  log('grammar bundle written');
}

async function generateFastParser() {
  const grammarDir = join(root, 'packages/core/src/grammar');
  // One bundle holds the generator and the Ohm bundle, so that both use the same ohm-js (the generator tells
  // parsing expressions apart with instanceof) and nothing is left to resolve from the temporary folder.
  const { outputFiles } = await build({
    stdin: {
      contents: "export { generateParser } from './codegen/generate.ts'; export { default as grammar } from './generated/eql.ohm-bundle.js';",
      resolveDir: grammarDir,
      loader: 'ts',
      sourcefile: 'generate-parser.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  const work = mkdtempSync(join(tmpdir(), 'eqlkit-codegen-'));
  try {
    const generator = join(work, 'generate-parser.mjs');
    writeFileSync(generator, outputFiles[0].text);
    const { generateParser, grammar } = await import(pathToFileURL(generator).href);
    const parser = generateParser(grammar);
    writeFileSync(join(grammarDir, 'generated/eql-parser.js'), parser.module);
    writeFileSync(join(grammarDir, 'generated/eql-parser.d.ts'), parser.declarations);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  log('fast parser generated');
}

/**
 * esbuild options shared by the CommonJS bundles (the command and the language server): `import.meta.url`, which
 * CommonJS lacks, is the bundle's own file URL.
 */
const nodeCommonJs = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { 'import.meta.url': '__eqlModuleUrl' },
  banner: { js: "const __eqlModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

async function bundleCli() {
  const cliDir = join(root, 'packages/cli');
  const dist = join(cliDir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  // main.ts is the command; *-worker.ts files are worker-thread entries loaded beside it.
  const entryPoints = { eql: join(cliDir, 'src/main.ts') };
  for (const f of readdirSync(join(cliDir, 'src'))) {
    const m = /^(.*-worker)\.ts$/.exec(f);
    if (m) entryPoints[m[1]] = join(cliDir, 'src', f);
  }
  // CommonJS, so the bin shim can load it through a V8 code cache (see packages/cli/bin/eql.cjs): a 1 MB ES module
  // is compiled from scratch at every start, and the command is often started once per query.
  await build({
    entryPoints,
    outdir: dist,
    outExtension: { '.js': '.cjs' },
    ...nodeCommonJs,
    // Loaded from its own bundle at run time (see bundleRepl).
    external: ['@eqlkit/repl'],
  });
  const schemas = join(root, 'packages/core/schemas');
  if (existsSync(schemas)) cpSync(schemas, join(dist, 'schemas'), { recursive: true });
  warmCodeCache();
  log('eql command bundled');
}

/** Runs the command once so that its V8 code cache (with the functions it ran) is written beside the bundle. */
function warmCodeCache() {
  const work = mkdtempSync(join(tmpdir(), 'eqlkit-warm-'));
  try {
    const data = join(work, 'events.ndjson');
    writeFileSync(data, '{"@timestamp":"2024-01-01T00:00:00Z","event":{"category":"process"},"process":{"name":"a.exe"}}\n');
    const shim = join(root, 'packages/cli/bin/eql.cjs');
    const query = 'sequence by host.id with maxspan=1m [process where process.name : "a*" and not x in (1, 2)] [process where true]';
    execFileSync(process.execPath, [shim, 'query', '--format', 'es', query, data], { stdio: 'ignore', env: { ...process.env, EQLKIT_WRITE_CODE_CACHE: '1' } });
  } catch {
    // A missing cache only costs start-up time.
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function bundleServer() {
  const lspDir = join(root, 'packages/lsp');
  const dist = join(lspDir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  await build({
    entryPoints: { server: join(lspDir, 'src/main.ts'), 'query-worker': join(lspDir, 'src/query-worker.ts') },
    outdir: dist,
    ...nodeCommonJs,
  });
  // packages/lsp is an ES module package: say that these .js files are CommonJS.
  writeFileSync(join(dist, 'package.json'), '{ "type": "commonjs" }\n');
  cpSync(join(root, 'packages/core/schemas'), join(dist, 'schemas'), { recursive: true });
  log('language server bundled (packages/lsp/dist/server.js)');
}

async function bundleRepl() {
  const replDir = join(root, 'packages/repl');
  const dist = join(replDir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  await build({
    entryPoints: { repl: join(replDir, 'src/index.ts') },
    outdir: dist,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    // Ink imports the React devtools only when DEV=true; they are not installed, so that import gets an empty module.
    plugins: [
      {
        name: 'no-devtools',
        setup(b) {
          b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'no-devtools' }));
          b.onLoad({ filter: /.*/, namespace: 'no-devtools' }, () => ({ contents: 'export default { initialize() {}, connectToDevTools() {} };' }));
        },
      },
    ],
    define: { 'process.env.NODE_ENV': '"production"' },
    // CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
    banner: { js: "import { createRequire as __eqlCreateRequire } from 'node:module'; const require = __eqlCreateRequire(import.meta.url);" },
  });
  const schemas = join(root, 'packages/core/schemas');
  if (existsSync(schemas)) cpSync(schemas, join(dist, 'schemas'), { recursive: true });
  log('eql repl bundled');
}

generateGrammarBundle();
await generateFastParser();
await bundleRepl();
await bundleCli();
await bundleServer();
