import { describe, expect, it } from 'vitest';
import { ownCorpus, runConformanceCase } from '../support/conformance.js';

/**
 * eqlkit's own conformance cases (test/conformance/own): nulls and `not`, multi-valued fields, dotted keys, unsorted
 * input, function edge cases, wildcard and regex corners, sequences, missing events and samples. Each expectation
 * was derived from Elasticsearch's behaviour (the case's `notes` say why), not from running eqlkit.
 */
const cases = ownCorpus.cases();
const suites = [...new Set(cases.map((c) => c.suite))];

describe('own conformance suites', () => {
  it('has at least 80 cases, each with a reason, unique names and a known dataset', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    for (const c of cases) {
      expect(c.notes, c.name).toMatch(/\S/);
      expect(() => ownCorpus.dataFile(c.dataset as string), c.name).not.toThrow();
    }
  });

  for (const suite of suites) {
    describe(suite, () => {
      it.each(cases.filter((c) => c.suite === suite).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
        const out = await runConformanceCase(c, ownCorpus);
        if (c.expected_error) {
          expect(out.error, c.notes).toContain(`${c.expected_error}:`);
          expect(out.ok).toBe(true);
          return;
        }
        expect(out.error).toBeUndefined();
        const wantIds = c.expected_event_ids_any_of?.find((w) => JSON.stringify(w) === JSON.stringify(out.ids)) ?? c.expected_event_ids ?? [];
        const wantKeys = (c.join_keys ?? []).length ? (c.join_keys ?? []).map((k) => (k === null ? 'null' : String(k))) : out.keys;
        expect({ ids: out.ids, keys: out.keys }, c.notes).toEqual({ ids: wantIds, keys: wantKeys });
        expect(out.ok).toBe(true);
      });
    });
  }
});
