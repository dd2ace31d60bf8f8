import { describe, expect, it } from 'vitest';
import { lookupFunction } from './registry.js';
import { arity, signatureText, type Scalar } from './types.js';

/** Calls a function the way the evaluator does: null arguments short-circuit unless the function handles them. */
function call(name: string, args: Scalar[], opts: { ci?: boolean; floats?: boolean[] } = {}): Scalar {
  const def = lookupFunction(name)!;
  if ((def.nullPropagating ?? true) && args.some((a) => a === null)) return null;
  return def.impl(args, { caseInsensitive: opts.ci ?? false, floatArgs: opts.floats ?? args.map(() => false) });
}

describe('function table', () => {
  it.each([
    // arithmetic
    ['add', [4, 5], {}, 9],
    ['divide', [30, 4], {}, 7],
    ['divide', [30, 4], { floats: [false, true] }, 7.5],
    ['divide', [-7, 2], {}, -3],
    ['divide', [1, 0], {}, null],
    ['modulo', [10, -6], {}, 4],
    ['modulo', [-10, -6], {}, -4],
    ['subtract', [null, 1], {}, null],
    // between
    ['between', ['System Idle Process', 's', 'e'], {}, 't'],
    ['between', ['System Idle Process', 's', 'E'], { ci: true }, 'yst'],
    ['between', ['System Idle Process', 'S', 'e', true], {}, 'ystem Idle Proc'],
    ['between', ['', 'a', 'b'], {}, ''],
    ['between', ['abc', '', 'b'], {}, 'abc'],
    ['between', ['abc', 'x', 'b'], {}, ''],
    ['between', ['abc', 'a', 'x'], {}, ''],
    ['between', ['c:\\dev\\TestLogs\\something.json', 'dev', '.json', false], {}, '\\TestLogs\\something'],
    // string tests
    ['endsWith', ['', ''], {}, true],
    ['endsWith', ['explorer.exe', 'lorer.EXE'], { ci: true }, true],
    ['endsWith', ['explorer.exe', 'lorer.EXE'], {}, false],
    ['startsWith', ['', ''], {}, true],
    ['startsWith', ['explorer.exe', 'EXPLORER'], { ci: true }, true],
    ['stringContains', ['', ''], {}, false],
    ['stringContains', ['abc', ''], {}, false],
    ['stringContains', ['ABCDEF', 'cd'], { ci: true }, true],
    ['stringContains', [null, 'x'], {}, null],
    // indexOf
    ['indexOf', ['explorer.exe', 'plore'], {}, 2],
    ['indexOf', ['explorer.exe', 'PLORE'], { ci: true }, 2],
    ['indexOf', ['explorer.exe', '.pf'], {}, null],
    ['indexOf', ['explorer.exe', 'plorer.', 2], {}, 2],
    ['indexOf', ['explorer.exe', 'plorer.', 4], {}, null],
    ['indexOf', ['explorer.exe', 'plore', 100], {}, null],
    ['indexOf', ['explorer.exe', 'e', -5], {}, 0],
    ['indexOf', ['abc', '', 2], {}, 2],
    ['indexOf', ['abc', 'b', null], {}, 1],
    // length, number, string, concat, substring
    ['length', [''], {}, 0],
    ['length', ['😀'], {}, 2],
    ['number', ['5'], {}, 5],
    ['number', [' -12 '], {}, -12],
    ['number', ['0x32', 16], {}, 50],
    ['number', ['0x32', null], {}, 50],
    ['number', ['32', 16], {}, 50],
    ['number', ['1.5e2'], {}, 150],
    ['number', ['12z'], {}, null],
    ['number', [''], {}, null],
    ['string', [42], {}, '42'],
    ['string', [2], { floats: [true] }, '2.0'],
    ['string', [true], {}, 'true'],
    ['concat', [5, ':', 'wininit.exe', 3], {}, '5:wininit.exe3'],
    ['concat', ['a', null], {}, null],
    ['substring', ['explorer.exe', -4], {}, '.exe'],
    ['substring', ['explorer.exe', -4, -1], {}, '.ex'],
    ['substring', ['explorer.exe', 1, 3], {}, 'xp'],
    ['substring', ['abc', 2, 1], {}, ''],
    ['substring', ['abc', -10, 10], {}, 'abc'],
    // cidrMatch
    ['cidrMatch', ['10.6.48.157', '10.6.48.157/8'], {}, true],
    ['cidrMatch', ['10.6.48.157', '192.168.0.0/16'], {}, false],
    ['cidrMatch', ['10.6.48.157', '192.168.0.0/16', '10.0.0.0/8'], {}, true],
    ['cidrMatch', ['2001:db8::1', '2001:db8::/32'], {}, true],
    ['cidrMatch', ['10.0.0.1', '0.0.0.0/0'], {}, true],
  ] as [string, Scalar[], { ci?: boolean; floats?: boolean[] }, Scalar][])('%s%j %j → %j', (name, args, opts, expected) => {
    expect(call(name, args, opts)).toEqual(expected);
  });

  it('knows names case-insensitively, arities and signatures', () => {
    expect(lookupFunction('STARTSWITH')?.name).toBe('startsWith');
    expect(arity(lookupFunction('concat')!)).toEqual([1, Infinity]);
    expect(arity(lookupFunction('between')!)).toEqual([3, 4]);
    expect(arity(lookupFunction('cidrMatch')!)).toEqual([2, Infinity]);
    expect(signatureText(lookupFunction('between')!, true)).toBe('between~(source, left, right[, greedy])');
    expect(signatureText(lookupFunction('substring')!)).toBe('substring(source, start[, end])');
  });
});
