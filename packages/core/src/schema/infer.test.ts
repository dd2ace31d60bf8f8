import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../testing/shared-dir.js';
import { inferSchema, looksLikeDate } from './infer.js';


describe('inferSchema', () => {
  const events = [
    { '@timestamp': '2024-01-02T03:04:05.678Z', process: { pid: 4, name: 'cmd.exe', args: ['a', 'b'] }, ok: true, ratio: 0.5, port: 443 },
    { 'process.pid': 7, 'process.parent.name': 'explorer.exe', port: 'https', tags: [], nothing: null },
    { process: { pid: 8.5 }, nested: [{ a: 1 }, { a: 2 }], mixed: 'x' },
    { mixed: { deeper: 1 } },
  ];
  const result = inferSchema(events);

  it.each([
    ['@timestamp', 'date'],
    ['process', 'object'],
    ['process.pid', 'long'],
    ['process.name', 'text'],
    ['process.name.keyword', 'keyword'],
    ['process.parent', 'object'],
    ['process.parent.name', 'text'],
    ['process.args', 'text'],
    ['ok', 'boolean'],
    ['ratio', 'float'],
    ['port', 'long'],
    ['nested.a', 'long'],
    ['mixed', 'text'],
  ] as const)('%s → %s', (path, esType) => {
    expect(result.layer.fields.get(path)?.esType).toBe(esType);
  });

  it('follows ES defaults for strings: text with a keyword sub-field EQL compares through', () => {
    expect(result.schema.lookup('process.name')).toMatchObject({ family: 'text', exactField: 'process.name.keyword' });
    expect(result.layer.fields.get('process.name.keyword')).toMatchObject({ multiFieldOf: 'process.name', ignoreAbove: 256 });
  });

  it('marks arrays and skips nulls and empty arrays', () => {
    expect(result.layer.fields.get('process.args')?.arrayNormalized).toBe(true);
    expect(result.layer.fields.get('process.pid')?.arrayNormalized).toBeUndefined();
    expect(result.layer.fields.has('tags')).toBe(false);
    expect(result.layer.fields.has('nothing')).toBe(false);
  });

  it('reports conflicts, keeping the first type seen', () => {
    expect(result.conflicts).toEqual([
      { path: 'process.pid', types: ['long', 'float'], chosen: 'long', compatible: true },
      { path: 'port', types: ['long', 'text'], chosen: 'long', compatible: false },
      { path: 'mixed', types: ['text', 'object'], chosen: 'text', compatible: false },
    ]);
    expect(result.events).toBe(4);
  });

  it('can turn date detection off', () => {
    expect(inferSchema([{ t: '2024-01-02' }], { dateDetection: false }).layer.fields.get('t')?.esType).toBe('text');
  });

  it('names the layer after its source', () => {
    const r = inferSchema([{ a: 1 }], { source: 'events:x.ndjson' });
    expect(r.layer.name).toBe('events:x.ndjson');
    expect(r.schema.lookup('a')?.source).toBe('events:x.ndjson');
  });

  it.each([
    ['2024-01-02', true],
    ['2024-01-02T03:04', true],
    ['2024-01-02T03:04:05.123456789+02:00', true],
    ['2024/01/02 03:04:05 +0000', true],
    ['2024-13-02', false],
    ['1', false],
    ['10.0.0.1', false],
    ['02-01-2024', false],
    ['2024-01-02 03:04:05', false],
  ] as const)('date detection: %s → %s', (s, expected) => {
    expect(looksLikeDate(s)).toBe(expected);
  });
});

describe('inference against the conformance field maps', () => {
  const DATA = sharedPath('conformance/data');
  it.each(['endgame', 'extra', 'missing-events', 'sample1', 'sample2', 'sample3'])('%s: agrees with every dynamically mapped field', (name) => {
    const fields = JSON.parse(readFileSync(`${DATA}/${name}.fields.json`, 'utf8')) as { details: Record<string, { type: string; origin: string }> };
    const events = readFileSync(`${DATA}/${name}.ndjson`, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as object);
    const inferred = inferSchema(events).layer.fields;
    const dynamic = Object.entries(fields.details).filter(([, d]) => d.origin.startsWith('dynamic'));
    for (const [path, d] of dynamic) expect(inferred.get(path)?.esType, `${name} ${path}`).toBe(d.type);
  });
});
