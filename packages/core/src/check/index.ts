// The type checker: a parsed query (+ the schema of the indexes it searches) → diagnostics with fixes.
export { check, checkText, type CheckTextResult } from './check.js';
export type { CheckOptions } from './context.js';
export { checkCatalog, checkCodeHelp, EXTENSION_CODES, type CheckCode } from './catalog.js';
export { categoriesProduced, DEFEND_STREAM_CATEGORIES } from './categories.js';
export { LEGACY_PIPES } from './extensions.js';
export { datasetSchemaFor, pinnedDatasets } from './datasets.js';
export { describeType, type ValueType } from './value-types.js';
