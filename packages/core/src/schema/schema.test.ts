import { describe, expect, it } from 'vitest';
import { makeField } from './field-info.js';
import { buildSchema } from './schema.js';
import type { FieldInfo, SchemaLayer } from './types.js';

function layer(name: string, entries: [string, string, Partial<FieldInfo>?][], extra: Partial<SchemaLayer> = {}): SchemaLayer {
  return { name, fields: new Map(entries.map(([p, t, f]) => [p, makeField(p, t, name, f)])), ...extra };
}

const low = layer('low', [
  ['process.name', 'keyword', { description: 'Process name.', arrayNormalized: true }],
  ['file.Ext.windows.zone_identifier', 'keyword', { description: 'Zone.' }],
  ['stringField', 'keyword'],
]);
const high = layer(
  'high',
  [
    ['file.Ext.windows.zone_identifier', 'long'],
    ['process.name', 'keyword'],
    ['process.name.caseless', 'keyword', { multiFieldOf: 'process.name' }],
    ['event_type', 'keyword'],
    ['event.category', 'alias', { aliasOf: 'event_type', description: 'Alias.' }],
    ['event.dangling', 'alias', { aliasOf: 'no.such.field' }],
    ['tags', 'text'],
    ['tags.keyword', 'keyword', { multiFieldOf: 'tags' }],
    ['labels', 'object'],
    ['closed', 'object', { dynamic: 'strict' }],
    ['gen_ai.input.messages', 'flattened'],
    ['process.Ext.code_signature', 'nested'],
    ['process.Ext.code_signature.trusted', 'boolean'],
    ['aws.*.metrics.*.*', 'double'],
    ['k8s.user.extra.*', 'object'],
    ['version', 'version'],
    ['@timestamp_pretty', 'date', { format: 'dd-MM-yyyy' }],
    ['optional_field_default_null', 'keyword', { nullValue: 'NULL' }],
  ],
  { partialNamespaces: ['crowdstrike', 'ti_*'], notes: ['high is stale'] },
);
const schema = buildSchema([low, high]);

describe('lookup', () => {
  it.each([
    // path, esType, family, source, extra facts to check
    ['process.name', 'keyword', 'keyword', 'low', { description: 'Process name.', arrayNormalized: true }],
    ['process.name.caseless', 'keyword', 'keyword', 'high', { multiFieldOf: 'process.name' }],
    ['file.Ext.windows.zone_identifier', 'long', 'integer', 'high', { description: 'Zone.', overridden: [{ source: 'low', esType: 'keyword' }] }],
    ['event.category', 'keyword', 'keyword', 'high', { aliasOf: 'event_type', description: 'Alias.' }],
    ['event.dangling', 'alias', 'alias', 'high', { aliasOf: 'no.such.field' }],
    ['tags', 'text', 'text', 'high', { exactField: 'tags.keyword' }],
    ['gen_ai.input.messages.role', 'keyword', 'keyword', 'high', { implicit: 'flattened-leaf', flattenedIn: 'gen_ai.input.messages' }],
    ['process.Ext.code_signature.trusted', 'boolean', 'boolean', 'high', { nestedIn: 'process.Ext.code_signature' }],
    ['process', 'object', 'object', 'implicit', { implicit: 'object' }],
    ['process.Ext', 'object', 'object', 'implicit', { implicit: 'object' }],
    ['aws.rds.metrics.cpu.avg', 'double', 'float', 'high', { implicit: 'template', template: 'aws.*.metrics.*.*' }],
    ['version', 'version', 'version', 'high', {}],
    ['@timestamp_pretty', 'date', 'date', 'high', { format: 'dd-MM-yyyy' }],
    ['optional_field_default_null', 'keyword', 'keyword', 'high', { nullValue: 'NULL' }],
  ] as const)('%s → %s (%s) from %s', (path, esType, family, source, facts) => {
    const f = schema.lookup(path);
    expect(f).toMatchObject({ path, esType, family, source, ...facts });
  });

  it('keeps a declared field with the same type and no new facts as it was (no copy)', () => {
    expect(schema.lookup('stringField')).toBe(low.fields.get('stringField'));
  });

  it('never mutates the layers it merged', () => {
    expect(low.fields.get('file.Ext.windows.zone_identifier')?.esType).toBe('keyword');
    expect(high.fields.get('process.name')).not.toHaveProperty('description');
  });
});

describe('resolve', () => {
  it.each([
    ['labels.team', 'dynamic'], // object without declared children
    ['k8s.user.extra.authentication.kubernetes.io/pod-name', 'dynamic'], // wildcard object path
    ['closed.anything', 'unknown'], // dynamic: strict
    ['process.Ext.nope', 'unknown'], // object with declared children
    ['process.name.nope', 'unknown'], // under a leaf that has no such multi-field
    ['nope', 'unknown'],
  ] as const)('%s → %s', (path, kind) => {
    expect(schema.resolve(path).kind).toBe(kind);
  });

  it.each([
    ['crowdstrike.event.Foo', true],
    ['ti_abusech.malware.hash', true],
    ['process.nope', false],
    ['crowdstrikes.x', false],
  ] as const)('unknown %s is partial: %s', (path, partial) => {
    expect(schema.resolve(path)).toEqual({ kind: 'unknown', partial });
    expect(schema.isPartialAt(path)).toBe(partial);
  });

  it('reports completeness and notes', () => {
    expect(schema.isComplete).toBe(false);
    expect(schema.isPartialEverywhere).toBe(false);
    expect(schema.partialNamespaces).toEqual(['crowdstrike', 'ti_*']);
    expect(schema.notes).toEqual(['high is stale']);
    expect(buildSchema([low]).isComplete).toBe(true);
    const guess = buildSchema([low], { partialEverywhere: true });
    expect(guess.isComplete).toBe(false);
    expect(guess.resolve('anything.at.all')).toEqual({ kind: 'unknown', partial: true });
  });

  it('finds the enclosing container', () => {
    expect(schema.containerOf('labels.team')?.path).toBe('labels');
    expect(schema.containerOf('gen_ai.input.messages.a.b')?.family).toBe('flattened');
    expect(schema.containerOf('process.name.x')).toBeUndefined();
  });
});

describe('completion', () => {
  it('lists children, including intermediate objects nobody declared', () => {
    expect(schema.children('process')).toEqual(['process.Ext', 'process.name']);
    expect(schema.children('process.')).toEqual(['process.Ext', 'process.name']);
    expect(schema.children('process.name')).toEqual(['process.name.caseless']);
    expect(schema.children('')).toContain('gen_ai');
    expect(schema.children('nope')).toEqual([]);
  });

  it('iterates paths by prefix in sorted order', () => {
    expect([...schema.withPrefix('process.')]).toEqual(['process.Ext.code_signature', 'process.Ext.code_signature.trusted', 'process.name', 'process.name.caseless']);
    expect([...schema.withPrefix('zzz')]).toEqual([]);
    expect(schema.allPaths()).toHaveLength(schema.size);
  });
});

describe('suggest', () => {
  it.each([
    ['process.nmae', ['process.name']],
    ['Process.Name', ['process.name']],
    ['tag', ['tags']],
    ['completely.different.thing', []],
  ] as const)('%s → %j', (path, expected) => {
    expect(schema.suggest(path, 1)).toEqual(expected);
  });

  it('never suggests wildcard paths', () => {
    expect(schema.suggest('k8s.user.extra.x', 5).some((p) => p.includes('*'))).toBe(false);
  });
});
