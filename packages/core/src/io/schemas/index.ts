// Loading field schemas from disk: the bundled files and user `--mapping` / `--schema` files.
export { bundledSchemasDir } from './locate.js';
export { loadBundledSchemas } from './load-bundled.js';
export { bundledSchemaForIndexes } from './for-indexes.js';
export { jsonErrorPosition, loadSchemaFile, SchemaFileError, type LoadedSchemaFile } from './load-file.js';
