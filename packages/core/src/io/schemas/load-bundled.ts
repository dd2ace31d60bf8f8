// The bundled schema files as a BundledSchemas object whose properties read their file on first access, so a
// rule over Defend indices never parses beats.json or integrations.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_FILES, type BundledSchemas } from '../../schema/index.js';
import { bundledSchemasDir } from './locate.js';

const loaded = new Map<string, BundledSchemas>();

/**
 * The bundled schemas from `dir` (default: located next to this module, see `bundledSchemasDir`). The same
 * object is returned for the same folder, so per-object caches (layers, schemas) are shared. Each property
 * reads and parses its JSON file once, on first access; a missing or corrupt file throws then.
 */
export function loadBundledSchemas(dir?: string): BundledSchemas {
  const root = dir ?? bundledSchemasDir();
  const hit = loaded.get(root);
  if (hit) return hit;
  const values = new Map<string, unknown>();
  const bundled = {} as BundledSchemas;
  for (const [key, file] of Object.entries(BUNDLED_FILES)) {
    Object.defineProperty(bundled, key, {
      enumerable: true,
      get: () => {
        if (!values.has(key)) values.set(key, readJson(join(root, file)));
        return values.get(key);
      },
    });
  }
  loaded.set(root, bundled);
  return bundled;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`eqlkit: cannot read bundled schema ${path}: ${(e as Error).message}`);
  }
}
