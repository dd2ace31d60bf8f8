import { describe, expect, it } from 'vitest';
import { loadBundledSchemas } from '../io/schemas/index.js';
import { parse } from '../parse.js';
import { schemaForIndexes } from '../schema/for-indexes.js';
import type { EventQuery } from '../ast/nodes.js';
import { checkText } from './check.js';
import { datasetSchemaFor, pinnedDatasets } from './datasets.js';
import { codesOf } from '../../testing/check-mock.js';

const condition = (q: string) => (parse(`any where ${q}`).ast!.query as EventQuery).condition;

describe('pinned datasets', () => {
  it.each([
    ['event.dataset == "windows.sysmon_operational" and process.name : "a"', ['windows.sysmon_operational']],
    ['process.name : "a" and data_stream.dataset in ("aws.cloudtrail", "aws.s3access")', ['aws.cloudtrail', 'aws.s3access']],
    ['event.dataset : "okta.system"', ['okta.system']],
    ['event.dataset == "a.b" or process.name : "a"', undefined],
    ['event.dataset : "aws.*"', undefined],
    ['event.dataset != "a.b"', undefined],
    ['not event.dataset in ("a.b")', undefined],
  ] as const)('%s → %j', (q, expected) => {
    expect(pinnedDatasets(condition(q))).toEqual(expected);
  });
});

describe('checking against the pinned data streams (bundled schemas)', () => {
  const bundled = loadBundledSchemas();
  const run = (query: string, index: string[]) => {
    const s = schemaForIndexes(bundled, index);
    return codesOf(checkText(query, { schema: s.schema, patterns: s.patterns, datasetSchema: datasetSchemaFor(bundled, s.layers) }).diagnostics);
  };

  it('warns about a field of another stream of the same index', () => {
    const q = 'any where event.dataset == "windows.sysmon_operational" and powershell.command.name : "*x*"';
    expect(run(q, ['logs-windows.*'])).toEqual(['warning eql/field-not-in-dataset']);
    expect(run(q.replace('sysmon_operational', 'powershell_operational'), ['logs-windows.*'])).toEqual([]);
    expect(run(q.replace('powershell.command.name', '?powershell.command.name'), ['logs-windows.*'])).toEqual([]);
  });

  it('checks each sequence stage against its own dataset', () => {
    const q = [
      'sequence by host.id',
      '[any where event.dataset == "windows.sysmon_operational" and process.name : "a"]',
      '[any where event.dataset == "windows.powershell_operational" and powershell.command.name : "*x*"]',
    ].join(' ');
    expect(run(q, ['logs-windows.*'])).toEqual([]);
    expect(run(q.replace('windows.powershell_operational', 'windows.sysmon_operational'), ['logs-windows.*'])).toEqual(['warning eql/field-not-in-dataset']);
  });

  it('says nothing for datasets without a bundled field list', () => {
    expect(run('any where event.dataset == "nope.stream" and powershell.command.name : "x"', ['logs-windows.*'])).toEqual([]);
    expect(datasetSchemaFor(bundled, ['ecs-flat'])(['constructor.x'])).toBeUndefined();
  });
});
