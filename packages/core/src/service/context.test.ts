import { describe, expect, it } from 'vitest';
import { cursorContext } from './context.js';

const at = (marked: string) => cursorContext(marked.replace('█', ''), marked.indexOf('█'));

describe('cursor context', () => {
  it('finds the dotted prefix, the partial word and the replaced span', () => {
    const c = at('process where process.Ext.tok█ == 1');
    expect(c).toMatchObject({ kind: 'code', word: 'tok', fieldPrefix: 'process.Ext', replace: { start: 26, end: 29 } });
    expect(at('process where a[0].b.█').fieldPrefix).toBe('a[0].b');
    expect(at('process where ?process.█').optionalField).toBe(true);
  });

  it('finds the operator and the field left of a value, also inside a list', () => {
    expect(at('process where process.name == █')).toMatchObject({ operator: '==', comparedField: 'process.name' });
    expect(at('process where process.name not in ("a", "b", █')).toMatchObject({ operator: 'in', comparedField: 'process.name' });
    expect(at('process where process.name : ("a", "b█')).toMatchObject({ kind: 'string', operator: ':', comparedField: 'process.name', word: '"b' });
  });

  it('knows the enclosing call, stage and maxspan unit position', () => {
    expect(at('process where between(process.name, "a", █').call).toEqual({ name: 'between', argument: 2 });
    expect(at('sequence [process where true] [network where █').stage).toEqual({ index: 1, category: 'network' });
    expect(at('sequence with maxspan=5█').kind).toBe('unit');
    expect(at('process where /* a █').kind).toBe('comment');
  });

  it('reads what the grammar expects, condensing what lies before (closed groups, long conditions)', () => {
    const long = `process where ${Array.from({ length: 200 }, (_, i) => `f${i} : ("a", "b")`).join(' and ')} and █`;
    const c = at(long);
    expect(c.expected?.keywords).toContain('not');
    expect(c.expected?.descriptions.has('a field name')).toBe(true);
    expect(at('process where x in ("a", █').expected?.descriptions.has('a string')).toBe(true);
  });

  it('answers on any text without throwing', () => {
    for (const t of ['', '"', '"""', '[', ']]]', '(((', '`', '/*', 'a.b.c.', '\u0000', '|||', 'sequence [ [ [']) {
      for (let i = 0; i <= t.length; i++) expect(() => cursorContext(t, i)).not.toThrow();
    }
    expect(() => cursorContext('x', NaN)).not.toThrow();
  });
});
