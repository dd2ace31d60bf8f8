import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/random.js';
import { bracketPairs, lex, tokenAt } from './lexer.js';

const shape = (text: string) => lex(text).map((t) => `${t.kind}:${t.text}${t.closed ? '' : '…'}`);

describe('lex', () => {
  it('splits a query into the grammar’s token shapes', () => {
    expect(shape('process where length~(process.name) >= 2 and x in~ ("a", """b""") | head 5')).toEqual([
      'word:process',
      'keyword:where',
      'word:length~',
      'punctuation:(',
      'word:process',
      'punctuation:.',
      'word:name',
      'punctuation:)',
      'operator:>=',
      'number:2',
      'keyword:and',
      'word:x',
      'operator:in~',
      'punctuation:(',
      'string:"a"',
      'punctuation:,',
      'string:"""b"""',
      'punctuation:)',
      'punctuation:|',
      'word:head',
      'number:5',
    ]);
  });

  it('keeps going over broken text: unclosed strings end at the line, unknown characters are tokens', () => {
    expect(shape('a : "abc\n![b where `x y` == 1.5e3 # ?"c')).toEqual([
      'word:a',
      'operator::',
      'string:"abc…',
      'punctuation:![',
      'word:b',
      'keyword:where',
      'backtick:`x y`',
      'operator:==',
      'number:1.5e3',
      'unknown:#',
      'string:?"c…',
    ]);
    expect(shape('/* a /* nested */ still */ x // tail\ny /* open')).toEqual(['comment:/* a /* nested */ still */', 'word:x', 'comment:// tail', 'word:y', 'comment:/* open…']);
  });

  it('reads `.5` as a number but `a.b` as a path, and a unit after a number as a word', () => {
    expect(shape('.5 a.b maxspan=1m')).toEqual(['number:.5', 'word:a', 'punctuation:.', 'word:b', 'keyword:maxspan', 'operator:=', 'number:1', 'word:m']);
  });

  it('finds the token at or just before an offset', () => {
    const tokens = lex('abc == "x"');
    expect(tokenAt(tokens, 0)?.text).toBe('abc');
    expect(tokenAt(tokens, 3)?.text).toBe('abc');
    expect(tokenAt(tokens, 5)?.text).toBe('==');
    expect(tokenAt(tokens, 4)?.text).toBe('==');
    expect(tokenAt(tokens, 10)?.text).toBe('"x"');
    expect(tokenAt(lex('a  b'), 2)).toBeUndefined();
  });

  it('covers every non-space character exactly once, on any text', () => {
    const rand = seededRandom(7);
    const pieces = ['a', 'where', ' ', '\n', '"', "'", '`', '\\', '/', '*', '[', '![', ']', '(', ')', '~', '=', '.', '1', 'e', '?', '|', '\u{1F600}', '\uD800'];
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const len = Math.floor(rand() * 30);
      for (let i = 0; i < len; i++) text += pieces[Math.floor(rand() * pieces.length)];
      const tokens = lex(text);
      let pos = 0;
      for (const t of tokens) {
        expect(t.span.start).toBeGreaterThanOrEqual(pos);
        expect(text.slice(pos, t.span.start).trim()).toBe('');
        expect(t.span.end).toBeGreaterThan(t.span.start);
        pos = t.span.end;
      }
      expect(pos).toBeLessThanOrEqual(text.length);
      expect(text.slice(pos).trim()).toBe('');
    }
  });
});

describe('bracketPairs', () => {
  const pairs = (text: string) => bracketPairs(lex(text)).map((p) => `${p.depth}:${text.slice(p.open.span.start, p.close?.span.end ?? text.length)}`);

  it('pairs brackets by kind, closing what a stage leaves open', () => {
    expect(pairs('sequence [a where f(x, (y))] ![b where g(z]')).toEqual(['0:[a where f(x, (y))]', '1:(x, (y))', '2:(y)', '0:![b where g(z]', '1:(z]']);
    expect(pairs('a where x) and (y')).toEqual(['0:(y']);
    expect(pairs('a where x : ")" and f("(")')).toEqual(['0:("(")']);
  });
});
