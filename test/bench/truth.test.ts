import { describe, expect, it } from 'vitest';
import { checkTruth, type Truth } from '../../bench/support/truth.js';

const truth: Truth = {
  expected_sequences: 2,
  true_positives: [
    { msiexec_entity_id: 'm1', child_entity_id: 'c1' },
    { msiexec_entity_id: 'm2', child_entity_id: 'c2' },
  ],
};
const seq = (m: string, c: string) => JSON.stringify({ join_keys: [m], events: [{ _source: {} }, { _source: {} }, { _source: { process: { entity_id: c } } }] });

describe('the query benchmark\'s check of the planted alerts', () => {
  it('passes exactly the planted true positives, in any order', () => {
    expect(checkTruth(`${seq('m2', 'c2')}\n${seq('m1', 'c1')}\n`, truth)).toEqual({ ok: true, message: 'exactly the 2 planted true positives' });
  });

  it('fails a wrong count, a missed target and an extra alert', () => {
    expect(checkTruth(`${seq('m1', 'c1')}\n`, truth)).toMatchObject({ ok: false, message: expect.stringMatching(/1 sequences instead of 2; 1 planted true positives missed \(first: m2 c2\)/) });
    expect(checkTruth(`${seq('m1', 'c1')}\n${seq('m1', 'c9')}\n`, truth)).toMatchObject({ ok: false, message: expect.stringMatching(/missed.*1 sequences that are not planted/) });
    expect(checkTruth(`${seq('m1', 'c1')}\n${seq('m2', 'c2')}\n${seq('m2', 'c2')}\n`, truth).ok).toBe(false);
    expect(checkTruth('not json\n', truth).ok).toBe(false);
  });
});
