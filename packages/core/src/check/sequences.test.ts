import { describe, expect, it } from 'vitest';
import { checkMock, codesOf } from '../../testing/check-mock.js';

describe('join keys', () => {
  it.each([
    ['sequence by process.entity_id [process where true] [process where true]', []],
    ['sequence [process where true] by stringField [network where true] by wildcardField', []],
    ['sequence [process where true] by longField [network where true] by doubleField', []],
    ['sequence [process where true] by stringField [network where true] by longField', ['error eql/join-key-type']],
    ['sequence [process where true] by stringField, ipField [network where true] by stringField, stringField', ['error eql/join-key-type']],
    ['sequence [process where true] by stringField [network where true] by stringField until [process where true] by booleanField', ['error eql/join-key-type']],
    ['sample [process where true] by stringField [network where true] by ipField', ['error eql/join-key-type']],
    ['sequence [process where true] by stringField [network where true] by unknownThing', ['error eql/unknown-field']],
    ['sequence [process where true] by ?stringField [network where true] by ?otherStringField', []],
    ['sequence [process where true] by length(stringField) [network where true] by longField', ['error eql/join-key-expression']],
  ] as const)('%s', (query, expected) => {
    expect(codesOf(checkMock(query))).toEqual(expected);
  });

  it('names both keys and their types', () => {
    const q = 'sequence [process where true] by stringField [network where true] by longField';
    const [d] = checkMock(q);
    expect(q.slice(d.span.start, d.span.end)).toBe('longField');
    expect(d.message).toBe('sequence key `longField` is an integer, but the key at the same position in the first stage, `stringField`, is a string; keys of different types never join');
  });

  it('leaves key counts, maxspan, runs and missing-event rules to the parser (one diagnostic each)', () => {
    expect(codesOf(checkMock('sequence [process where true] by stringField [network where true]'))).toEqual(['error eql/join-key-count']);
    expect(codesOf(checkMock('sequence [process where true] ![network where true]'))).toEqual(['error eql/missing-needs-maxspan']);
    expect(codesOf(checkMock('sequence [process where true] [file where true] with runs=101 [network where true]'))).toEqual(['error eql/runs-range']);
  });
});
