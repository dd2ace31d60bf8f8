import { describe, expect, it } from 'vitest';
import { completeMarked } from '../../../testing/completion.js';

describe('pipe completion', () => {
  it('offers head and tail after `|`', () => {
    const c = completeMarked('process where true | █');
    expect(c.labels).toEqual(['head', 'tail']);
    expect(c.items[0]).toMatchObject({ kind: 'pipe', snippet: true });
    expect(completeMarked('process where true | head 5 | t█').labels).toEqual(['head', 'tail']);
  });
});
