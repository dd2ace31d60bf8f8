import { describe, expect, it } from 'vitest';
import { cell, fieldValue, formatDryRun, stageCounts, type DryRunResponse } from '../src/dry-run-table.js';

const sequenceResponse: DryRunResponse = {
  is_partial: false,
  is_running: false,
  took: 7,
  timed_out: false,
  hits: {
    total: { value: 1, relation: 'eq' },
    sequences: [
      {
        join_keys: ['host-1'],
        events: [
          { _index: 'logs-endpoint', _id: 'a1', _source: { '@timestamp': '2024-06-11T10:00:00Z', event: { category: 'process' }, process: { name: 'msiexec.exe' }, host: { name: 'ws1' } } },
          { _index: 'logs-endpoint', _id: 'a2', _source: { '@timestamp': '2024-06-11T10:00:05Z', 'event.category': 'network', 'process.name': 'msiexec.exe' } },
        ],
      },
    ],
  },
  eqlkit_stages: [
    { role: 'stage', index: 0, matched: 12, query: '[process where\n  true]' },
    { role: 'stage', index: 1, matched: 3, query: '[network where true]' },
    { role: 'until', index: 2, matched: 0, query: '[any where false]' },
  ],
  eqlkit_warnings: [{ code: 'bad-record', message: 'not JSON', file: 'events.ndjson', line: 3 }],
};

describe('dry-run tables', () => {
  it('shows the count, the per-stage matches and one table per sequence', () => {
    const report = formatDryRun(sequenceResponse, { title: 'rules/msiexec.toml', events: ['events/*.ndjson'] });
    expect(report).toContain('EQL dry run: rules/msiexec.toml');
    expect(report).toContain('Events: events/*.ndjson');
    expect(report).toContain('1 alert (sequence) in 7 ms');
    expect(report).toMatch(/ 1 +12 +\[process where true\]\n/);
    expect(report).toMatch(/ 2 +3 +\[network where true\]\n/);
    expect(report).toMatch(/ until +0 +\[any where false\]\n/);
    expect(report).toContain('Warnings:\n  events.ndjson:3: not JSON');
    expect(report).toContain('Sequence 1  by host-1');
    // Nested and dotted sources both fill the columns.
    expect(report).toMatch(/1 +2024-06-11T10:00:00Z +process +ws1 +msiexec\.exe +logs-endpoint +a1/);
    expect(report).toMatch(/2 +2024-06-11T10:00:05Z +network +msiexec\.exe +logs-endpoint +a2/);
  });

  it('says which stage keeps a rule from firing', () => {
    const report = formatDryRun({ hits: { total: { value: 0, relation: 'eq' }, sequences: [] }, eqlkit_stages: [{ role: 'stage', index: 0, matched: 4 }, { role: 'stage', index: 1, matched: 0 }, { role: 'until', index: 2, matched: 0 }] }, { title: 'x.eql' });
    expect(report).toContain('No alerts');
    expect(report).toContain('Stage 2 matched no event');
  });

  it('lists the events of an event query', () => {
    const report = formatDryRun({ took: 1, hits: { total: { value: 2, relation: 'eq' }, events: [{ _id: '1', _source: { '@timestamp': 1, event: { category: 'file' } } }, { _id: '2', _source: { event: { category: 'file' }, file: { path: 'C:\\x' } } }] }, eqlkit_stages: [{ role: 'filter', index: 0, matched: 2 }] }, { title: 'x.eql' });
    expect(report).toContain('2 alerts (events)');
    expect(report).toMatch(/ query +2/);
    expect(report).toMatch(/1 +1 +file/);
    expect(report).toContain('C:\\x');
  });

  it('escapes control characters in event data and caps long values', () => {
    expect(cell('a\nb\u001b[31mc')).toBe('a\\nb\\u001b[31mc');
    expect(cell('x'.repeat(100), 10)).toBe('x'.repeat(9) + '…');
    expect(cell({ a: 1 })).toBe('{"a":1}');
    const report = formatDryRun({ hits: { events: [{ _id: 'evil\nEQL dry run: forged', _source: {} }] } }, { title: 't' });
    expect(report.split('\n').filter((l) => l.startsWith('EQL dry run:'))).toHaveLength(1);
  });

  it('reads dotted fields from nested objects and from flat keys', () => {
    expect(fieldValue({ process: { parent: { name: 'a' } } }, 'process.parent.name')).toBe('a');
    expect(fieldValue({ 'process.parent': { name: 'b' } }, 'process.parent.name')).toBe('b');
    expect(fieldValue({ process: { 'parent.name': 'c' } }, 'process.parent.name')).toBe('c');
    expect(fieldValue({ process: {} }, 'process.parent.name')).toBeUndefined();
  });

  it('finds no stage counts in a plain _eql/search body', () => {
    expect(stageCounts({ hits: { events: [] } })).toEqual([]);
  });
});
