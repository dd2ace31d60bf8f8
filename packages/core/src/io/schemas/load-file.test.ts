import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonErrorPosition, loadSchemaFile, SchemaFileError } from './load-file.js';

const dir = mkdtempSync(join(tmpdir(), 'eqlkit-schema-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('loadSchemaFile', () => {
  it.each([
    ['mapping.json', '{"logs-x": {"mappings": {"properties": {"process": {"properties": {"pid": {"type": "long"}}}}}}}', 'mapping', 'mapping:mapping.json'],
    ['flat.json', '{"process.pid": "long"}', 'flat-map', 'schema:flat.json'],
    ['extra.fields.json', '{"types": {"process.pid": "long"}}', 'fields-file', 'schema:extra.fields.json'],
    ['bom.json', '\ufeff{"process.pid": "long"}', 'flat-map', 'schema:bom.json'],
  ] as const)('reads %s as a %s layer named %s', (name, text, kind, layerName) => {
    const loaded = loadSchemaFile(file(name, text));
    expect(loaded.kind).toBe(kind);
    expect(loaded.layer.name).toBe(layerName);
    expect(loaded.layer.fields.get('process.pid')).toMatchObject({ esType: 'long', source: layerName });
  });

  it.each([
    ['trailing comma', '{\n  "a": "keyword",\n}\n', 3, 1],
    ['missing colon', '{\n  "a" "keyword"\n}', 2, 7],
    ['truncated', '{\n  "a": "keyword"', 2, 17],
    ['empty', '', 1, 1],
  ] as const)('reports invalid JSON (%s) as file:line:col', (_name, text, line, column) => {
    const path = file('bad.json', text);
    try {
      loadSchemaFile(path);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SchemaFileError);
      const err = e as SchemaFileError;
      expect([err.line, err.column]).toEqual([line, column]);
      expect(err.message.startsWith(`${path}:${line}:${column}: invalid JSON: `)).toBe(true);
      expect(err.message).not.toMatch(/position/);
    }
  });

  it.each([
    ['an array', '[1, 2]', /: not a mapping or field map/],
    ['a list of events', '{"@timestamp": 1, "process": {"pid": 1}}', /: not a mapping or field map/],
    ['a broken mapping', '{"properties": {"a": "keyword"}}', /: field 'a' must be an object .*\(at \/properties\/a\)/],
  ] as const)('says “not a mapping” for %s', (_name, text, message) => {
    expect(() => loadSchemaFile(file('shape.json', text))).toThrow(message);
  });

  it('says when the file cannot be read', () => {
    expect(() => loadSchemaFile(join(dir, 'nope.json'))).toThrow(/nope\.json: no such file$/);
  });
});

describe('jsonErrorPosition', () => {
  it.each([
    ['Unexpected token } in JSON at position 4', 'ab\ncd', 2, 2],
    ['Expected property name (line 3 column 1)', '', 3, 1],
    ['Unexpected end of JSON input', 'ab\nc', 2, 2],
  ] as const)('%s', (message, text, line, column) => {
    expect(jsonErrorPosition(message, text)).toEqual({ line, column });
  });
});
