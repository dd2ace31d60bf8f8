import { describe, expect, it } from 'vitest';
import { runConformanceCase } from '../support/conformance.js';
import { conformanceCases, conformanceSuites } from '../support/shared.js';

/**
 * Elasticsearch's own EQL test suites (../shared/conformance), run in-process through the same code path as
 * `eql query --format es`. Every case must pass; there is no skip list.
 */
describe('conformance suites', () => {
  const cases = conformanceCases();
  for (const suite of conformanceSuites) {
    describe(suite, () => {
      it.each(cases.filter((c) => c.suite === suite).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
        const out = await runConformanceCase(c);
        expect(out.error).toBeUndefined();
        expect({ ids: out.ids, keys: out.keys }).toEqual({ ids: (c.expected_event_ids_any_of?.find((w) => JSON.stringify(w) === JSON.stringify(out.ids)) ?? c.expected_event_ids) ?? [], keys: (c.join_keys ?? []).length ? (c.join_keys ?? []).map((k) => (k === null ? 'null' : String(k))) : out.keys });
        expect(out.ok).toBe(true);
      });
    });
  }
});
