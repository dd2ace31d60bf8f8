// The field-schema model: which fields exist for a set of indices, and what Elasticsearch type each one has.
// Pure (no Node APIs); io/schemas/ loads the bundled files and user schema files from disk.
export type { AllowedValue, FieldConflict, FieldInfo, NullValue, Resolution, Schema, SchemaLayer, TypeFamily } from './types.js';
export { eqlValueKind, familyOf, isContainerFamily, KNOWN_ES_TYPES, ruleValidatorKind, type EqlValueKind } from './families.js';
export { makeField, type FieldFacts } from './field-info.js';
export { buildSchema, type BuildSchemaOptions } from './schema.js';

export { BUNDLED_FILES, type BundledSchemas, type IndexMapEntry, type IndexMapFile } from './bundled.js';
export { bundledLayer } from './bundled-layers.js';
export { globMatches, resolvePattern, type PatternResolution } from './index-patterns.js';
export { layerRank, schemaForIndexes, type IndexSchemaOptions, type IndexSchemas, type SeparateTarget } from './for-indexes.js';
export { looksLikeMapping, parseMapping, type MappingResult } from './mapping.js';
export { looksLikeFieldsFile, parseFieldsFile, parseFlatMap } from './flat-map.js';
export { parseSchemaDocument, type SchemaDocument } from './document.js';
export { SchemaShapeError } from './shape-error.js';
export { inferSchema, looksLikeDate, type InferenceOptions, type InferenceResult } from './infer.js';
