/**
 * The seed rule's results against the generator's truth file: every planted true positive found (the same join key
 * and child process), nothing else, and the expected number of sequences. The query benchmark fails (exit 1) when
 * any run disagrees: a fast wrong answer is no result.
 */

import type { Truth } from './bench-events.js';

export type { Truth };

export interface TruthCheck {
  readonly ok: boolean;
  readonly message: string;
}

type Sequence = { join_keys?: unknown[]; events?: { _source?: { process?: { entity_id?: string } } }[] };

/** Compares NDJSON sequences (`eql query --format ndjson` output of the seed rule) with the truth. */
export function checkTruth(stdout: string, truth: Truth): TruthCheck {
  const found: Sequence[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    try {
      found.push(JSON.parse(line) as Sequence);
    } catch {
      return { ok: false, message: `WRONG: the output has a line that is not JSON: ${line.slice(0, 80)}` };
    }
  }
  const got = new Set(found.map((s) => `${String(s.join_keys?.[0])} ${String(s.events?.[2]?._source?.process?.entity_id)}`));
  const want = new Set(truth.true_positives.map((t) => `${t.msiexec_entity_id} ${t.child_entity_id}`));
  const missed = [...want].filter((w) => !got.has(w));
  const extra = [...got].filter((g) => !want.has(g));
  const problems = [
    ...(found.length !== truth.expected_sequences ? [`${found.length} sequences instead of ${truth.expected_sequences}`] : []),
    ...(missed.length ? [`${missed.length} planted true positives missed (first: ${missed[0]})`] : []),
    ...(extra.length ? [`${extra.length} sequences that are not planted true positives (first: ${extra[0]})`] : []),
  ];
  return problems.length ? { ok: false, message: `WRONG: ${problems.join('; ')}` } : { ok: true, message: `exactly the ${want.size} planted true positives` };
}
