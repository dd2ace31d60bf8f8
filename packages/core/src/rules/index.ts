export { fileOffsetOf, type InputProblem, type QueryFile, type QueryOrigin, type RuleQuery } from './rule-query.js';
export { readQueryFile, queryFileKind, type QueryFileKind } from './read-query-file.js';
export { readDetectionRuleToml } from './from-toml.js';
export { readRuleExport, replaceExportQuery } from './from-export.js';
export { SchemaChooser, type QuerySchemas, type SchemaSelector } from './choose-schemas.js';
