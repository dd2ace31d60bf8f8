import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import { semanticTokens } from './semantic-tokens.js';

/** `text:type[.modifier…]` of every token. */
function tokens(text: string, useAst = true): string[] {
  const ast = useAst ? parse(text).ast : undefined;
  return semanticTokens({ text, ast }).map((t) => [text.slice(t.span.start, t.span.end) + ':' + t.type, ...(t.modifiers ?? [])].join('.'));
}

describe('semanticTokens', () => {
  it('classifies a valid query from its AST', () => {
    expect(tokens('process where ?process.Ext.x == 1 and length~(`a b`) > 2 // note\n| tail 3')).toEqual([
      'process:type',
      'where:keyword',
      '?:operator.optional',
      'process:field.optional',
      'Ext:field.optional',
      'x:field.optional',
      '==:operator',
      '1:number',
      'and:keyword',
      'length~:function.caseInsensitive',
      '`a b`:field',
      '>:operator',
      '2:number',
      '// note:comment',
      'tail:keyword',
      '3:number',
    ]);
  });

  it('marks pattern strings: wildcards, regular expressions, case-insensitive values', () => {
    expect(tokens('any where a : "x*" and b like ("y", "z?") and c regex~ """\\d+""" and d in~ ("q") and e in ("r") and f == "s"').filter((t) => /"/.test(t))).toEqual([
      '"x*":string.wildcard.caseInsensitive',
      '"y":string.wildcard',
      '"z?":string.wildcard',
      '"""\\d+""":regexp.caseInsensitive',
      '"q":string.caseInsensitive',
      '"r":string',
      '"s":string',
    ]);
  });

  it('classifies sequence options and units', () => {
    expect(tokens('sequence by user.id with maxspan=5m [process where true] with runs=2 until [file where false]')).toEqual([
      'sequence:keyword',
      'by:keyword',
      'user:field',
      'id:field',
      'with:keyword',
      'maxspan:keyword',
      '=:operator',
      '5:number',
      'm:number',
      'process:type',
      'where:keyword',
      'true:keyword',
      'with:keyword',
      'runs:keyword',
      '=:operator',
      '2:number',
      'until:keyword',
      'file:type',
      'where:keyword',
      'false:keyword',
    ]);
  });

  it('gives the same answers from the neighbours alone on valid text', () => {
    for (const q of [
      'process where ?process.Ext.x == 1 and length~(`a b`) > 2 // note\n| tail 3',
      'sequence by user.id with maxspan=5m [process where a : ("x", "y")] with runs=2 until [file where b like~ "z"]',
    ]) {
      expect(tokens(q, false)).toEqual(tokens(q));
    }
  });

  it('still highlights broken text: after a syntax error, and inside an unclosed string', () => {
    const text = 'process where process.name : ("a", "b" and wildcard(x, "c*") | head 3 /* open';
    expect(parse(text).ast).toBeUndefined();
    expect(tokens(text)).toEqual([
      'process:type',
      'where:keyword',
      'process:field',
      'name:field',
      '::operator.caseInsensitive',
      '"a":string.wildcard.caseInsensitive',
      '"b":string.wildcard.caseInsensitive',
      'and:keyword',
      'wildcard:function',
      'x:field',
      '"c*":string',
      'head:keyword',
      '3:number',
      '/* open:comment',
    ]);
    expect(tokens('file where file.path == "C:\\\\x and true')).toEqual(['file:type', 'where:keyword', 'file:field', 'path:field', '==:operator', '"C:\\\\x and true:string']);
  });

  it('splits a token that spans lines into one token per line', () => {
    expect(tokens('/* a\r\n b */ x where y == """1\n2"""')).toEqual(['/* a:comment', ' b */:comment', 'x:type', 'where:keyword', 'y:field', '==:operator', '"""1:string', '2""":string']);
  });
});
