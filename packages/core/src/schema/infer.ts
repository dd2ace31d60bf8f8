// Sample events → a layer, following Elasticsearch's default dynamic mapping (what an index without a mapping
// would do with these documents):
//   JSON string → `date` if it looks like an ISO date (date_detection), else `text` + `<field>.keyword` keyword
//   (ignore_above 256); integer → long; fraction → float; boolean → boolean; object → object; null and [] → nothing;
//   arrays take their elements' type. `{"a.b": 1}` and `{"a": {"b": 1}}` are the same field.
// The first type seen wins, as in ES; every other type seen is reported as a conflict.
// Limit: JSON.parse turns `1.0` into 1, so a float written with a zero fraction is inferred as long.
import { eqlValueKind, familyOf } from './families.js';
import { makeField } from './field-info.js';
import { MAX_NESTING_DEPTH } from '../eval/record-check.js';
import { buildSchema } from './schema.js';
import type { FieldConflict, FieldInfo, Schema, SchemaLayer } from './types.js';

export interface InferenceOptions {
  /** Layer name; default `inferred`. */
  readonly source?: string;
  /** Detect ISO-looking strings as dates (ES `date_detection`, default true). */
  readonly dateDetection?: boolean;
}

export interface InferenceResult {
  readonly layer: SchemaLayer;
  /** The layer as a schema on its own. */
  readonly schema: Schema;
  /** Paths seen with more than one type, in first-seen order. */
  readonly conflicts: readonly FieldConflict[];
  /** Number of events read. */
  readonly events: number;
}

interface Seen {
  types: string[];
  array: boolean;
}

/** Infer field types from sample events (plain JSON objects). Never throws on odd values; ignores non-objects. */
export function inferSchema(events: Iterable<object>, options: InferenceOptions = {}): InferenceResult {
  const source = options.source ?? 'inferred';
  const detectDates = options.dateDetection ?? true;
  const seen = new Map<string, Seen>();
  const note = (path: string, type: string, array: boolean): void => {
    let s = seen.get(path);
    if (!s) seen.set(path, (s = { types: [], array: false }));
    if (!s.types.includes(type)) s.types.push(type);
    s.array ||= array;
  };
  const visit = (value: unknown, path: string, inArray: boolean, depth = 0): void => {
    if (value === null || value === undefined) return;
    // Deeper than any index would map (Elasticsearch refuses far less): not followed, so no event exhausts the stack.
    if (depth > MAX_NESTING_DEPTH) return;
    if (Array.isArray(value)) {
      for (const el of value) visit(el, path, true, depth + 1);
      return;
    }
    if (typeof value === 'object') {
      if (path !== '') note(path, 'object', inArray);
      for (const [key, v] of Object.entries(value)) {
        // Dotted keys expand to objects, exactly like nesting.
        const segments = key.split('.');
        let p = path;
        for (let i = 0; i < segments.length - 1; i++) {
          p = p ? `${p}.${segments[i]}` : segments[i];
          note(p, 'object', false);
        }
        const last = segments[segments.length - 1];
        visit(v, p ? `${p}.${last}` : last, false, depth + 1);
      }
      return;
    }
    note(path, scalarType(value, detectDates), inArray);
  };
  let count = 0;
  for (const event of events) {
    count++;
    if (typeof event === 'object' && event !== null && !Array.isArray(event)) visit(event, '', false);
  }
  const fields = new Map<string, FieldInfo>();
  const conflicts: FieldConflict[] = [];
  for (const [path, s] of seen) {
    const chosen = s.types[0];
    fields.set(path, makeField(path, chosen, source, { arrayNormalized: s.array || undefined }));
    if (chosen === 'text') fields.set(`${path}.keyword`, makeField(`${path}.keyword`, 'keyword', source, { multiFieldOf: path, ignoreAbove: 256 }));
    if (s.types.length > 1) conflicts.push({ path, types: s.types, chosen, compatible: compatible(s.types) });
  }
  const layer: SchemaLayer = { name: source, fields };
  return { layer, schema: buildSchema([layer]), conflicts, events: count };
}

function scalarType(value: unknown, detectDates: boolean): string {
  switch (typeof value) {
    case 'string':
      return detectDates && looksLikeDate(value) ? 'date' : 'text';
    case 'number':
      return Number.isInteger(value) ? 'long' : 'float';
    case 'bigint':
      return 'long';
    case 'boolean':
      return 'boolean';
    default:
      return 'text';
  }
}

// ES's default dynamic_date_formats: strict_date_optional_time, then "yyyy/MM/dd HH:mm:ss Z||yyyy/MM/dd Z".
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}(?::\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const SLASH_DATE = /^\d{4}\/\d{2}\/\d{2}(?: \d{2}:\d{2}:\d{2})?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/** True for strings ES's default date detection would map as `date`. */
export function looksLikeDate(s: string): boolean {
  if (!ISO_DATE.test(s) && !SLASH_DATE.test(s)) return false;
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Types are compatible when EQL treats their values alike (e.g. long and float are both numbers). */
function compatible(types: readonly string[]): boolean {
  const kinds = new Set(
    types.map((t) => {
      const k = eqlValueKind({ family: familyOf(t), exactField: t === 'text' ? `${t}.keyword` : undefined });
      return k === 'integer' || k === 'float' ? 'number' : (k ?? t);
    }),
  );
  return kinds.size === 1;
}
