import { describe, expect, it } from 'vitest';
import { checkMock, codesOf } from '../../testing/check-mock.js';

describe('extensions Elasticsearch rejects', () => {
  it.each([
    ['any where stringField == otherStringField', ['warning eql/field-comparison']],
    ['any where add(longField, 1) == longField', ['warning eql/field-comparison']],
    ['any where stringField in (otherStringField, "x")', ['warning eql/field-comparison']],
    ['any where length(stringField) + length(otherStringField) > 10', ['warning eql/field-comparison']],
    ['any where length(stringField) - 1 == 5 and longField + 1 > 2', []],
    // Functions of two fields are scripts, which Elasticsearch runs (production rules do this).
    ['any where startsWith(stringField, otherStringField) and endsWith~(string(ipField), string(source.ip))', []],
    ['any where 1 == longField', []],
    // An optional field the mapping lacks is null, a constant: ES runs `?x == ?y` (its own QA suite does).
    ['any where ?nope == ?alsoNope', []],
    ['any where ?stringField == ?otherStringField', ['warning eql/field-comparison']],
    ['process where true | unique stringField', ['warning eql/legacy-pipe']],
    ['process where true | count stringField | sort longField', ['warning eql/legacy-pipe', 'warning eql/legacy-pipe']],
    ['process where true | filter longField > 1 | unique_count stringField', ['warning eql/legacy-pipe', 'warning eql/legacy-pipe']],
    ['process where true | head 5 | tail 2', []],
  ] as const)('%s', (query, expected) => {
    expect(codesOf(checkMock(query))).toEqual(expected);
  });

  it('give optional fields the benefit of the doubt without a schema', () => {
    expect(codesOf(checkMock('any where ?x == ?y', { schema: undefined }))).toEqual([]);
    expect(codesOf(checkMock('any where x == ?y', { schema: undefined }))).toEqual([]);
    expect(codesOf(checkMock('any where x == y', { schema: undefined }))).toEqual(['warning eql/field-comparison']);
  });

  it('become errors under strict', () => {
    expect(codesOf(checkMock('any where stringField == otherStringField | unique stringField', { strict: true }))).toEqual([
      'error eql/field-comparison',
      'error eql/legacy-pipe',
    ]);
  });

  it('say that Elasticsearch rejects them and eqlkit runs them', () => {
    const [d] = checkMock('process where true | unique stringField');
    expect(d.message).toBe('Elasticsearch rejects the `unique` pipe ("Pipe [unique] is not supported"; it supports `head` and `tail`); eqlkit runs it locally');
  });

  it('check the arguments of legacy pipes', () => {
    expect(codesOf(checkMock('process where true | filter stringField | unique nope'))).toEqual([
      'warning eql/legacy-pipe',
      'error eql/condition-type',
      'warning eql/legacy-pipe',
      'error eql/unknown-field',
    ]);
  });
});
