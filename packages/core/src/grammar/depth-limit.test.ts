import { describe, expect, it } from 'vitest';
import { check } from '../check/check.js';
import { format } from '../format/format.js';
import { loadBundledSchemas } from '../io/schemas/load-bundled.js';
import { parse } from '../parse.js';
import { createLanguageService } from '../service/service.js';
import { MAX_EXPRESSION_DEPTH } from './depth-limit.js';

const nested = (n: number) => `process where ${'('.repeat(n)}true${')'.repeat(n)}`;
const orChain = (n: number) => `process where ${Array.from({ length: n }, (_, i) => `process.pid == ${i}`).join(' or ')}`;
const codes = (ds: readonly { code: string }[]) => ds.map((d) => d.code);

describe('the maximum expression depth', () => {
  it(`parses, checks and formats a query nested ${MAX_EXPRESSION_DEPTH} deep`, () => {
    const r = parse(nested(MAX_EXPRESSION_DEPTH));
    expect(r.diagnostics).toEqual([]);
    expect(codes(check(r.ast!))).toEqual([]);
    expect(format(r.ast!)).toBe('process where true\n');
    expect(parse(`process where ${'not '.repeat(MAX_EXPRESSION_DEPTH)}true`).diagnostics).toEqual([]);
  });

  it('stops one level deeper with Elasticsearch\'s plain message, at the place it is exceeded', () => {
    const text = nested(MAX_EXPRESSION_DEPTH + 1);
    const [d, ...more] = parse(text).diagnostics;
    expect(more).toEqual([]);
    expect(d).toMatchObject({ code: 'eql/too-deep', severity: 'error', span: { start: 14 + MAX_EXPRESSION_DEPTH, end: 15 + MAX_EXPRESSION_DEPTH } });
    expect(d.message).toMatch(/^EQL statement exceeded the maximum expression depth allowed \(100\)/);
    expect(codes(parse(`process where ${'not '.repeat(MAX_EXPRESSION_DEPTH + 1)}true`).diagnostics)).toEqual(['eql/too-deep']);
    expect(codes(parse(`process where a == ${'-'.repeat(MAX_EXPRESSION_DEPTH + 1)}1`).diagnostics)).toEqual(['eql/too-deep']);
  });

  it('does not count parentheses in strings, raw strings, backtick names and comments', () => {
    const inert = '('.repeat(300);
    const text = `process where a == "${inert}" and b == """${inert}""" and \`x${inert}\` == 1 // ${inert}\n /* ${inert} */ and c : "(" `;
    expect(parse(text).diagnostics).toEqual([]);
  });

  it('answers a megabyte of nesting at once, with a one-character span', () => {
    const text = nested(500_000);
    const [d] = parse(text).diagnostics;
    expect(d.code).toBe('eql/too-deep');
    expect(d.span.end - d.span.start).toBe(1);
  });

  it('gives a plain message, never an internal error, for a chain too long for the recursive checks', () => {
    const r = parse(orChain(30_000));
    const diagnostics = r.ast ? check(r.ast) : r.diagnostics;
    expect(codes(diagnostics)).toEqual(['eql/too-large']);
    expect(diagnostics[0].span.end - diagnostics[0].span.start).toBe(0);
  });

  it('reaches the language service the same way', () => {
    const service = createLanguageService({ bundled: loadBundledSchemas() });
    expect(codes(service.open('file:///deep.eql', nested(300), 'eql').diagnostics())).toEqual(['eql/too-deep']);
    const long = service.open('file:///long.eql', orChain(30_000), 'eql').diagnostics();
    expect(long.some((d) => /internal error/.test(d.message))).toBe(false);
  });
});
