// Where the bundled schema files live. Two layouts, both relative to the running module:
//   bundled CLI: packages/cli/dist/eql.js               → packages/cli/dist/schemas/  (copied by scripts/build.mjs)
//   source:      packages/core/src/io/schemas/locate.ts → packages/core/schemas/
// The bundle's own folder is tried first, so an installed CLI never picks up an unrelated folder above it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['./schemas/', '../../../schemas/'];
const MARKER = 'index-map.json';

/**
 * The absolute path of the bundled schemas folder. Throws an Error naming every place it looked when
 * none holds the files (a broken install).
 */
export function bundledSchemasDir(moduleUrl: string = import.meta.url): string {
  const tried: string[] = [];
  for (const rel of CANDIDATES) {
    const dir = fileURLToPath(new URL(rel, moduleUrl));
    if (existsSync(dir + MARKER)) return dir;
    tried.push(dir);
  }
  throw new Error(`eqlkit: the bundled field schemas are missing (looked in ${tried.join(', ')}); reinstall or rebuild eqlkit`);
}
