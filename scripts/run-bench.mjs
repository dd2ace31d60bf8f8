// Bundles a benchmark (bench/<name>.bench.ts) with esbuild and runs it in a fresh Node process, so benchmarks
// measure the same bundled code the `eql` command runs. Usage: node scripts/run-bench.mjs <name> [args...]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.error('usage: node scripts/run-bench.mjs <name> [args...]');
  process.exit(2);
}
const outdir = join(root, 'node_modules/.cache/eqlkit-bench');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, `${name}.mjs`);
await build({
  entryPoints: [join(root, 'bench', `${name}.bench.ts`)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __eqlCreateRequire } from 'node:module'; const require = __eqlCreateRequire(import.meta.url);" },
});
const r = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);
