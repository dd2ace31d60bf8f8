import { describe, expect, it } from 'vitest';
import { sexpr } from '../ast/sexpr.js';
import { parse } from '../parse.js';
import { rewriteCondition } from './rewrite.js';

const rewrite = (condition: string, floats: string[] = []) => {
  const ast = parse(`a where ${condition}`).ast!;
  if (ast.query.kind !== 'event') throw new Error('event query expected');
  return sexpr(rewriteCondition(ast.query.condition, { isFloat: (e) => e.kind === 'field' && floats.includes(e.name) }));
};

describe('rewriteCondition (Elasticsearch optimizer rewrites)', () => {
  it.each([
    // not over a comparison flips it; double negation goes
    ['not x > 5', '(<= x 5)'],
    ['not x == 5', '(!= x 5)'],
    ['not x != "a"', '(== x "a")'],
    ['not not x : "a"', '(: x "a")'],
    ['not (x < 1 and y)', '(not (and (< x 1) y))'],
    // predicates compared with booleans
    ['startsWith(x, "a") == false', '(not (startsWith x "a"))'],
    ['startsWith(x, "a") != false', '(startsWith x "a")'],
    ['true == (x > 1)', '(> x 1)'],
    ['(x > 1) == false', '(<= x 1)'],
    ['flag == false', '(== flag false)'],
    // arithmetic moves to the constant side (integers only)
    ['x + 1 > 3', '(> x 2)'],
    ['1 + x > 3', '(> x 2)'],
    ['x - 2 == 5', '(== x 7)'],
    ['x * 2 == 4', '(== x 2)'],
    ['x * -2 < 4', '(> x -2)'],
    ['x * 3 == 4', '(== (* x 3) 4)'],
    ['x / 2 > 3', '(> (/ x 2) 3)'],
    ['x % 2 == 1', '(== (% x 2) 1)'],
    ['-x > 2', '(< x -2)'],
    ['not x + 1 > 3', '(<= x 2)'],
    ['x + 1.5 > 3', '(> (+ x 1.5f) 3)'],
  ])('%s → %s', (condition, expected) => {
    expect(rewrite(condition)).toBe(expected);
  });

  it('leaves floating-point fields alone', () => {
    expect(rewrite('f + 1 > 3', ['f'])).toBe('(> (+ f 1) 3)');
  });
});
