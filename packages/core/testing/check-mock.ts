// Test support for the checker's unit tests: a mock schema whose fields are named after their type, and a
// one-call "check this query and give me the codes" helper. Pure; used only by *.test.ts files.
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { makeField } from '../src/schema/field-info.js';
import { buildSchema } from '../src/schema/schema.js';
import type { FieldFacts } from '../src/schema/field-info.js';
import type { Schema, SchemaLayer } from '../src/schema/types.js';
import { checkText } from '../src/check/check.js';
import type { CheckOptions } from '../src/check/context.js';

const FIELDS: [string, string, FieldFacts?][] = [
  ['stringField', 'keyword'],
  ['otherStringField', 'keyword'],
  ['wildcardField', 'wildcard'],
  ['constantField', 'constant_keyword'],
  ['longField', 'long'],
  ['otherLongField', 'long'],
  ['integerField', 'integer'],
  ['doubleField', 'double'],
  ['booleanField', 'boolean'],
  ['ipField', 'ip'],
  ['dateField', 'date'],
  ['dateNanosField', 'date_nanos'],
  ['versionField', 'version'],
  ['textField', 'text'],
  ['textWithKeyword', 'text'],
  ['textWithKeyword.keyword', 'keyword', { multiFieldOf: 'textWithKeyword' }],
  ['objectField.child', 'keyword'],
  ['dynamicObject', 'object'],
  ['nestedField', 'nested'],
  ['nestedField.inner', 'keyword'],
  ['geoField', 'geo_point'],
  ['flattenedField', 'flattened'],
  ['arrayField', 'keyword', { arrayNormalized: true }],
  ['event.category', 'keyword', { allowedValues: ['process', 'network', 'file', 'registry', 'library', 'driver', 'authentication'].map((name) => ({ name })) }],
  ['event.type', 'keyword', { allowedValues: ['start', 'end', 'info', 'creation'].map((name) => ({ name })) }],
  ['process.name', 'keyword'],
  ['process.pid', 'long'],
  ['process.entity_id', 'keyword'],
  ['process.code_signature.trusted', 'boolean'],
  ['process.Ext.token.integrity_level_name', 'keyword'],
  ['source.ip', 'ip'],
  ['@timestamp', 'date'],
];

/** A layer with the mock fields (plus `extra`), named `mock`. */
export function mockLayer(extra: [string, string, FieldFacts?][] = [], options: Partial<SchemaLayer> = {}): SchemaLayer {
  return { name: 'mock', fields: new Map([...FIELDS, ...extra].map(([p, t, f]) => [p, makeField(p, t, 'mock', f)])), ...options };
}

/** The mock schema: complete unless `partialNamespaces` says otherwise. */
export function mockSchema(extra: [string, string, FieldFacts?][] = [], options: Partial<SchemaLayer> = {}): Schema {
  return buildSchema([mockLayer(extra, options)]);
}

export const MOCK_SCHEMA = mockSchema();

/** Parses and checks `query` against the mock schema (or `options.schema`); returns every diagnostic. */
export function checkMock(query: string, options: Omit<CheckOptions, 'source'> = {}): readonly Diagnostic[] {
  return checkText(query, { schema: MOCK_SCHEMA, ...options }).diagnostics;
}

/** `severity code` of each diagnostic, in order. */
export function codesOf(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.severity} ${d.code}`);
}
