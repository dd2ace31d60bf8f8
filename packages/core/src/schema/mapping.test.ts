import { describe, expect, it } from 'vitest';
import { parseSchemaDocument } from './document.js';
import { parseMapping } from './mapping.js';
import { buildSchema } from './schema.js';
import { SchemaShapeError } from './shape-error.js';

// The mapping of the conformance `extra` index, in the shape `GET extra/_mapping` returns, plus the
// features the conformance mappings do not use.
const properties = {
  '@timestamp': { type: 'date' },
  event_type: { type: 'keyword' },
  event: { properties: { category: { type: 'alias', path: 'event_type' }, sequence: { type: 'alias', path: 'sequence' } } },
  sequence: { type: 'long' },
  version: { type: 'version' },
  optional_field_default_null: { type: 'keyword', null_value: 'NULL' },
  '@timestamp_pretty': { type: 'date', format: 'dd-MM-yyyy' },
  tags: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
  process: {
    properties: {
      name: { type: 'keyword', fields: { caseless: { type: 'keyword', normalizer: 'lowercase' }, text: { type: 'match_only_text' } } },
      'Ext.token.integrity_level_name': { type: 'keyword' },
    },
  },
  labels: { type: 'object' },
  closed: { type: 'object', dynamic: 'strict', properties: {} },
  disabled: { type: 'object', enabled: false },
  attributes: { type: 'flattened' },
  dns: { properties: { answers: { type: 'nested', properties: { data: { type: 'keyword' } } } } },
  host_ip: { type: 'ip', meta: { description: 'Host address.' } },
  note: { type: 'text', fields: { lower: { type: 'keyword', normalizer: 'lowercase' } } },
};

const envelopes = [
  ['GET _mapping response', { extra: { mappings: { properties } } }],
  ['{mappings}', { mappings: { properties } }],
  ['{properties}', { properties }],
  ['pre-7 {mappings: {_doc}}', { mappings: { _doc: { properties } } }],
] as const;

describe('parseMapping', () => {
  it.each(envelopes)('reads the %s envelope', (_name, doc) => {
    const { layer, conflicts } = parseMapping(doc, 'mapping:extra');
    expect(conflicts).toEqual([]);
    expect(layer.name).toBe('mapping:extra');
    expect(layer.fields.get('process.name')?.esType).toBe('keyword');
  });

  const schema = buildSchema([parseMapping({ extra: { mappings: { properties } } }, 'mapping:extra').layer]);

  it.each([
    // path, expected facts
    ['event.category', { esType: 'keyword', family: 'keyword', aliasOf: 'event_type' }],
    ['event.sequence', { esType: 'long', family: 'integer', aliasOf: 'sequence' }],
    ['event', { esType: 'object' }],
    ['version', { esType: 'version', family: 'version' }],
    ['optional_field_default_null', { nullValue: 'NULL' }],
    ['@timestamp_pretty', { esType: 'date', format: 'dd-MM-yyyy' }],
    ['tags', { esType: 'text', exactField: 'tags.keyword' }],
    ['tags.keyword', { esType: 'keyword', multiFieldOf: 'tags', ignoreAbove: 256 }],
    ['process.name.caseless', { esType: 'keyword', multiFieldOf: 'process.name', normalizer: 'lowercase' }],
    ['process.name.text', { esType: 'match_only_text', family: 'text', multiFieldOf: 'process.name' }],
    ['process.Ext.token.integrity_level_name', { esType: 'keyword' }],
    ['process.Ext', { esType: 'object', implicit: 'object' }],
    ['closed', { esType: 'object', dynamic: 'strict' }],
    ['disabled', { dynamic: false }],
    ['attributes.any.key', { esType: 'keyword', flattenedIn: 'attributes' }],
    ['dns.answers.data', { esType: 'keyword', nestedIn: 'dns.answers' }],
    ['host_ip', { esType: 'ip', family: 'ip', description: 'Host address.', source: 'mapping:extra' }],
  ] as const)('%s', (path, facts) => {
    expect(schema.lookup(path)).toMatchObject(facts);
  });

  it('keeps a keyword normalizer, and a normalized keyword is no exact copy of its text field', () => {
    expect(schema.lookup('note.lower')).toMatchObject({ esType: 'keyword', normalizer: 'lowercase', multiFieldOf: 'note' });
    expect(schema.lookup('note')?.exactField).toBeUndefined();
    expect(schema.lookup('tags')?.exactField).toBe('tags.keyword');
  });

  it('gives a text field with several exact keyword multi-fields no exact field, but the candidates', () => {
    const s = buildSchema([parseMapping({ properties: { t: { type: 'text', fields: { a: { type: 'keyword' }, b: { type: 'keyword' }, n: { type: 'keyword', normalizer: 'lowercase' } } } } }, 'm').layer]);
    expect(s.lookup('t')).toMatchObject({ exactCandidates: ['t.a', 't.b'] });
    expect(s.lookup('t')?.exactField).toBeUndefined();
  });

  it.each([
    ['labels.team', 'dynamic'],
    ['closed.x', 'unknown'],
    ['disabled.x', 'unknown'],
    ['process.nope', 'unknown'],
  ] as const)('%s resolves as %s', (path, kind) => {
    expect(schema.resolve(path).kind).toBe(kind);
  });

  it('reads runtime fields, including composite ones', () => {
    const { layer } = parseMapping(
      { mappings: { runtime: { day: { type: 'keyword' }, http: { type: 'composite', fields: { status: { type: 'long' } } } }, properties: {} } },
      'm',
    );
    expect([...layer.fields.keys()].sort()).toEqual(['day', 'http.status']);
  });

  it('merges several indices and reports the fields they type differently', () => {
    const { layer, conflicts } = parseMapping(
      {
        'logs-a': { mappings: { properties: { port: { type: 'long' }, a: { type: 'keyword' } } } },
        'logs-b': { mappings: { properties: { port: { type: 'keyword' }, b: { type: 'ip' } } } },
      },
      'm',
    );
    expect([...layer.fields.keys()].sort()).toEqual(['a', 'b', 'port']);
    expect(layer.fields.get('port')?.esType).toBe('long');
    expect(conflicts).toEqual([{ path: 'port', types: ['long', 'keyword'], chosen: 'long', compatible: false, sources: ['logs-a', 'logs-b'] }]);
  });

  it.each([
    ['a field definition that is not an object', { properties: { a: 'keyword' } }, /field 'a' must be an object/, '/properties/a'],
    ['a non-string type', { properties: { a: { type: 3 } } }, /`type` must be a string/, '/properties/a'],
    ['an alias without path', { properties: { a: { type: 'alias' } } }, /alias field 'a' needs a string `path`/, '/properties/a'],
    ['a bad multi-field', { mappings: { properties: { a: { type: 'text', fields: { k: {} } } } } }, /multi-field 'a.k'/, '/mappings/properties/a/fields/k'],
    ['nested bad properties', { x: { mappings: { properties: { o: { properties: [] } } } } }, /`properties` must be an object/, '/x/mappings/properties/o/properties'],
  ] as const)('rejects %s with a pointer', (_name, doc, message, pointer) => {
    try {
      parseMapping(doc, 'm');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SchemaShapeError);
      expect((e as SchemaShapeError).message).toMatch(message);
      expect((e as SchemaShapeError).pointer).toBe(pointer);
    }
  });
});

describe('parseSchemaDocument', () => {
  it.each([
    ['mapping', { properties: { a: { type: 'keyword' } } }],
    ['mapping', { idx: { mappings: { properties: { a: { type: 'keyword' } } } } }],
    ['flat-map', { a: 'keyword', 'b.c': 'long' }],
    ['flat-map', { a: { type: 'keyword', description: 'A.' } }],
    ['fields-file', { dataset: 'x', types: { a: 'keyword' } }],
  ] as const)('recognises a %s', (kind, doc) => {
    const parsed = parseSchemaDocument(doc, 'src');
    expect(parsed.kind).toBe(kind);
    expect(parsed.layer.fields.get('a')?.esType).toBe('keyword');
  });

  it.each([
    [[1, 2], /not a mapping or field map/],
    [42, /not a mapping or field map/],
    [{}, /not a mapping or field map/],
    [{ a: [1] }, /not a mapping or field map/],
    [{ a: 'keyword', b: 5 }, /the value of 'b' must be a type name/],
    [{ '@timestamp': '2024-01-02T00:00:00Z', user: 'admin' }, /the value of '@timestamp' must be a type name/],
  ] as const)('rejects %j', (doc, message) => {
    expect(() => parseSchemaDocument(doc, 'src')).toThrow(message);
  });
});
