import { describe, expect, it } from 'vitest';
import { buildSchema } from '../schema/schema.js';
import { makeField } from '../schema/field-info.js';
import { fieldPath, pathToEql } from './fields.js';
import { checkMock, codesOf, mockSchema } from '../../testing/check-mock.js';
import { parse } from '../parse.js';
import type { FieldRef } from '../ast/nodes.js';

describe('field references', () => {
  it.each([
    // query, expected diagnostics (severity code)
    ['any where stringField == "a"', []],
    ['any where ?unknownField == "a"', []],
    ['any where unknownField == "a"', ['error eql/unknown-field']],
    ['any where objectField.child == "a"', []],
    ['any where objectField.missing == "a"', ['error eql/unknown-field']],
    ['any where dynamicObject.anything == "a"', []],
    ['any where flattenedField.some.leaf == "a"', []],
    ['any where textField == "a"', ['error eql/text-field']],
    ['any where textWithKeyword == "a"', []],
    ['any where nestedField.inner == "a"', ['error eql/unsupported-field-type']],
    ['any where objectField == "a"', ['error eql/unsupported-field-type']],
    ['any where ?objectField == null', []],
    ['any where geoField == "a"', ['error eql/unsupported-field-type']],
    ['any where dateField > 0 and versionField == "1.2.3"', []],
    ['any where `stringField` == "a"', []],
    ['any where stringField[0] == "a"', ['error eql/array-index']],
  ] as const)('%s', (query, expected) => {
    expect(codesOf(checkMock(query))).toEqual(expected);
  });

  describe('types Elasticsearch EQL cannot use, as the mapping gives them', () => {
    const schema = mockSchema([
      ['caseless', 'keyword', { normalizer: 'lowercase' }],
      ['portRange', 'integer_range'],
      ['window', 'date_range'],
      ['net', 'ip_range'],
      ['area', 'geo_shape'],
      ['blob', 'binary'],
    ]);
    it.each([
      ['any where caseless == "a"', ['error eql/unsupported-field-type']],
      ['any where caseless : "a*"', ['error eql/unsupported-field-type']],
      ['any where startsWith(caseless, "a")', ['error eql/unsupported-field-type']],
      ['sample by caseless [process where true] [network where true]', []],
      ['any where portRange == 1', ['error eql/unsupported-field-type']],
      ['any where window == "2020-01-01"', ['error eql/unsupported-field-type']],
      ['any where net == "10.0.0.1"', ['error eql/unsupported-field-type']],
      ['any where area == 0', ['error eql/unsupported-field-type']],
      ['any where blob == "x"', ['error eql/unsupported-field-type']],
    ] as const)('%s', (query, expected) => {
      expect(codesOf(checkMock(query, { schema }))).toEqual(expected);
    });

    it('refuses a text field with several keyword multi-fields, and offers each', () => {
      const amb = mockSchema([
        ['amb', 'text'],
        ['amb.raw', 'keyword', { multiFieldOf: 'amb' }],
        ['amb.keyword', 'keyword', { multiFieldOf: 'amb' }],
      ]);
      const [d, ...rest] = checkMock('any where amb == "a"', { schema: amb });
      expect(rest).toEqual([]);
      expect(d.code).toBe('eql/text-field');
      expect(d.message).toMatch(/several keyword multi-fields \(`amb.raw`, `amb.keyword`\).*Multiple exact keyword candidates/);
      expect(d.suggestions?.map((x) => x.edits[0].text)).toEqual(['amb.raw', 'amb.keyword']);
    });

    it('says why, in plain words, on the field', () => {
      const q = 'any where caseless == "a" and portRange == 1 and blob == "x"';
      const ds = checkMock(q, { schema });
      expect(ds.map((d) => q.slice(d.span.start, d.span.end))).toEqual(['caseless', 'portRange', 'blob']);
      expect(ds[0].message).toMatch(/normalizer `lowercase`.*cannot compare a normalized keyword exactly/);
      expect(ds[1].message).toBe('`portRange` is a `integer_range` field: Elasticsearch EQL cannot use this type ("unsupported type")');
      expect(ds[2].message).toMatch(/Binary fields do not support searching.*the search fails/);
    });
  });

  it('suggests the closest fields, then the optional form, with edits on the field span', () => {
    const q = 'process where process.Ext.token.integrity_level_nmae == "high"';
    const [d] = checkMock(q);
    expect(d).toMatchObject({ code: 'eql/unknown-field', severity: 'error', span: { start: 14, end: 52 } });
    expect(d.suggestions?.[0]).toEqual({ message: 'did you mean `process.Ext.token.integrity_level_name`?', edits: [{ span: { start: 14, end: 52 }, text: 'process.Ext.token.integrity_level_name' }] });
    expect(d.suggestions?.at(-1)?.edits).toEqual([{ span: { start: 14, end: 14 }, text: '?' }]);
  });

  it('is a warning where the schema is known to be incomplete', () => {
    const schema = mockSchema([], { partialNamespaces: ['crowdstrike'] });
    expect(codesOf(checkMock('any where crowdstrike.x == "a" and other.x == "b"', { schema }))).toEqual(['warning eql/unknown-field', 'error eql/unknown-field']);
    expect(checkMock('any where crowdstrike.x == "a"', { schema })[0].message).toMatch(/incomplete/);
  });

  it('checks nothing about fields without a schema', () => {
    expect(checkMock('any where anything.at.all == "a" and textField == 1', { schema: undefined })).toEqual([]);
  });

  it('requires non-sequence queries to pass every separate target', () => {
    const endgame = buildSchema([{ name: 'endgame', fields: new Map([['process.name', makeField('process.name', 'keyword', 'endgame')]]) }]);
    const targets = [{ name: 'endgame', patterns: ['endgame-*'], schema: endgame }];
    expect(codesOf(checkMock('process where process.name == "a" and process.pid == 1', { targets }))).toEqual(['error eql/field-not-in-target']);
    expect(codesOf(checkMock('process where process.name == "a" and ?process.pid == 1', { targets }))).toEqual([]);
    // detection-rules validates sequences per stage against their own data source, not against endgame alone
    expect(codesOf(checkMock('sequence [process where process.pid == 1] [process where true]', { targets }))).toEqual([]);
  });
});

describe('paths', () => {
  const ref = (q: string) => (parse(`any where ${q}`).ast!.query as { condition: FieldRef }).condition;
  it.each([
    ['a.b', 'a.b'],
    ['?a.b', 'a.b'],
    ['a.`b c`[0].d', 'a.b c.d'],
  ])('%s → %s', (text, path) => expect(fieldPath(ref(text))).toBe(path));

  it.each([
    ['process.name', 'process.name'],
    ['k8s.user.extra/pod-name', 'k8s.user.`extra/pod-name`'],
    ['@timestamp', '@timestamp'],
    ['a.0', 'a.`0`'],
  ])('writes %s as %s', (path, text) => expect(pathToEql(path)).toBe(text));
});
