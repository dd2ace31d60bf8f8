import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../testing/shared-dir.js';
import { parseFieldsFile, parseFlatMap } from './flat-map.js';
import { buildSchema } from './schema.js';


describe('parseFlatMap', () => {
  it('reads `path: type` entries and skips bundled metadata records', () => {
    const layer = parseFlatMap({ _source: { repo: 'x' }, 'process.pid': 'long', 'process.Ext': 'object', 'source.ip': 'ip' }, 'schema:t');
    expect([...layer.fields.keys()]).toEqual(['process.pid', 'process.Ext', 'source.ip']);
    expect(layer.fields.get('source.ip')).toEqual({ path: 'source.ip', esType: 'ip', family: 'ip', source: 'schema:t' });
  });

  it('reads the ecs-flat entry shape', () => {
    const layer = parseFlatMap(
      {
        'process.args': { type: 'keyword', normalize: ['array'], description: 'Arguments.' },
        'process.command_line': { type: 'wildcard' },
        'process.command_line.text': { type: 'match_only_text', multi_field_of: 'process.command_line' },
        'event.category': { type: 'alias', path: 'event_type' },
        event_type: { type: 'keyword' },
      },
      'schema:t',
    );
    const s = buildSchema([layer]);
    expect(s.lookup('process.args')).toMatchObject({ arrayNormalized: true, description: 'Arguments.' });
    expect(s.lookup('process.command_line.text')).toMatchObject({ family: 'text', multiFieldOf: 'process.command_line' });
    expect(s.lookup('event.category')).toMatchObject({ esType: 'keyword', aliasOf: 'event_type' });
  });

  it('treats a child of a leaf field as its multi-field', () => {
    const layer = parseFlatMap({ tags: 'text', 'tags.keyword': 'keyword', obj: 'object', 'obj.x': 'long' }, 's');
    expect(layer.fields.get('tags.keyword')?.multiFieldOf).toBe('tags');
    expect(layer.fields.get('obj.x')?.multiFieldOf).toBeUndefined();
    expect(buildSchema([layer]).lookup('tags')?.exactField).toBe('tags.keyword');
  });
});

describe('conformance *.fields.json', () => {
  const DATA = sharedPath('conformance/data');
  const load = (name: string) => buildSchema([parseFieldsFile(JSON.parse(readFileSync(`${DATA}/${name}.fields.json`, 'utf8')), `schema:${name}`)]);

  it.each([
    // dataset, path, expected facts
    ['extra', 'event.category', { esType: 'keyword', aliasOf: 'event_type' }],
    ['extra', 'event.sequence', { esType: 'long', aliasOf: 'sequence' }],
    ['extra', 'optional_field_default_null', { esType: 'keyword', nullValue: 'NULL' }],
    ['extra', 'version', { family: 'version' }],
    ['extra', 'tags', { esType: 'text', exactField: 'tags.keyword' }],
    ['extra', 'tags.keyword', { multiFieldOf: 'tags', ignoreAbove: 256 }],
    ['extra', 'process.pid', { esType: 'long' }],
    ['sample1', '@timestamp_pretty', { esType: 'date', format: 'dd-MM-yyyy' }],
    ['sample2', '@timestamp_pretty', { esType: 'date', format: 'yyyy-MM-dd' }],
    ['sample1', 'ip', { family: 'ip' }],
    ['endgame', 'event.category', { aliasOf: 'event_type' }],
    ['endgame', 'serial_event_id', { family: 'integer' }],
  ] as const)('%s: %s', (dataset, path, facts) => {
    expect(load(dataset).lookup(path)).toMatchObject(facts);
  });

  it('knows every field each dataset’s `types` lists', () => {
    for (const name of ['endgame', 'extra', 'missing-events', 'sample1', 'sample2', 'sample3']) {
      const doc = JSON.parse(readFileSync(`${DATA}/${name}.fields.json`, 'utf8')) as { types: Record<string, string> };
      const s = load(name);
      for (const [path, type] of Object.entries(doc.types)) expect(s.lookup(path)?.esType, `${name} ${path}`).toBe(type);
    }
  });
});
