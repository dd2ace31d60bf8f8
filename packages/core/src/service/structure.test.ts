// Stages, symbols, folding and selection ranges: the query's structure, on valid and on broken text.
import { describe, expect, it } from 'vitest';
import type { Span } from '../ast/nodes.js';
import { parse } from '../parse.js';
import { withCursor } from '../../testing/service-facts.js';
import type { DocumentSymbol } from './api.js';
import { foldingRanges } from './folding.js';
import { selectionRanges } from './selection.js';
import { stages } from './stages.js';
import { symbols } from './symbols.js';

const facts = (text: string) => ({ text, ast: parse(text).ast });
const texts = (text: string, spans: readonly Span[]) => spans.map((s) => text.slice(s.start, s.end));
const outline = (s: DocumentSymbol): string[] => [`${s.kind} ${s.name}`, ...s.children.flatMap((c) => outline(c).map((l) => `  ${l}`))];

const SEQUENCE = `sequence by host.id with maxspan=1m
  [process where process.name : ("a.exe",
                                 "b.exe")] by process.entity_id
  ![file where true] // no file
  [network where destination.port == 443] with runs=2
until [process where event.type == "end"]
| head 5`;

describe('stages', () => {
  it('lists the filter of an event query, or the stages then the until stage', () => {
    expect(texts('process where true | head 1', stages(facts('process where true | head 1')).map((s) => s.span))).toEqual(['process where true']);
    const s = stages(facts(SEQUENCE));
    expect(s.map((x) => x.index)).toEqual([0, 1, 2, 3]);
    expect(texts(SEQUENCE, s.map((x) => x.span))[1]).toBe('![file where true]');
    expect(texts(SEQUENCE, s.map((x) => x.span))[3]).toBe('[process where event.type == "end"]');
  });

  it('falls back to the top-level brackets on broken text', () => {
    const text = 'sequence [process where a ==] [file where f(x]\n[network where (';
    expect(parse(text).ast).toBeUndefined();
    expect(texts(text, stages(facts(text)).map((s) => s.span))).toEqual(['[process where a ==]', '[file where f(x]', '[network where (']);
  });
});

describe('symbols', () => {
  it('outlines the query, its stages and pipes', () => {
    const [q] = symbols(facts(SEQUENCE));
    expect(outline(q)).toEqual([
      'query sequence by host.id with maxspan=1m',
      '  stage process where process.name : ("a.exe", "b.exe")',
      '  stage missing: file where true',
      '  stage network where destination.port == 443 (runs=2)',
      '  stage until process where event.type == "end"',
      '  pipe | head 5',
    ]);
    expect(SEQUENCE.slice(q.children[0].selectionSpan.start, q.children[0].selectionSpan.end)).toBe('process');
    expect(SEQUENCE.slice(q.selectionSpan.start, q.selectionSpan.end)).toBe('sequence');
  });

  it('names an event query by its (shortened) text', () => {
    const text = 'process where process.name == "a-rather-long-name.exe" and process.parent.name == "explorer.exe"';
    const [q] = symbols(facts(text));
    expect(q.name).toBe('process where process.name == "a-rather-long-name.exe" and…');
    expect(q.children).toEqual([]);
  });

  it('keeps an outline on broken text', () => {
    const text = 'sequence by user.id\n [process where a ==] ![file where true]';
    expect(outline(symbols(facts(text))[0])).toEqual(['query sequence by user.id', '  stage process where a ==', '  stage missing: file where true']);
    expect(symbols(facts('   '))).toEqual([]);
  });
});

describe('foldingRanges', () => {
  it('folds multi-line brackets and comments', () => {
    const text = `// one\n// two\nsequence\n  [a where x in ("1",\n   "2")]\n  [b where true]\n/* a\n b */`;
    expect(texts(text, foldingRanges({ text }))).toEqual(['// one\n// two', '[a where x in ("1",\n   "2")]', '("1",\n   "2")', '/* a\n b */']);
  });

  it('folds on broken text, leaving out what is not closed', () => {
    const text = 'sequence\n [a where (x or\n y)]\n [b where f(';
    expect(texts(text, foldingRanges({ text }))).toEqual(['[a where (x or\n y)]', '(x or\n y)']);
  });
});

describe('selectionRanges', () => {
  it('grows from the token through the AST and the parentheses to the whole query', () => {
    const marked = 'process where not (process.name : "a█b.exe" or x == 1)\n';
    const { text, offset } = withCursor(marked);
    const [chain] = selectionRanges(facts(text), [offset]);
    expect(texts(text, chain)).toEqual([
      'ab.exe',
      '"ab.exe"',
      'process.name : "ab.exe"',
      'process.name : "ab.exe" or x == 1',
      '(process.name : "ab.exe" or x == 1)',
      'not (process.name : "ab.exe" or x == 1)',
      'process where not (process.name : "ab.exe" or x == 1)',
      text,
    ]);
  });

  it('answers every offset, also on broken text', () => {
    const text = 'sequence [process where length(proc';
    const all = selectionRanges(facts(text), [0, 5, 31, text.length, text.length + 5]);
    expect(all).toHaveLength(5);
    expect(texts(text, all[3])).toEqual(['proc', '(proc', '[process where length(proc', text]);
    expect(all[4]).toEqual([]);
  });
});
