import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import { laterSyntaxErrors } from './more-errors.js';

function errors(text: string) {
  const first = parse(text).diagnostics[0];
  return [first, ...laterSyntaxErrors(text, first)].map((d) => [d.code, text.slice(d.span.start, d.span.end) || `@${d.span.start}`]);
}

describe('several independent syntax errors', () => {
  it('reports an error in each broken sequence stage', () => {
    expect(errors('sequence [process where x = = 1] [network where true] [file where y ==]')).toEqual([
      ['eql/syntax', '='],
      ['eql/syntax', expect.stringMatching(/^@\d+$/)],
    ]);
  });

  it('reports errors in later operands of a condition and in pipes', () => {
    const e = errors('process where a == == 1 and b == 2 and c == and d == 3 | head x y');
    expect(e).toEqual([
      ['eql/syntax', '=='],
      ['eql/syntax', expect.stringMatching(/^@\d+$/)],
      ['eql/syntax', 'y'],
    ]);
    expect(e[0]).toEqual(['eql/syntax', '==']);
  });

  it('keeps the first error exactly as the parser reports it, and adds nothing to a single error', () => {
    expect(errors('process where x ==')).toHaveLength(1);
    expect(errors('sequence [process where true] [network where')).toHaveLength(1);
  });
});
