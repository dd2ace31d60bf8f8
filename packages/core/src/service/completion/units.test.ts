import { describe, expect, it } from 'vitest';
import { completeMarked } from '../../../testing/completion.js';

describe('maxspan unit completion', () => {
  it('offers the units right after the number of maxspan', () => {
    expect(completeMarked('sequence by host.id with maxspan=5█').labels).toEqual(['ms', 's', 'm', 'h', 'd']);
    const c = completeMarked('sequence with maxspan = 30m█ [process where true]');
    expect(c.typed).toBe('m');
    expect(c.labels).toContain('m');
  });
});
