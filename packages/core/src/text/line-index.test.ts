import { describe, expect, it } from 'vitest';
import { LineIndex } from './line-index.js';

describe('LineIndex', () => {
  const idx = new LineIndex('ab\ncd\r\nef\rg');
  it.each([
    [0, 0, 0],
    [2, 0, 2],
    [3, 1, 0],
    [5, 1, 2],
    [7, 2, 0],
    [10, 3, 0],
    [11, 3, 1],
    [99, 3, 1],
  ])('offset %i is line %i, character %i', (offset, line, character) => {
    expect(idx.positionAt(offset)).toEqual({ line, character });
  });
  it('converts back and gives line texts without breaks', () => {
    expect(idx.offsetAt({ line: 1, character: 1 })).toBe(4);
    expect(idx.offsetAt({ line: 1, character: 99 })).toBe(5);
    expect([0, 1, 2, 3].map((l) => idx.lineText(l))).toEqual(['ab', 'cd', 'ef', 'g']);
    expect(idx.lineCount).toBe(4);
  });
});
