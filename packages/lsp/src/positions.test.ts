import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { linePieces, offsetAt, positionAt, rangeOf, spanOf } from './positions.js';

const doc = (text: string) => TextDocument.create('file:///x.eql', 'eql', 1, text);

describe('positions: document offsets ↔ LSP line/character (UTF-16)', () => {
  it('counts characters in UTF-16 code units (an astral character is two), on \\n and \\r\\n lines', () => {
    const d = doc('a😀b\r\nprocess where true\nx');
    expect(positionAt(d, 3)).toEqual({ line: 0, character: 3 }); // after the surrogate pair
    expect(positionAt(d, 6)).toEqual({ line: 1, character: 0 });
    expect(offsetAt(d, { line: 1, character: 7 })).toBe(13);
    expect(offsetAt(d, { line: 9, character: 0 })).toBe(d.getText().length); // past the end clamps
    expect(rangeOf(d, { start: 6, end: 13 })).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 7 } });
    expect(spanOf(d, { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } })).toEqual({ start: 6, end: 13 });
  });

  it('never gives an end before the start', () => {
    const d = doc('abc');
    expect(rangeOf(d, { start: 2, end: 1 })).toEqual({ start: { line: 0, character: 2 }, end: { line: 0, character: 2 } });
    expect(spanOf(d, { start: { line: 0, character: 2 }, end: { line: 0, character: 0 } })).toEqual({ start: 2, end: 2 });
  });

  it('cuts a span at line ends, leaving the line breaks out', () => {
    const d = doc('"""a\r\nbc\n\nd"""');
    expect(linePieces(d, { start: 0, end: d.getText().length })).toEqual([
      { line: 0, character: 0, length: 4 },
      { line: 1, character: 0, length: 2 },
      { line: 3, character: 0, length: 4 },
    ]);
  });
});
