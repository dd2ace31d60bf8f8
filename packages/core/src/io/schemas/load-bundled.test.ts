import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FILES } from '../../schema/index.js';
import { bundledSchemaForIndexes } from './for-indexes.js';
import { loadBundledSchemas } from './load-bundled.js';
import { bundledSchemasDir } from './locate.js';

describe('bundled schemas', () => {
  it('finds packages/core/schemas from the source layout', () => {
    const dir = bundledSchemasDir();
    expect(dir.endsWith(join('packages', 'core', 'schemas') + '/')).toBe(true);
    for (const f of Object.values(BUNDLED_FILES)) expect(existsSync(join(dir, f)), f).toBe(true);
  });

  it('finds a schemas/ folder next to the bundled CLI file', () => {
    // Simulate packages/cli/dist/eql.js by pretending this module lives right next to the schemas folder.
    const coreDir = join(bundledSchemasDir(), '..');
    expect(bundledSchemasDir(pathToFileURL(join(coreDir, 'eql.js')).href)).toBe(join(coreDir, 'schemas') + '/');
  });

  it('names every place it looked when the files are missing', () => {
    expect(() => bundledSchemasDir('file:///nowhere/at/all/eql.js')).toThrow(/looked in .*\/nowhere.*reinstall/);
  });

  it('returns one object per folder and reads each file lazily, once', () => {
    const a = loadBundledSchemas();
    expect(loadBundledSchemas()).toBe(a);
    const first = a.endgame;
    expect(a.endgame).toBe(first);
    expect(first['process.name']).toBe('keyword');
    expect(Object.keys(a).sort()).toEqual(Object.keys(BUNDLED_FILES).sort());
  });

  it('reports a missing file when its property is read, not before', () => {
    const broken = loadBundledSchemas('/nowhere/');
    expect(() => broken.indexMap).toThrow(/cannot read bundled schema \/nowhere\/index-map\.json/);
  });

  it('loads the files a Defend rule needs quickly (timing printed, not asserted)', () => {
    const dir = bundledSchemasDir();
    const fresh = loadBundledSchemas(dir.replace(/\/$/, '//')); // a different key → a fresh, unread object
    const t = performance.now();
    void fresh.indexMap;
    void fresh.ecsFlat;
    void fresh.endpoint;
    void fresh.drEndpointCustom;
    void fresh.nonEcs;
    const ms = performance.now() - t;
    const t2 = performance.now();
    void fresh.beats;
    void fresh.integrations;
    console.log(`bundled schemas: files for a Defend rule read in ${ms.toFixed(1)} ms; beats + integrations add ${(performance.now() - t2).toFixed(1)} ms`);
    expect(ms).toBeGreaterThan(0);
  });

  it('builds a rule schema in one call', () => {
    const { schema } = bundledSchemaForIndexes(['logs-endpoint.events.process-*'], { integrations: ['endpoint'] });
    expect(schema.lookup('process.Ext.token.integrity_level_name')?.esType).toBe('keyword');
  });
});
