import { describe, expect, it } from 'vitest';
import { completeMarked } from '../../../testing/completion.js';

describe('operator completion', () => {
  it('offers comparisons and pattern operators after a value', () => {
    const ops = completeMarked('process where process.name █').items.filter((i) => i.kind === 'operator').map((i) => i.label);
    expect(ops).toEqual(expect.arrayContaining(['==', '!=', ':', 'like~', 'regex~', 'in~', '<=']));
  });

  it('offers no operator where a value is expected', () => {
    expect(completeMarked('process where process.name == █').items.filter((i) => i.kind === 'operator')).toEqual([]);
  });
});
