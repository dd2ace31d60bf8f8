// `npm run package`: packs extension/ (after scripts/build.mjs) into ONE .vsix under extension/ with @vscode/vsce,
// and checks it: no earlier .vsix is left beside it, and it stays under 20 MB. Dependencies are bundled into
// dist/, so vsce packs no node_modules (--no-dependencies); .vscodeignore lists what ships.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8'));
const out = join(extensionDir, `${manifest.name}-${manifest.version}.vsix`);
const MAX_BYTES = 20 * 1024 * 1024;

function fail(message) {
  process.stderr.write(`extension package: ${message}\n`);
  process.exit(1);
}

for (const f of ['dist/extension.js', 'dist/server.js', 'dist/schemas/index-map.json']) {
  if (!existsSync(join(extensionDir, f))) fail(`${f} is missing: run scripts/build.mjs first (npm run package does)`);
}
for (const f of readdirSync(extensionDir)) if (f.endsWith('.vsix')) rmSync(join(extensionDir, f));

const require = createRequire(import.meta.url);
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
try {
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--out', out], { cwd: extensionDir, stdio: 'inherit' });
} catch {
  fail('vsce package failed (see above)');
}
const size = statSync(out).size;
if (size > MAX_BYTES) fail(`${relative(process.cwd(), out)} is ${(size / 1048576).toFixed(1)} MB, over the 20 MB limit`);
process.stderr.write(`extension package: ${relative(process.cwd(), out)} (${(size / 1048576).toFixed(2)} MB)\n`);
