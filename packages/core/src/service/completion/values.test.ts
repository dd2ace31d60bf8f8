import { describe, expect, it } from 'vitest';
import { completeMarked } from '../../../testing/completion.js';

describe('value completion', () => {
  it('offers the ECS allowed values of the field left of the operator', () => {
    const c = completeMarked('process where event.type == █');
    expect(c.items[0]).toMatchObject({ kind: 'value', label: '"access"' });
    expect(c.labels).toContain('"start"');
    expect(completeMarked('process where event.category in ("process", █').labels).toContain('"network"');
  });

  it('completes inside a string being typed, replacing it', () => {
    const c = completeMarked('process where event.type : "st█');
    expect(c.typed).toBe('"st');
    expect(c.labels).toContain('"start"');
  });

  it('offers the values seen in sample events for the field', () => {
    const sampleValues = (field: string) => (field === 'process.name' ? ['cmd.exe', 'power"shell.exe'] : []);
    const c = completeMarked('process where process.name : █', { indexes: ['logs-endpoint.events.process-*'], sampleValues });
    expect(c.labels.slice(0, 2)).toEqual(['"cmd.exe"', '"power\\"shell.exe"']);
  });
});
