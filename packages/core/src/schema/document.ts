// A user's schema document of any supported shape → one layer. The io loader calls this after parsing JSON;
// an editor or test can call it on an object directly.
import { looksLikeFieldsFile, mightBeFlatMap, parseFieldsFile, parseFlatMap } from './flat-map.js';
import { looksLikeMapping, parseMapping } from './mapping.js';
import { SchemaShapeError } from './shape-error.js';
import type { FieldConflict, SchemaLayer } from './types.js';

export interface SchemaDocument {
  /** Which shape was recognised. */
  readonly kind: 'mapping' | 'fields-file' | 'flat-map';
  readonly layer: SchemaLayer;
  /** Type conflicts inside the document (only a multi-index `_mapping` response has them). */
  readonly conflicts: readonly FieldConflict[];
}

/**
 * Recognise and parse an ES mapping (three envelopes), a conformance fields file or a flat field map.
 * The layer is named `source`. Throws SchemaShapeError when the shape is none of these or an entry is malformed.
 */
export function parseSchemaDocument(doc: unknown, source: string): SchemaDocument {
  if (looksLikeMapping(doc)) {
    const { layer, conflicts } = parseMapping(doc, source);
    return { kind: 'mapping', layer, conflicts };
  }
  if (looksLikeFieldsFile(doc)) return { kind: 'fields-file', layer: parseFieldsFile(doc, source), conflicts: [] };
  // Parse anything that has some `path: type` entries as a flat map, so a bad entry gets a precise error.
  if (mightBeFlatMap(doc)) return { kind: 'flat-map', layer: parseFlatMap(doc, source), conflicts: [] };
  throw new SchemaShapeError(
    'not a mapping or field map: expected an Elasticsearch mapping ({"properties": …}, {"mappings": …} or a `GET <index>/_mapping` response), ' +
      'or a flat map {"field.path": "type", …}',
    '',
  );
}
