import { describe, expect, it } from 'vitest';
import { parse } from '@eqlkit/core';
import { ruleCorpus, seededRandom } from '../support/shared.js';
import { mutants } from '../support/mutate.js';

describe('parser fuzzing (fixed seed)', () => {
  it('never throws on 10,000 mutated corpus queries, and every diagnostic span lies inside the text', () => {
    const rand = seededRandom(20261128);
    // Shorter rules keep the run quick; every rule shape (events, sequences, samples, pipes) is among them.
    const seeds = ruleCorpus().map((r) => r.query).filter((q) => q.length < 1500);
    let withErrors = 0;
    for (const text of mutants(seeds, 10_000, rand)) {
      const result = parse(text);
      if (result.diagnostics.some((d) => d.severity === 'error')) withErrors++;
      for (const d of result.diagnostics) {
        if (d.span.start < 0 || d.span.end > text.length || d.span.start > d.span.end) throw new Error(`span ${JSON.stringify(d.span)} outside a text of ${text.length}: ${JSON.stringify(text)}`);
        expect(d.message).not.toMatch(/internal error/);
      }
    }
    // The mutations must actually break queries most of the time, or the test proves little.
    expect(withErrors).toBeGreaterThan(5_000);
  }, 300_000);
});
