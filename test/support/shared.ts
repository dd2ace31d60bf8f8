import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../../packages/core/testing/shared-dir.js';

export { repoRoot, sharedPath, findShared, missingSharedMessage } from '../../packages/core/testing/shared-dir.js';

export interface CorpusRule {
  rule_id: string;
  name: string;
  index?: string[];
  integration?: string[];
  query: string;
  event_category_override?: string;
  timestamp_override?: string;
}

export function ruleCorpus(): CorpusRule[] {
  return readFileSync(sharedPath('rules/eql-rules.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CorpusRule);
}

export interface ConformanceCase {
  name: string;
  query: string;
  suite: string;
  dataset: string | string[];
  expected_event_ids: number[] | null;
  expected_event_ids_any_of?: number[][];
  join_keys?: (string | null)[];
  size?: number;
  max_samples_per_key?: number;
  /** Our own suites only: the request's `result_position` (the shared suites never depend on it). */
  result_position?: 'head' | 'tail';
  /** Why the expected result is what it is. */
  notes?: string;
  /** Our own suites only: Elasticsearch rejects the query; the diagnostic code eqlkit reports for it. */
  expected_error?: string;
}

export const conformanceSuites = ['test_queries', 'test_extra', 'test_missing_events', 'test_sample'] as const;

export function conformanceCases(): ConformanceCase[] {
  return conformanceSuites.flatMap((suite) =>
    (JSON.parse(readFileSync(sharedPath(`conformance/suites/${suite}.json`), 'utf8')) as Omit<ConformanceCase, 'suite'>[]).map((c) => ({ ...c, suite })),
  );
}

/** A small deterministic PRNG (mulberry32), so fuzz and mutation tests are reproducible. */
export { seededRandom } from '../../packages/core/testing/random.js';
