// The one build step, run by `npm ci` (root `prepare`), `npm test` and the bench scripts:
//   1. compile grammar/eql.ohm into a typed Ohm bundle under packages/core/src/grammar/generated/
//      (the grammar stays the single source of truth; the bundle only makes loading fast);
//   2. bundle the `eql` command with esbuild into packages/cli/dist/ (one file starts fast);
//   3. copy the bundled field schemas next to it, so the built command never reads ../shared.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  await build({
    entryPoints,
    outdir: dist,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    // Some dependencies are CommonJS and call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __eqlCreateRequire } from 'node:module'; const require = __eqlCreateRequire(import.meta.url);" },
  });
  const schemas = join(root, 'packages/core/schemas');
  if (existsSync(schemas)) cpSync(schemas, join(dist, 'schemas'), { recursive: true });
  log('eql command bundled');
}

generateGrammarBundle();
await bundleCli();
