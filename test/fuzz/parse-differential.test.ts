import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { matchFast } from '../../packages/core/src/grammar/fast/fast-parser.js';
import { eqlGrammar } from '../../packages/core/src/grammar/load.js';
import { parse, parseFast, parseWithOhm } from '../../packages/core/src/parse.js';
import { dumpTree, type TreeNode } from '../support/cst-dump.js';
import { mutants } from '../support/mutate.js';
import { conformanceCases, ruleCorpus, seededRandom } from '../support/shared.js';

// The generated parser must be indistinguishable from Ohm: same matches, same CST (lazy tokens expanded), and
// through the unchanged actions the same AST, diagnostics and comments.

const ohmSemantics = eqlGrammar.createSemantics();

/** Why the fast path differs from Ohm alone on `text`, or undefined if it does not. */
function difference(text: string, withCst: boolean): string | undefined {
  const match = eqlGrammar.match(text);
  const root = matchFast(text);
  if (match.succeeded() !== (root !== null)) return `Ohm ${match.succeeded() ? 'matches' : 'fails'}, the fast parser ${root ? 'matches' : 'fails'}`;
  if (withCst && root && !isDeepStrictEqual(dumpTree(root), dumpTree(ohmSemantics(match) as unknown as TreeNode))) return 'different CSTs';
  const ohm = parseWithOhm(text, { comments: true });
  if (root) {
    let fast;
    try {
      fast = parseFast(text, { comments: true });
    } catch (e) {
      const internal = ohm.diagnostics.some((d) => d.message.includes(`internal error while parsing: ${e instanceof Error ? e.message : ''}`));
      if (!internal) return `the fast path threw ${String(e)}`;
    }
    if (fast && !isDeepStrictEqual(fast, ohm)) return 'different results';
  }
  if (!isDeepStrictEqual(parse(text, { comments: true }), ohm)) return 'parse() differs from parseWithOhm()';
  return undefined;
}

function differences(texts: readonly string[], withCst: boolean): string[] {
  const found: string[] = [];
  for (const text of texts) {
    const why = difference(text, withCst);
    if (why) found.push(`${why}: ${JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text)}`);
  }
  return found.slice(0, 10);
}

describe('the generated parser against Ohm', () => {
  const corpus = [...ruleCorpus().map((r) => r.query), ...conformanceCases().map((c) => c.query)];
  // Shorter seeds keep the Ohm side of the run quick; every rule shape is among them.
  const seeds = corpus.filter((q) => q.length < 2000);

  it('builds Ohm’s CST and gives Ohm’s results for every corpus and conformance query', () => {
    expect(corpus.length).toBe(824 + 224);
    expect(differences(corpus, true)).toEqual([]);
  }, 120_000);

  it('builds Ohm’s CST for 2,000 mutated queries, matching exactly when Ohm does', () => {
    const texts = mutants(seeds, 2_000, seededRandom(7_2026));
    expect(differences(texts, true)).toEqual([]);
  }, 120_000);

  it('agrees with Ohm on 10,000 mutated queries: match or not, AST, diagnostics and comments', () => {
    const texts = mutants(seeds, 10_000, seededRandom(20_260_412));
    expect(differences(texts, false)).toEqual([]);
    // Both outcomes must be well represented, or the comparison proves little.
    const matched = texts.filter((t) => matchFast(t) !== null);
    expect(matched.length).toBeGreaterThan(2_000);
    expect(texts.length - matched.length).toBeGreaterThan(2_000);
    expect(matched.filter((t) => parse(t, { comments: true }).comments.length > 0).length).toBeGreaterThan(200);
  }, 300_000);
});
