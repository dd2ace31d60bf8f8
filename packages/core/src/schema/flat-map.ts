// Flat field maps → one layer. Three shapes:
//   {"process.pid": "long", …}                                   (dr-endpoint-custom.json, endgame.json, user files)
//   {"process.args": {"type": "keyword", "normalize": ["array"], "description": "…"}, …}   (ecs-flat.json shape)
//   {"types": {path: type}, "aliases"?: {alias: target}, "details"?: {path: {format?, null_value?, …}}}
//                                                                (conformance `*.fields.json`)
// A child of a leaf field (e.g. `tags.keyword` under text `tags`) can only be a multi-field in ES, so it is
// recorded as one even when the file does not say so.
import { familyOf } from './families.js';
import { makeField } from './field-info.js';
import { SchemaShapeError } from './shape-error.js';
import type { FieldInfo, NullValue, SchemaLayer } from './types.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const TYPE_NAME = /^[a-z][a-z0-9_]*$/;

// Keys of bundled/metadata records that are not fields.
const META_KEYS = new Set(['_source', '_meta']);

/** True for the conformance `{types: {path: type}}` shape. */
export function looksLikeFieldsFile(doc: unknown): boolean {
  return isObject(doc) && isObject(doc.types) && Object.values(doc.types).every((t) => typeof t === 'string');
}

/** True when some entry is `path: "type"` or `path: {"type": "…"}` (a flat map, possibly with bad entries). */
export function mightBeFlatMap(doc: unknown): boolean {
  return isObject(doc) && Object.values(doc).some((v) => typeof v === 'string' || (isObject(v) && typeof v.type === 'string'));
}

/** Parse a flat map (either value shape) into a layer named `source`. Throws SchemaShapeError on a bad entry. */
export function parseFlatMap(doc: unknown, source: string): SchemaLayer {
  if (!isObject(doc)) throw new SchemaShapeError('not a field map: expected an object {"field.path": "type", …}', '');
  const fields = new Map<string, FieldInfo>();
  for (const [path, v] of Object.entries(doc)) {
    if (META_KEYS.has(path) && !(isObject(v) && typeof v.type === 'string')) continue;
    const type = typeof v === 'string' ? v : isObject(v) && typeof v.type === 'string' ? v.type : undefined;
    // Type names are lower-case identifiers; anything else (a date, a user name) means this is not a field map.
    if (type === undefined || !TYPE_NAME.test(type)) {
      throw new SchemaShapeError(`not a field map: the value of '${path}' must be a type name such as "keyword" or {"type": …}`, `/${path}`);
    }
    fields.set(path, makeField(path, type, source, isObject(v) ? entryFacts(v) : undefined));
  }
  return { name: source, fields: markMultiFields(fields) };
}

/** Parse a conformance `*.fields.json` (types + aliases + details) into a layer named `source`. */
export function parseFieldsFile(doc: unknown, source: string): SchemaLayer {
  if (!looksLikeFieldsFile(doc)) throw new SchemaShapeError('not a fields file: expected {"types": {"field.path": "type", …}}', '/types');
  const d = doc as Json;
  const types = d.types as Record<string, string>;
  const details = isObject(d.details) ? d.details : {};
  const aliases = isObject(d.aliases) ? d.aliases : {};
  const fields = new Map<string, FieldInfo>();
  for (const [path, type] of Object.entries(types)) {
    const det = isObject(details[path]) ? (details[path] as Json) : {};
    const origin = typeof det.origin === 'string' ? /multi-field of (\S+)/.exec(det.origin) : null;
    const aliasOf = typeof aliases[path] === 'string' ? (aliases[path] as string) : undefined;
    fields.set(path, makeField(path, type, source, { ...entryFacts(det), aliasOf: aliasOf ?? entryFacts(det).aliasOf, multiFieldOf: origin?.[1] }));
  }
  return { name: source, fields: markMultiFields(fields) };
}

function entryFacts(v: Json): Partial<FieldInfo> {
  return {
    description: typeof v.description === 'string' ? v.description : undefined,
    multiFieldOf: typeof v.multi_field_of === 'string' ? v.multi_field_of : undefined,
    arrayNormalized: Array.isArray(v.normalize) && v.normalize.includes('array') ? true : undefined,
    nullValue: isNullValue(v.null_value) ? v.null_value : undefined,
    format: typeof v.format === 'string' ? v.format : undefined,
    aliasOf: typeof v.alias_of === 'string' ? v.alias_of : v.type === 'alias' && typeof v.path === 'string' ? v.path : undefined,
    ignoreAbove: typeof v.ignore_above === 'number' ? v.ignore_above : undefined,
  };
}

function isNullValue(v: unknown): v is NullValue {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function markMultiFields(fields: Map<string, FieldInfo>): Map<string, FieldInfo> {
  for (const [path, info] of fields) {
    if (info.multiFieldOf !== undefined) continue;
    const dot = path.lastIndexOf('.');
    const parent = dot < 0 ? undefined : fields.get(path.slice(0, dot));
    if (!parent || parent.aliasOf !== undefined) continue;
    const fam = familyOf(parent.esType);
    if (fam !== 'object' && fam !== 'nested' && fam !== 'flattened' && fam !== 'unknown') fields.set(path, { ...info, multiFieldOf: parent.path });
  }
  return fields;
}
