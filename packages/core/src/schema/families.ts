// Elasticsearch mapping type → type family → what EQL can do with it.
// Facts from schemas/type-families.json (detection-rules' family table), widened to the ES types that table never
// met (byte, date_nanos, …). families.test.ts checks this table against the bundled JSON so the two cannot drift.
import type { FieldInfo, TypeFamily } from './types.js';

const FAMILY_OF_TYPE: Readonly<Record<string, TypeFamily>> = {
  keyword: 'keyword',
  constant_keyword: 'keyword',
  wildcard: 'keyword',
  version: 'version',
  ip: 'ip',
  long: 'integer',
  integer: 'integer',
  short: 'integer',
  byte: 'integer',
  unsigned_long: 'integer',
  double: 'float',
  float: 'float',
  half_float: 'float',
  scaled_float: 'float',
  boolean: 'boolean',
  date: 'date',
  date_nanos: 'date',
  text: 'text',
  match_only_text: 'text',
  object: 'object',
  nested: 'nested',
  flattened: 'flattened',
  geo_point: 'geo_point',
  alias: 'alias',
  array: 'array',
  histogram: 'histogram',
};

/** The family of an ES mapping type; `unknown` for types this model has no facts about. Never throws. */
export function familyOf(esType: string): TypeFamily {
  return Object.hasOwn(FAMILY_OF_TYPE, esType) ? FAMILY_OF_TYPE[esType] : 'unknown';
}

/** Every ES type with a known family (for docs and completion of `--schema` files). */
export const KNOWN_ES_TYPES: readonly string[] = Object.keys(FAMILY_OF_TYPE);

/**
 * The value kind detection-rules' EQL validator assigns to a family (`eql` in type-families.json):
 * `null` means it reports the field as "not recognized" unless it is written `?field`.
 */
export function ruleValidatorKind(family: TypeFamily): 'string' | 'number' | 'boolean' | null {
  switch (family) {
    case 'keyword':
    case 'ip':
      return 'string';
    case 'integer':
    case 'float':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return null;
  }
}

/** What Elasticsearch EQL evaluates a field as. `null`: the field cannot be used in an expression. */
export type EqlValueKind = 'string' | 'version' | 'ip' | 'integer' | 'float' | 'boolean' | 'date';

/**
 * The value kind Elasticsearch EQL gives a field. Unlike the rule validator, ES accepts `version` (string-shaped,
 * semver-ordered), `date`, and `text` when it has a keyword multi-field to compare through (`exactField`).
 */
export function eqlValueKind(field: Pick<FieldInfo, 'family' | 'exactField'>): EqlValueKind | null {
  switch (field.family) {
    case 'keyword':
      return 'string';
    case 'version':
    case 'ip':
    case 'integer':
    case 'float':
    case 'boolean':
    case 'date':
      return field.family;
    case 'text':
      return field.exactField === undefined ? null : 'string';
    default:
      return null;
  }
}

/**
 * Mapping types Elasticsearch EQL refuses to use ("Cannot use field [f] with unsupported type [t]"): its type
 * model has no type for them (the range types, shapes and points, vectors, rank features, …). `geo_point`,
 * `histogram` and the container families have families of their own; `binary` is usable by the verifier, but a
 * search on it fails.
 */
const EQL_UNSUPPORTED_TYPES: ReadonlySet<string> = new Set([
  'integer_range',
  'float_range',
  'long_range',
  'double_range',
  'date_range',
  'ip_range',
  'geo_shape',
  'shape',
  'point',
  'dense_vector',
  'sparse_vector',
  'rank_feature',
  'rank_features',
  'semantic_text',
  'search_as_you_type',
  'token_count',
  'completion',
  'percolator',
  'join',
  'aggregate_metric_double',
  'annotated_text',
  'murmur3',
  'counted_keyword',
]);

/** True for a mapping type Elasticsearch EQL cannot use at all (see EQL_UNSUPPORTED_TYPES). */
export function isEqlUnsupportedType(esType: string): boolean {
  return EQL_UNSUPPORTED_TYPES.has(esType);
}

/** Families that hold other fields rather than a value. */
export function isContainerFamily(family: TypeFamily): boolean {
  return family === 'object' || family === 'nested' || family === 'flattened';
}
