import { describe, expect, it } from 'vitest';
import { analyse, applyEdits } from '../../testing/service-facts.js';
import { seededRandom } from '../../testing/random.js';
import { formatEdits, formattedQuery, minimalEdits } from './formatting.js';

describe('formatting', () => {
  it('formats the whole query with small edits that give exactly what `eql fmt` prints', () => {
    const text = 'process   where process.name :  ("a.exe") and\n   process.pid==4 // keep me\n | head 5';
    const facts = analyse(text);
    const edits = formatEdits(facts);
    expect(applyEdits(text, edits)).toBe('process where process.name : "a.exe" and process.pid == 4 // keep me\n| head 5\n');
    // Only blank space and the redundant parentheses change: every edit is small, and the tokens stay put.
    expect(edits.length).toBe(8);
    expect(edits.every((e) => e.span.end - e.span.start <= 4 && e.text.trim() === '')).toBe(true);
  });

  it('returns no edits for a formatted query, and none for a query with a syntax error', () => {
    expect(formatEdits(analyse('process where true\n'))).toEqual([]);
    expect(formatEdits(analyse('process   where (true'))).toEqual([]);
    expect(formatEdits(analyse('process   where x = 1'))).toEqual([]); // parses, but with an error
    expect(formattedQuery(analyse('process   where x = 1'))).toBeUndefined();
  });

  it('keeps only the edits that touch the range', () => {
    const text = 'process   where a==1 and   b==2';
    const edits = formatEdits(analyse(text), { start: 22, end: 31 });
    expect(applyEdits(text, edits)).toBe('process   where a==1 and b == 2\n');
    expect(applyEdits(text, formatEdits(analyse(text), { start: 0, end: 9 }))).toBe('process where a==1 and   b==2');
  });

  it('keeps the blank space around an embedded query (the rule file’s string layout)', () => {
    const facts = analyse('\nsequence [process  where true] [file where true]\n');
    expect(formattedQuery(facts, { embedded: true })).toBe('\nsequence\n  [process where true]\n  [file where true]\n');
    expect(formattedQuery(facts)).toBe('sequence\n  [process where true]\n  [file where true]\n');
  });

  it('minimalEdits turns any text into any other', () => {
    const rand = seededRandom(11);
    const pieces = ['a', 'b', ' ', '\n', '(', ')', '"x"', '==', 'where', '//c\n'];
    const word = () => Array.from({ length: Math.floor(rand() * 15) }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
    for (let n = 0; n < 500; n++) {
      const before = word();
      const after = word();
      const edits = minimalEdits(before, after);
      expect(applyEdits(before, edits)).toBe(after);
      edits.forEach((e, i) => i && expect(e.span.start).toBeGreaterThanOrEqual(edits[i - 1].span.end));
    }
  });
});
