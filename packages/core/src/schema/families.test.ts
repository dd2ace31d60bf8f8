import { describe, expect, it } from 'vitest';
import { loadBundledSchemas } from '../io/schemas/index.js';
import { eqlValueKind, familyOf, ruleValidatorKind } from './families.js';

describe('type families', () => {
  it('agrees with every type in the bundled type-families.json (family and the rule validator kind)', () => {
    const { types } = loadBundledSchemas().typeFamilies;
    expect(Object.keys(types).length).toBeGreaterThanOrEqual(24);
    for (const [esType, facts] of Object.entries(types)) {
      expect(familyOf(esType), esType).toBe(facts.family);
      expect(ruleValidatorKind(familyOf(esType)), esType).toBe(facts.eql);
    }
  });

  it.each([
    // esType, family, ES EQL value kind
    ['keyword', 'keyword', 'string'],
    ['constant_keyword', 'keyword', 'string'],
    ['wildcard', 'keyword', 'string'],
    ['version', 'version', 'version'],
    ['ip', 'ip', 'ip'],
    ['long', 'integer', 'integer'],
    ['byte', 'integer', 'integer'],
    ['unsigned_long', 'integer', 'integer'],
    ['half_float', 'float', 'float'],
    ['scaled_float', 'float', 'float'],
    ['boolean', 'boolean', 'boolean'],
    ['date', 'date', 'date'],
    ['date_nanos', 'date', 'date'],
    ['text', 'text', null],
    ['match_only_text', 'text', null],
    ['object', 'object', null],
    ['nested', 'nested', null],
    ['flattened', 'flattened', null],
    ['geo_point', 'geo_point', null],
    ['dense_vector', 'unknown', null],
  ] as const)('%s → %s, EQL %s', (esType, family, kind) => {
    expect(familyOf(esType)).toBe(family);
    expect(eqlValueKind({ family: familyOf(esType) })).toBe(kind);
  });

  it('lets a text field through when it has a keyword sub-field', () => {
    expect(eqlValueKind({ family: 'text', exactField: 'tags.keyword' })).toBe('string');
  });

  it('does not treat inherited object keys as types', () => {
    expect(familyOf('constructor')).toBe('unknown');
    expect(familyOf('toString')).toBe('unknown');
  });
});
