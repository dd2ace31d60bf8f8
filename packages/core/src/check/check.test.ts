import { describe, expect, it } from 'vitest';
import type { ArithmeticExpr, ComparisonExpr, EventQuery, Expr, LogicalExpr, Statement } from '../ast/nodes.js';
import type { ValueType } from './value-types.js';
import { parse } from '../parse.js';
import { checkCatalog, checkCodeHelp } from './catalog.js';
import { check, checkText } from './check.js';
import { codesOf, MOCK_SCHEMA } from '../../testing/check-mock.js';

describe('check', () => {
  it('runs the schema-independent checks without options (the evaluator calls it this way)', () => {
    const ast = parse('process where length~(x) > 1 and y == "a*" | unique z').ast!;
    expect(codesOf(check(ast))).toEqual(['error eql/no-case-insensitive-variant', 'warning eql/wildcard-in-equality', 'warning eql/legacy-pipe']);
  });

  it('tells the caller the type it infers for every expression (hover shows them)', () => {
    const ast = parse('process where length(stringField) + 1.5 > longField and ipField == "10.0.0.1"').ast!;
    const types = new WeakMap<Expr, ValueType>();
    check(ast, { schema: MOCK_SCHEMA, inferredTypes: types });
    const q = ast.query as EventQuery;
    const and = q.condition as LogicalExpr;
    const gt = and.left as ComparisonExpr;
    const sum = gt.left as ArithmeticExpr;
    expect([types.get(and), types.get(gt), types.get(sum), types.get(sum.left), types.get(sum.right), types.get(gt.right)]).toEqual(['boolean', 'boolean', 'float', 'integer', 'float', 'integer']);
    expect(types.get((and.right as ComparisonExpr).left)).toBe('ip');
  });

  it('returns diagnostics sorted by position', () => {
    const d = checkText('process where nope == 1 and length(stringField, 1) > 1 and booleanField == "x"', { schema: MOCK_SCHEMA }).diagnostics;

    expect(d.map((x) => x.span.start)).toEqual([...d.map((x) => x.span.start)].sort((a, b) => a - b));
    expect(codesOf(d)).toEqual(['error eql/unknown-field', 'error eql/function-arity', 'error eql/type-mismatch']);
  });

  it('merges parse diagnostics in checkText, and stops at a query with no AST', () => {
    expect(codesOf(checkText('process where stringField = 1', { schema: MOCK_SCHEMA }).diagnostics)).toEqual(['error eql/assign-equality', 'warning eql/type-mismatch']);
    const r = checkText('process where (', { schema: MOCK_SCHEMA });
    expect(r.ast).toBeUndefined();
    expect(codesOf(r.diagnostics)).toEqual(['error eql/syntax']);
  });

  it('never throws, even on a malformed tree', () => {
    const bad = { kind: 'statement', query: { kind: 'event', category: null, condition: null }, pipes: [], span: { start: 0, end: 1 } } as unknown as Statement;
    expect(codesOf(check(bad))).toEqual(['error eql/internal-error']);
  });

  it('does not change the tree', () => {
    const ast = parse('sequence by stringField [process where longField == "1"] [network where true] | head 1').ast!;
    const before = JSON.stringify(ast);
    check(ast, { schema: MOCK_SCHEMA });
    expect(JSON.stringify(ast)).toBe(before);
  });

  it('accepts a clean query with no diagnostics', () => {
    expect(check(parse('process where process.name : "a.exe" and process.pid > 4 and process.code_signature.trusted == true').ast!, { schema: MOCK_SCHEMA })).toEqual([]);
  });
});

describe('catalog', () => {
  it('has a help sentence and a kebab-case code for every entry', () => {
    for (const [code, e] of Object.entries(checkCatalog)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(e.help).toMatch(/^[A-Z].*\.$/);
      expect(checkCodeHelp(`eql/${code}`)).toBe(e.help);
    }
    expect(checkCodeHelp('eql/syntax')).toBeUndefined();
  });
});
