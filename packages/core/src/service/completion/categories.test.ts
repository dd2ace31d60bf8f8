import { describe, expect, it } from 'vitest';
import { completeMarked } from '../../../testing/completion.js';

describe('event category completion', () => {
  it('offers the ECS categories at the start of a query and of a stage, those of the indexes first', () => {
    const c = completeMarked('█');
    expect(c.labels).toEqual(expect.arrayContaining(['process', 'network', 'file', 'registry']));
    expect(c.labels.indexOf('process')).toBeLessThan(c.labels.indexOf('registry'));
    expect(completeMarked('sequence by host.id [proc█').labels).toContain('process');
    expect(completeMarked('sequence by host.id [proc█').typed).toBe('proc');
  });
});
