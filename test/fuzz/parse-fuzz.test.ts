import { describe, expect, it } from 'vitest';
import { parse } from '@eqlkit/core';
import { hasShared, ruleCorpus, seededRandom } from '../support/shared.js';

// Characters that matter to the grammar, so mutations reach deep into it.
const ALPHABET = ['"', "'", '`', '\\', '(', ')', '[', ']', '![', ',', '.', ':', '~', '?', '*', '=', '==', '!', '<', '|', '/*', '*/', '//', '\n', ' ', 'and', 'or', 'not', 'in', 'where', 'by', 'with', 'sequence', 'until', '"""', '\\u{', '}', '0', '9', 'x', '\u00e9', '\ud83d\ude00'];

function mutate(text: string, rand: () => number): string {
  const pos = Math.floor(rand() * (text.length + 1));
  const kind = rand();
  if (kind < 0.35) {
    const len = 1 + Math.floor(rand() * 8);
    return text.slice(0, pos) + text.slice(pos + len);
  }
  if (kind < 0.7) return text.slice(0, pos) + ALPHABET[Math.floor(rand() * ALPHABET.length)] + text.slice(pos);
  const other = Math.floor(rand() * text.length);
  const [a, b] = pos < other ? [pos, other] : [other, pos];
  if (b >= text.length) return text;
  return text.slice(0, a) + text[b] + text.slice(a + 1, b) + text[a] + text.slice(b + 1);
}

describe.skipIf(!hasShared)('parser fuzzing (fixed seed)', () => {
  it('never throws on 10,000 mutated corpus queries, and every diagnostic span lies inside the text', () => {
    const rand = seededRandom(20261128);
    // Shorter rules keep the run quick; every rule shape (events, sequences, samples, pipes) is among them.
    const seeds = ruleCorpus().map((r) => r.query).filter((q) => q.length < 1500);
    let mutations = 0;
    let withErrors = 0;
    for (let i = 0; i < 10_000; i++) {
      let text = seeds[Math.floor(rand() * seeds.length)];
      const rounds = 1 + Math.floor(rand() * 3);
      for (let r = 0; r < rounds; r++) text = mutate(text, rand);
      mutations += rounds;
      const result = parse(text);
      if (result.diagnostics.some((d) => d.severity === 'error')) withErrors++;
      for (const d of result.diagnostics) {
        if (d.span.start < 0 || d.span.end > text.length || d.span.start > d.span.end) throw new Error(`span ${JSON.stringify(d.span)} outside a text of ${text.length}: ${JSON.stringify(text)}`);
        expect(d.message).not.toMatch(/internal error/);
      }
    }
    expect(mutations).toBeGreaterThanOrEqual(10_000);
    // The mutations must actually break queries most of the time, or the test proves little.
    expect(withErrors).toBeGreaterThan(5_000);
  }, 300_000);
});
