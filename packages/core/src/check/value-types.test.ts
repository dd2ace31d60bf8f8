import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import type { EventQuery } from '../ast/nodes.js';
import { asLiteral, compatible, type ValueType } from './value-types.js';

describe('compatible (Elasticsearch areCompatible)', () => {
  it.each([
    ['string', 'version', true],
    ['integer', 'float', true],
    ['number', 'integer', true],
    ['string', 'integer', false],
    ['ip', 'string', false],
    ['boolean', 'integer', false],
    ['date', 'date', true],
    ['date', 'string', false],
    ['unknown', 'boolean', true],
    ['null', 'ip', true],
  ] as const)('%s ~ %s → %s', (a, b, expected) => {
    expect(compatible(a as ValueType, b as ValueType)).toBe(expected);
    expect(compatible(b as ValueType, a as ValueType)).toBe(expected);
  });
});

describe('asLiteral', () => {
  const expr = (q: string) => (parse(`any where x == ${q}`).ast!.query as EventQuery).condition;
  it('folds a negated number and keeps its text', () => {
    const e = expr('-1.5');
    expect(e.kind === 'compare' && asLiteral(e.right)).toMatchObject({ kind: 'number', value: -1.5, text: '-1.5', integer: false });
  });
  it('is undefined for anything else', () => {
    const e = expr('-y');
    expect(e.kind === 'compare' && asLiteral(e.right)).toBeUndefined();
  });
});
