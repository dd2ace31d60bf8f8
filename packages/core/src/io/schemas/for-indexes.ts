// One call for the common case: the schema for a rule's index list, from the bundled files on disk.
import { schemaForIndexes, type IndexSchemaOptions, type IndexSchemas } from '../../schema/index.js';
import { loadBundledSchemas } from './load-bundled.js';

/**
 * `schemaForIndexes` over the bundled schemas (read lazily from disk on first use). Throws only when the bundled
 * files are missing or corrupt (a broken install); unknown index patterns fall back and say so in `schema.notes`.
 */
export function bundledSchemaForIndexes(indexPatterns: readonly string[], options?: IndexSchemaOptions): IndexSchemas {
  return schemaForIndexes(loadBundledSchemas(), indexPatterns, options);
}
