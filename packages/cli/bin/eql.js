#!/usr/bin/env node
// The `eql` command. The TypeScript sources are bundled into dist/ by `npm ci` (the root `prepare` script).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/eql.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('eql: the command is not built yet; run `npm ci` (or `npm run build`) at the repository root\n');
  process.exit(2);
}
await import(bundle.href);
