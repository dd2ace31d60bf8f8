// The bundled copies must stay equal to the reference files, up to the documented trimming
// (packages/core/schemas/README.md). Fails when the reference folder is missing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledSchemasDir } from '../io/schemas/index.js';
import { BUNDLED_FILES } from './bundled.js';
import { sharedPath } from '../../testing/shared-dir.js';

const read = (dir: string, f: string): unknown => JSON.parse(readFileSync(join(dir, f), 'utf8'));

/** The documented trimming, applied to a source file. */
function trimmed(file: string, doc: unknown): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  if (file === 'index-map.json') {
    delete copy.detection_rules_algorithm;
    for (const p of Object.values(copy.patterns as Record<string, Record<string, unknown>>)) {
      delete p.how;
      delete p.shared_rules_using;
    }
  }
  if (file === 'type-families.json') for (const t of Object.values(copy.types as Record<string, Record<string, unknown>>)) delete t.count;
  return copy;
}

describe('bundled schema files', () => {
  const SOURCE = sharedPath('schemas');
  const dir = bundledSchemasDir();

  it.each(Object.values(BUNDLED_FILES))('%s equals its source up to the documented trimming', (file) => {
    expect(read(dir, file)).toEqual(trimmed(file, read(SOURCE, file)));
  });

  it('bundles exactly the files the loader reads, plus the README', () => {
    expect(readdirSync(dir).sort()).toEqual([...Object.values(BUNDLED_FILES), 'README.md'].sort());
  });
});
