// An Elasticsearch mapping → one layer.
// Accepts what `GET <index>/_mapping` returns (`{"<index>": {"mappings": …}}`, several indices are merged), a bare
// `{"mappings": …}` (also the pre-7 `{"mappings": {"_doc": …}}`), or a bare `{"properties": …}`.
// Reads: nested `properties`, objects without `type`, multi-fields (`fields`), `type: alias` + `path`,
// `null_value`, `format`, `ignore_above`, `normalizer`, `dynamic`, `enabled: false`, and `runtime` fields.
// Example: {"properties": {"tags": {"type": "text", "fields": {"keyword": {"type": "keyword"}}}}}
//   → tags (text), tags.keyword (keyword, multiFieldOf tags).
import { makeField, type FieldFacts } from './field-info.js';
import { SchemaShapeError } from './shape-error.js';
import type { FieldConflict, FieldInfo, NullValue, SchemaLayer } from './types.js';

export interface MappingResult {
  readonly layer: SchemaLayer;
  /** Paths typed differently by different indices of one `_mapping` response (the first index wins). */
  readonly conflicts: readonly FieldConflict[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when `doc` has one of the three mapping envelopes (cheap shape test, no deep validation). */
export function looksLikeMapping(doc: unknown): boolean {
  return mappingBodies(doc) !== undefined;
}

/**
 * Parse an ES mapping into a layer named `source`. Throws SchemaShapeError (with a JSON path) when the
 * document is not a mapping or a property definition is malformed.
 */
export function parseMapping(doc: unknown, source: string): MappingResult {
  const bodies = mappingBodies(doc);
  if (!bodies) {
    throw new SchemaShapeError('not a mapping: expected {"properties": …}, {"mappings": {"properties": …}} or the `GET <index>/_mapping` response', '');
  }
  const fields = new Map<string, FieldInfo>();
  const seen = new Map<string, { types: string[]; sources: string[] }>();
  for (const { index, body, at } of bodies) {
    const one = new Map<string, FieldInfo>();
    if (body.properties !== undefined) walkProperties(body.properties, '', `${at}/properties`, source, one);
    if (body.runtime !== undefined) walkRuntime(body.runtime, `${at}/runtime`, source, one);
    for (const [path, info] of one) {
      const prev = fields.get(path);
      if (!prev) fields.set(path, info);
      const s = seen.get(path) ?? { types: [], sources: [] };
      s.types.push(info.esType);
      s.sources.push(index ?? source);
      seen.set(path, s);
    }
  }
  const conflicts: FieldConflict[] = [];
  for (const [path, s] of seen) {
    const distinct = [...new Set(s.types)];
    if (distinct.length > 1) conflicts.push({ path, types: distinct, chosen: s.types[0], compatible: false, sources: s.sources });
  }
  return { layer: { name: source, fields }, conflicts };
}

interface Body {
  readonly index?: string;
  readonly body: Json;
  readonly at: string;
}

function mappingBodies(doc: unknown): Body[] | undefined {
  if (!isObject(doc)) return undefined;
  if (isObject(doc.properties)) return [{ body: doc, at: '' }];
  if (isObject(doc.mappings)) return [{ body: unwrapType(doc.mappings), at: '/mappings' }];
  const entries = Object.entries(doc);
  if (entries.length === 0 || !entries.every(([, v]) => isObject(v) && isObject(v.mappings))) return undefined;
  return entries.map(([index, v]) => ({ index, body: unwrapType((v as Json).mappings as Json), at: `/${index}/mappings` }));
}

/** Pre-7 mappings nest the body under a type name (`_doc`). */
function unwrapType(m: Json): Json {
  if (m.properties !== undefined || m.runtime !== undefined) return m;
  const keys = Object.keys(m);
  return keys.length === 1 && isObject(m[keys[0]]) && isObject((m[keys[0]] as Json).properties) ? (m[keys[0]] as Json) : m;
}

function walkProperties(props: unknown, prefix: string, at: string, source: string, out: Map<string, FieldInfo>): void {
  if (!isObject(props)) throw new SchemaShapeError('`properties` must be an object of field definitions', at);
  for (const [name, def] of Object.entries(props)) {
    const path = prefix ? `${prefix}.${name}` : name;
    const here = `${at}/${name}`;
    if (!isObject(def)) throw new SchemaShapeError(`field '${path}' must be an object like {"type": "keyword"}`, here);
    if (def.type !== undefined && typeof def.type !== 'string') throw new SchemaShapeError(`field '${path}': \`type\` must be a string`, here);
    const type = (def.type as string | undefined) ?? 'object';
    if (type === 'alias' && typeof def.path !== 'string') throw new SchemaShapeError(`alias field '${path}' needs a string \`path\``, here);
    out.set(path, makeField(path, type, source, facts(def, type)));
    if (def.properties !== undefined) walkProperties(def.properties, path, `${here}/properties`, source, out);
    if (def.fields !== undefined) walkMultiFields(def.fields, path, `${here}/fields`, source, out);
  }
}

function walkMultiFields(subs: unknown, parent: string, at: string, source: string, out: Map<string, FieldInfo>): void {
  if (!isObject(subs)) throw new SchemaShapeError(`\`fields\` of '${parent}' must be an object of multi-field definitions`, at);
  for (const [name, def] of Object.entries(subs)) {
    const path = `${parent}.${name}`;
    if (!isObject(def) || typeof def.type !== 'string') throw new SchemaShapeError(`multi-field '${path}' must be an object with a string \`type\``, `${at}/${name}`);
    out.set(path, makeField(path, def.type, source, { ...facts(def, def.type), multiFieldOf: parent }));
  }
}

function walkRuntime(runtime: unknown, at: string, source: string, out: Map<string, FieldInfo>): void {
  if (!isObject(runtime)) throw new SchemaShapeError('`runtime` must be an object of runtime field definitions', at);
  for (const [path, def] of Object.entries(runtime)) {
    if (!isObject(def) || typeof def.type !== 'string') throw new SchemaShapeError(`runtime field '${path}' must be an object with a string \`type\``, `${at}/${path}`);
    // `composite` runtime fields emit sub-fields; their types are in `fields`.
    if (def.type === 'composite' && isObject(def.fields)) {
      for (const [sub, subDef] of Object.entries(def.fields)) {
        if (isObject(subDef) && typeof subDef.type === 'string') out.set(`${path}.${sub}`, makeField(`${path}.${sub}`, subDef.type, source));
      }
    } else {
      out.set(path, makeField(path, def.type, source, facts(def, def.type)));
    }
  }
}

function facts(def: Json, type: string): FieldFacts {
  return {
    aliasOf: type === 'alias' ? (def.path as string) : undefined,
    nullValue: isNullValue(def.null_value) ? def.null_value : undefined,
    format: typeof def.format === 'string' ? def.format : undefined,
    ignoreAbove: typeof def.ignore_above === 'number' ? def.ignore_above : undefined,
    normalizer: typeof def.normalizer === 'string' ? def.normalizer : undefined,
    dynamic: def.enabled === false ? false : dynamicOf(def.dynamic),
    description: isObject(def.meta) && typeof def.meta.description === 'string' ? def.meta.description : undefined,
  };
}

function isNullValue(v: unknown): v is NullValue {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function dynamicOf(v: unknown): FieldInfo['dynamic'] {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  if (v === 'strict' || v === 'runtime') return v;
  return undefined;
}
