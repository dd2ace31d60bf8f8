import { describe, expect, it } from 'vitest';
import { parseProjectConfig } from './config.js';

describe('project configuration (.eqlkit.json)', () => {
  it('reads every setting', () => {
    const { config, problems } = parseProjectConfig(
      JSON.stringify({ indexes: ['logs-endpoint.events.*'], schemaFiles: ['s.json'], mappingFiles: ['m.json'], sampleEvents: ['samples/*.ndjson'], timestampField: 'event.ingested', tiebreakerField: 'event.sequence', eventCategoryField: 'event.type' }),
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({ indexes: ['logs-endpoint.events.*'], schemaFiles: ['s.json'], mappingFiles: ['m.json'], sampleEvents: ['samples/*.ndjson'], timestampField: 'event.ingested', tiebreakerField: 'event.sequence', eventCategoryField: 'event.type' });
  });

  it('locates JSON syntax errors', () => {
    const { config, problems } = parseProjectConfig('{\n  "indexes": ["a" "b"]\n}');
    expect(config).toEqual({});
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: 2 })]);
  });

  it('locates a wrong value and keeps the rest; warns about an unknown key with a suggestion', () => {
    const { config, problems } = parseProjectConfig('{\n  "indexes": ["logs-*"],\n  "timestampField": 5,\n  "sampleEvent": ["x"]\n}');
    expect(config).toEqual({ indexes: ['logs-*'] });
    expect(problems).toEqual([
      { severity: 'error', message: '`timestampField` must be a field name (a non-empty string)', line: 3, column: 3 },
      { severity: 'warning', message: 'unknown setting `sampleEvent` (did you mean `sampleEvents`?); it is ignored', line: 4, column: 3 },
    ]);
  });

  it('accepts a single string where a list is expected, and rejects other shapes', () => {
    expect(parseProjectConfig('{"indexes": "logs-*"}').config).toEqual({ indexes: ['logs-*'] });
    expect(parseProjectConfig('[]').problems[0].severity).toBe('error');
    expect(parseProjectConfig('{"indexes": [1]}').problems[0].message).toMatch(/list of non-empty strings/);
  });
});
