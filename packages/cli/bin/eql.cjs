#!/usr/bin/env node
// The `eql` command. `npm ci` bundles the TypeScript sources into ../dist/eql.cjs (the root `prepare` script).
// The bundle is compiled with a V8 code cache kept beside it, which saves most of the start-up compile time;
// a cache from another Node version is rejected by V8 and simply rebuilt.
'use strict';
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

const dist = join(__dirname, '../dist');
const bundle = join(dist, 'eql.cjs');
const cacheFile = join(dist, 'eql.cjs.cache');
if (!existsSync(bundle)) {
  process.stderr.write('eql: the command is not built yet; run `npm ci` (or `npm run build`) at the repository root\n');
  process.exit(2);
}
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
const mod = new Module(bundle, module);
mod.filename = bundle;
mod.paths = Module._nodeModulePaths(dist);
// import() inside a vm.Script needs a loader; the REPL's ES module bundle is loaded through this one.
globalThis[Symbol.for('eqlkit.import')] = (url) => import(url);
script.runInThisContext()(mod.exports, Module.createRequire(bundle), mod, bundle, dist);
if (cachedData === undefined || script.cachedDataRejected || process.env.EQLKIT_WRITE_CODE_CACHE) {
  // Written when the command ends, so the functions it ran are compiled in the cache too.
  process.once('beforeExit', () => {
    try {
      writeFileSync(cacheFile, script.createCachedData());
    } catch {
      // A read-only install just starts a little slower.
    }
  });
}
