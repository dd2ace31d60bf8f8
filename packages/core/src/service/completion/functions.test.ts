import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../functions/definitions.js';
import { completeMarked } from '../../../testing/completion.js';

describe('function completion', () => {
  it('offers every function of the table, with snippet arguments and `~` variants', () => {
    const items = completeMarked('process where █').items.filter((i) => i.kind === 'function');
    for (const def of FUNCTIONS) expect(items.map((i) => i.label)).toContain(def.name);
    const between = items.find((i) => i.label === 'between')!;
    expect(between).toMatchObject({ snippet: true, insertText: 'between(${1:source}, ${2:left}, ${3:right})' });
    expect(between.detail).toMatch(/^between\(source, left, right\[, greedy\]\) → string/);
    expect(items.map((i) => i.label)).toContain('startsWith~');
    expect(items.map((i) => i.label)).not.toContain('add~');
  });

  it('offers no function after a dot or where only a field can go', () => {
    expect(completeMarked('process where process.█').items.filter((i) => i.kind === 'function')).toEqual([]);
    expect(completeMarked('process where ?█').items.filter((i) => i.kind === 'function')).toEqual([]);
  });
});
