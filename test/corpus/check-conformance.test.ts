// Elasticsearch's own EQL QA queries (the public conformance suites) run in Elasticsearch, so the checker must
// not report an error on any of them when given their datasets' field types. The queries ES refuses
// (suites/unsupported.json) are counted: many are there because legacy (Python) EQL gives different results, which
// no checker can see, so only a floor is asserted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSchema, checkText, parseSchemaDocument, type Schema } from '@eqlkit/core';
import { conformanceCases, sharedPath } from '../support/shared.js';

function datasetSchema(datasets: string | string[]): Schema {
  const layers = [datasets].flat().map((d) => parseSchemaDocument(JSON.parse(readFileSync(sharedPath(`conformance/data/${d}.fields.json`), 'utf8')), `mapping:${d}`).layer);
  return buildSchema(layers);
}

describe('type-checking Elasticsearch QA queries', () => {
  it('reports no error on any query of the supported suites', () => {
    const errors: string[] = [];
    let warnings = 0;
    const cases = conformanceCases();
    for (const c of cases) {
      for (const d of checkText(c.query, { schema: datasetSchema(c.dataset) }).diagnostics) {
        if (d.severity === 'error') errors.push(`${c.suite}/${c.name}: ${d.code} ${d.message}`);
        else warnings++;
      }
    }
    console.log(`checked ${cases.length} ES QA queries: ${errors.length} errors, ${warnings} warnings`);
    expect(cases.length).toBeGreaterThanOrEqual(224);
    expect(errors).toEqual([]);
  });

  it('flags most queries Elasticsearch refuses (printed)', () => {
    const unsupported = JSON.parse(readFileSync(sharedPath('conformance/suites/unsupported.json'), 'utf8')) as { name: string; query: string; dataset?: string | string[] }[];
    const flagged = unsupported.filter((c) => checkText(c.query, { schema: datasetSchema(c.dataset ?? 'endgame') }).diagnostics.some((d) => d.severity === 'error' || d.code === 'eql/legacy-pipe' || d.code === 'eql/field-comparison'));
    console.log(`unsupported ES queries flagged (error or extension warning): ${flagged.length}/${unsupported.length}`);
    expect(flagged.length / unsupported.length).toBeGreaterThan(0.8);
  });
});
