import { describe, expect, it } from 'vitest';
import { completeMarked } from '../../../testing/completion.js';

describe('field completion', () => {
  it('offers the next segment after a dot, with type and description, replacing only the segment', () => {
    const c = completeMarked('process where process.Ext.tok█');
    expect(c.typed).toBe('tok');
    const token = c.items.find((i) => i.label === 'token')!;
    expect(token).toMatchObject({ kind: 'field', detail: 'object' });
    expect(c.labels).not.toContain('process.Ext.token');
    const name = completeMarked('process where process.na█').items.find((i) => i.label === 'name')!;
    expect(name.detail).toBe('keyword');
    expect(name.documentation).toMatch(/Process name/i);
  });

  it('offers whole paths at the start of a field, ECS and Defend before integration fields', () => {
    const c = completeMarked('process where █', { indexes: ['logs-endpoint.events.process-*', 'logs-windows.sysmon_operational-*'] });
    expect(c.labels).toContain('process.parent.name');
    const first = c.items.findIndex((i) => i.kind === 'field');
    const ecs = c.items.findIndex((i) => i.label === 'process.name');
    const integration = c.items.findIndex((i) => i.kind === 'field' && i.label.startsWith('winlog.'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(ecs).toBeLessThan(integration);
  });

  it('follows the schema of the indexes: Sysmon fields only where the index has them', () => {
    const sysmon = completeMarked('process where winlog.event_data.█', { indexes: ['logs-windows.sysmon_operational-*'] }).labels;
    const defend = completeMarked('process where winlog.event_data.█').labels;
    expect(sysmon.length).toBeGreaterThan(defend.length);
  });

  it('completes fields after `?`, in function arguments and in join keys', () => {
    expect(completeMarked('process where ?process.pe.█').labels).toContain('original_file_name');
    expect(completeMarked('process where length(process.█').labels).toContain('name');
    expect(completeMarked('sequence by host.█').labels).toContain('id');
  });
});
