import { describe, expect, it } from 'vitest';
import { lookupFunction } from '../functions/registry.js';
import type { Scalar } from '../functions/types.js';
import { isNullCall } from './call-nulls.js';

const callOrNull = (name: string, values: Scalar[]): Scalar => {
  const def = lookupFunction(name)!;
  return isNullCall(def, values) ? null : def.impl(values, { caseInsensitive: false, floatArgs: values.map(() => false) });
};

describe('isNullCall', () => {
  it.each([
    // A null source is null for every function, including those that accept other null arguments.
    ['substring', [null, 1], null],
    ['substring', [null, -4, null], null],
    ['indexOf', [null, 'a'], null],
    ['indexOf', [null, 'a', 2], null],
    ['number', [null], null],
    ['number', [null, 16], null],
    ['cidrMatch', [null, '10.0.0.0/8'], null],
    // So is a null required string argument (indexOf~ used to fold case on it and throw).
    ['indexOf', ['a null b', null], null],
    ['indexOf', ['abc', null, 0], null],
    ['length', [null], null],
    ['concat', ['a', null], null],
    // Null optional arguments keep their meaning.
    ['number', ['0x1F', null], 31],
    ['indexOf', ['abc', 'b', null], 1],
    ['substring', ['abc', null], 'abc'],
  ] as const)('%s(%j) is %j', (name, args, want) => {
    expect(callOrNull(name, [...args])).toBe(want);
  });
});
