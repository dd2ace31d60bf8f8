import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import { pipeLimit } from './pipe-limit.js';

const limitOf = (query: string) => pipeLimit(parse(query).ast!.pipes[0]);

describe('pipeLimit: the count of head/tail, folded as Elasticsearch folds it', () => {
  it.each([
    ['any where true | head 5', 5],
    ['any where true | head 2147483648-1', 2147483647],
    ['any where true | tail 5 * 2', 10],
    ['any where true | tail (7 / 2)', 3],
    ['any where true | head 7 % 4', 3],
    ['any where true | head -(-3)', 3],
    ['any where true | head 0', 0],
  ] as const)('%s → %d', (query, expected) => {
    expect(limitOf(query)).toBe(expected);
  });

  it.each(['any where true | head -1', 'any where true | head 1.5', 'any where true | head x', 'any where true | head 1 / 0', 'any where true | head 2 - 3'])(
    '%s has none',
    (query) => {
      expect(limitOf(query)).toBeUndefined();
    },
  );
});
