import { describe, expect, it } from 'vitest';
import { loadBundledSchemas } from '../io/schemas/index.js';
import { layerRank, schemaForIndexes } from './for-indexes.js';
import { globMatches, resolvePattern } from './index-patterns.js';

const bundled = loadBundledSchemas();

describe('schemaForIndexes: field types for a rule', () => {
  it.each([
    // indexes, field, esType, source
    // `source` is the highest layer that contributed facts: dr-endpoint-custom repeats these types, adding nothing.
    [['logs-endpoint.events.process-*'], 'process.Ext.token.integrity_level_name', 'keyword', 'endpoint'],
    [['logs-endpoint.events.process-*'], 'process.code_signature.trusted', 'boolean', 'ecs-flat'],
    [['logs-endpoint.events.process-*'], 'process.name.caseless', 'keyword', 'endpoint'],
    [['logs-endpoint.events.process-*'], 'process.pid', 'long', 'ecs-flat'],
    [['logs-endpoint.events.process-*'], 'source.ip', 'ip', 'ecs-flat'],
    // The known conflicts of shared/schemas/README.md: the higher layer wins.
    [['logs-endpoint.events.file-*'], 'file.Ext.windows.zone_identifier', 'long', 'non-ecs:logs-endpoint.events.file-*'],
    [['logs-google_workspace*'], 'google_workspace.drive.owner_is_team_drive', 'keyword', 'non-ecs:logs-google_workspace*'],
    [['logs-kubernetes.audit_logs-*'], 'kubernetes.audit.user.groups', 'keyword', 'non-ecs:logs-kubernetes.audit_logs-*'],
    [['winlogbeat-*'], 'winlog.event_data.AccessList', 'keyword', 'non-ecs:winlogbeat-*'],
    [['logs-windows.sysmon_operational-*'], 'winlog.event_id', 'keyword', 'integrations:windows/sysmon_operational'],
    // A union: the endpoint layer and the winlogbeat layers together.
    [['logs-endpoint.events.process-*', 'winlogbeat-*'], 'winlog.event_data.AccessList', 'keyword', 'non-ecs:winlogbeat-*'],
  ] as const)('%j: %s is %s from %s', (indexes, path, esType, source) => {
    expect(schemaForIndexes(bundled, indexes).schema.lookup(path)).toMatchObject({ esType, source });
  });

  it('keeps the loser of a type conflict in `overridden`', () => {
    const f = schemaForIndexes(bundled, ['logs-endpoint.events.file-*']).schema.lookup('file.Ext.windows.zone_identifier');
    expect(f?.overridden).toEqual([{ source: 'endpoint', esType: 'keyword' }]);
  });

  it('adds the fields of the rule’s integration packages', () => {
    const without = schemaForIndexes(bundled, ['winlogbeat-*', 'logs-endpoint.events.process-*']);
    const withPc = schemaForIndexes(bundled, ['logs-endpoint.events.process-*'], { integrations: ['endpoint', 'problemchild'] });
    expect(without.schema.lookup('problemchild.prediction_probability')?.esType).toBe('long'); // non-ecs winlogbeat-*
    expect(schemaForIndexes(bundled, ['logs-endpoint.events.process-*']).schema.lookup('problemchild.prediction')).toBeUndefined();
    expect(withPc.schema.lookup('problemchild.prediction')?.source).toBe('integrations:problemchild');
  });

  it('makes unknown fields under a package without a field list warnings, elsewhere errors', () => {
    const { schema } = schemaForIndexes(bundled, ['logs-crowdstrike.fdr*'], { integrations: ['crowdstrike'] });
    expect(schema.isComplete).toBe(false);
    expect(schema.resolve('crowdstrike.event.NewField')).toEqual({ kind: 'unknown', partial: true });
    expect(schema.resolve('process.no_such_field')).toEqual({ kind: 'unknown', partial: false });
    expect(schema.notes.join('\n')).toMatch(/crowdstrike/);
  });

  it('treats stale integration namespaces as partial too', () => {
    const { schema } = schemaForIndexes(bundled, ['logs-windows.sysmon_operational-*']);
    expect(schema.isPartialAt('winlog.event_data.SomethingNew')).toBe(true);
    expect(schema.isPartialAt('process.something_new')).toBe(false);
  });

  it('is complete for a pure Defend rule', () => {
    const { schema, targets } = schemaForIndexes(bundled, ['logs-endpoint.events.process-*']);
    expect(schema.isComplete).toBe(true);
    expect(targets).toEqual([]);
    expect(schema.resolve('process.nmae')).toEqual({ kind: 'unknown', partial: false });
    expect(schema.suggest('process.nmae', 1)).toEqual(['process.name']);
  });

  it('validates endgame-* as a separate endgame-only target', () => {
    const { schema, targets } = schemaForIndexes(bundled, ['winlogbeat-*', 'endgame-*', 'logs-endpoint.events.process-*']);
    expect(targets.map((t) => [t.name, t.patterns])).toEqual([['endgame', ['endgame-*']]]);
    const endgame = targets[0].schema;
    expect(endgame.layers).toEqual(['endgame']);
    expect(endgame.lookup('process.name')?.source).toBe('endgame');
    expect(endgame.lookup('process.Ext.token.integrity_level_name')).toBeUndefined();
    expect(schema.lookup('endgame.event_subtype_full')?.source).toBe('non-ecs:endgame-*');
  });

  it('orders the union by layer kind, whatever the pattern order', () => {
    const { layers } = schemaForIndexes(bundled, ['winlogbeat-*', 'logs-endpoint.events.process-*']);
    expect(layers).toEqual(['beats:winlogbeat', 'endpoint', 'ecs-flat', 'non-ecs:winlogbeat-*', 'dr-endpoint-custom']);
    expect([...layers].sort((a, b) => layerRank(a) - layerRank(b))).toEqual(layers);
  });

  it('can restrict the Defend layer to the streams a pattern covers', () => {
    const loose = schemaForIndexes(bundled, ['logs-endpoint.events.network-*']).schema;
    const strict = schemaForIndexes(bundled, ['logs-endpoint.events.network-*'], { restrictEndpointStreams: true }).schema;
    expect(loose.lookup('process.args')).toBeDefined();
    expect(strict.layers).toContain('endpoint[network]');
    expect(strict.lookup('registry.path')?.source).not.toBe('endpoint[network]');
    expect(strict.lookup('network.direction')).toBeDefined();
  });

  it('puts extra layers (a user mapping) above everything bundled', () => {
    const user = { name: 'mapping:mine.json', fields: new Map([['process.pid', { path: 'process.pid', esType: 'keyword', family: 'keyword' as const, source: 'mapping:mine.json' }]]) };
    const r = schemaForIndexes(bundled, ['logs-endpoint.events.process-*'], { extraLayers: [user] });
    expect(r.schema.lookup('process.pid')?.esType).toBe('keyword');
    expect(r.layers.at(-1)).toBe('mapping:mine.json');
  });

  it('returns the cached schema for the same combination', () => {
    expect(schemaForIndexes(bundled, ['logs-endpoint.events.process-*']).schema).toBe(schemaForIndexes(bundled, ['logs-endpoint.events.process-*']).schema);
  });

  it('builds a typical endpoint rule’s schema quickly (timing printed, not asserted)', () => {
    const indexes = ['logs-endpoint.events.process-*', 'winlogbeat-*', 'logs-windows.sysmon_operational-*', 'endgame-*', 'logs-system.security*', 'logs-m365_defender.event-*', 'logs-sentinel_one_cloud_funnel.*', 'logs-crowdstrike.fdr*'];
    const fresh = { ...bundledCopy() };
    let t = performance.now();
    const first = schemaForIndexes(fresh, ['logs-endpoint.events.process-*'], { integrations: ['endpoint'] });
    const firstMs = performance.now() - t;
    t = performance.now();
    first.schema.lookup('process.name');
    const lookupFirstMs = performance.now() - t;
    t = performance.now();
    first.schema.lookup('process.no_such_field');
    const missFirstMs = performance.now() - t;
    t = performance.now();
    const wide = schemaForIndexes(fresh, indexes, { integrations: ['endpoint', 'windows', 'system', 'm365_defender', 'sentinel_one_cloud_funnel', 'crowdstrike'] });
    const wideMs = performance.now() - t;
    t = performance.now();
    for (let i = 0; i < 1000; i++) first.schema.lookup('process.parent.executable');
    const lookupUs = (performance.now() - t) / 1000 * 1000;
    t = performance.now();
    const s = wide.schema.suggest('process.paretn.executable', 3);
    const suggestMs = performance.now() - t;
    console.log(
      `schema timings: Defend process rule ${firstMs.toFixed(1)} ms (layers + merge, files already parsed; ${first.schema.size} paths), first lookup ${lookupFirstMs.toFixed(2)} ms, first miss ${missFirstMs.toFixed(1)} ms (builds the path index); ` +
        `8-index rule ${wideMs.toFixed(1)} ms (${wide.schema.size} paths); lookup ${lookupUs.toFixed(2)} µs; first suggest ${suggestMs.toFixed(1)} ms → ${s.join(', ')}`,
    );
    expect(s[0]).toBe('process.parent.executable');
  });
});

/** A fresh BundledSchemas with the same data, so the timing test starts with empty caches. */
function bundledCopy(): typeof bundled {
  return Object.fromEntries(Object.keys(bundled).map((k) => [k, bundled[k as keyof typeof bundled]])) as unknown as typeof bundled;
}

describe('resolvePattern', () => {
  it.each([
    // pattern, how, index-map key, first layer, partial
    ['logs-endpoint.events.process-*', 'exact', 'logs-endpoint.events.process-*', 'endpoint', false],
    ['remote:logs-endpoint.events.process-*', 'exact', 'logs-endpoint.events.process-*', 'endpoint', false],
    ['logs-endpoint.events.process-default', 'glob', 'logs-endpoint.events.process-*', 'endpoint', false],
    ['winlogbeat-8.11.0-2024.01.01', 'glob', 'winlogbeat-*', 'beats:winlogbeat', false],
    ['metrics-foo.bar-default', 'glob', 'metrics-*', 'ecs-flat', true],
    ['logs-aws.guardduty-default', 'data-stream', undefined, 'integrations:aws/guardduty', false],
    ['logs-aws.s3*', 'data-stream', undefined, 'integrations:aws/s3_daily_storage', false],
    ['logs-okta.nope-*', 'glob', 'logs-okta*', 'integrations:okta/system', false],
    ['logs-gcp.nope-*', 'data-stream', undefined, 'integrations:gcp', false],
    ['logs-myapp-default', 'data-stream', undefined, 'integrations:myapp', true],
    ['filebeat', 'beats', undefined, 'beats:filebeat', false],
    ['my-index-*', 'fallback', undefined, 'ecs-flat', true],
    ['-logs-excluded-*', 'excluded', undefined, undefined, false],
  ] as const)('%s → %s', (pattern, how, key, firstLayer, partial) => {
    const r = resolvePattern(bundled, pattern);
    expect({ how: r.how, key: r.key, first: r.layers[0], partial: r.partial }).toEqual({ how, key, first: firstLayer, partial });
  });

  it('explains fallbacks in the schema notes and marks the whole schema partial', () => {
    const { schema, patterns } = schemaForIndexes(bundled, ['my-index-*']);
    expect(patterns[0].how).toBe('fallback');
    expect(schema.isPartialEverywhere).toBe(true);
    expect(schema.notes[0]).toMatch(/'my-index-\*' is not in the index map.*warnings/);
    expect(schema.lookup('process.name')?.esType).toBe('keyword');
  });

  it('falls back when no pattern is given', () => {
    const { schema } = schemaForIndexes(bundled, []);
    expect(schema.isPartialEverywhere).toBe(true);
    expect(schema.lookup('host.os.type')).toBeDefined();
  });

  it('splits comma-separated lists', () => {
    expect(schemaForIndexes(bundled, ['logs-endpoint.events.process-*,winlogbeat-*']).patterns.map((p) => p.how)).toEqual(['exact', 'exact']);
  });

  it.each([
    ['logs-endpoint.*', 'logs-endpoint.events.process-x', true],
    ['logs-*-x', 'logs-a-b-x', true],
    ['logs-*-x', 'logs-x', false],
    ['a*a', 'a', false],
    ['a*a', 'aa', true],
    ['abc', 'abc', true],
  ] as const)('glob %s matches %s: %s', (glob, text, expected) => {
    expect(globMatches(glob, text)).toBe(expected);
  });
});
