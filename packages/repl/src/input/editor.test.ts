import { describe, expect, it } from 'vitest';
import * as ed from './editor.js';

const at = (marked: string): ed.EditorState => ({ text: marked.replace('|', ''), cursor: marked.indexOf('|') });
const show = (s: ed.EditorState) => s.text.slice(0, s.cursor) + '|' + s.text.slice(s.cursor);

describe('line editor', () => {
  it('inserts at the cursor, line breaks normalised', () => {
    expect(show(ed.insert(at('ab|c'), 'X'))).toBe('abX|c');
    expect(show(ed.insert(at('|'), 'a\r\nb'))).toBe('a\nb|');
  });

  it('deletes backwards and forwards, whole surrogate pairs', () => {
    expect(show(ed.backspace(at('ab|c')))).toBe('a|c');
    expect(show(ed.backspace(at('|abc')))).toBe('|abc');
    expect(show(ed.backspace(at('a😀|')))).toBe('a|');
    expect(show(ed.deleteForward(at('a|😀b')))).toBe('a|b');
  });

  it('moves by character and to the ends of the cursor\'s line', () => {
    expect(show(ed.left(at('ab|')))).toBe('a|b');
    expect(show(ed.right(at('|😀')))).toBe('😀|');
    expect(show(ed.lineStart(at('one\ntw|o')))).toBe('one\n|two');
    expect(show(ed.lineEnd(at('o|ne\ntwo')))).toBe('one|\ntwo');
  });

  it('Ctrl-K, Ctrl-W, Ctrl-U', () => {
    expect(show(ed.killToEnd(at('process |where true\nx')))).toBe('process |\nx');
    expect(show(ed.deleteWordBefore(at('process where |true')))).toBe('process |true');
    expect(show(ed.deleteWordBefore(at('process whe|')))).toBe('process |');
  });

  it('moves between lines keeping the column, or says it cannot', () => {
    expect(show(ed.verticalMove(at('abc\nd|e'), -1)!)).toBe('a|bc\nde');
    expect(show(ed.verticalMove(at('abc|\nd'), 1)!)).toBe('abc\nd|');
    expect(ed.verticalMove(at('ab|c'), -1)).toBeUndefined();
    expect(ed.cursorPosition(at('a\nbc|'))).toEqual({ line: 1, column: 2 });
  });
});
