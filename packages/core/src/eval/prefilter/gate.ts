/**
 * A gate for scanning large texts: literals such that any line satisfying a requirement contains one of them.
 * Scanning a whole chunk once for the gate (one global regex) finds the few lines worth testing; the others are
 * rejected without being cut out of the chunk.
 *
 * Input: a requirement and the pass rate of each literal on sample lines. Output: the gate with the lowest
 * estimated pass rate — a literal is its own gate; an `and` may use any one child's gate (the rarest); an `or` needs
 * the union of all its children's gates — or undefined when the requirement is `true` somewhere that matters.
 */
import { literalsSource, type Spelling } from './matcher.js';
import type { Requirement, TextLiteral } from './requirement.js';

export interface Gate {
  readonly lits: readonly TextLiteral[];
  /** Estimated share of lines containing one of the literals (an upper bound for an `or`). */
  readonly rate: number;
}

/** The rarest gate of `req` according to `rate`, or undefined when a line may satisfy it without any literal. */
export function chooseGate(req: Requirement, rate: (l: TextLiteral) => number): Gate | undefined {
  switch (req.kind) {
    case 'true':
      return undefined;
    case 'false':
      return { lits: [], rate: 0 };
    case 'lit':
      return { lits: [req.lit], rate: rate(req.lit) };
    case 'and': {
      let best: Gate | undefined;
      for (const item of req.items) {
        const g = chooseGate(item, rate);
        if (g && (!best || g.rate < best.rate || (g.rate === best.rate && g.lits.length < best.lits.length))) best = g;
      }
      return best;
    }
    case 'or': {
      const lits: TextLiteral[] = [];
      let sum = 0;
      for (const item of req.items) {
        const g = chooseGate(item, rate);
        if (!g) return undefined;
        lits.push(...g.lits);
        sum += g.rate;
      }
      return { lits, rate: Math.min(1, sum) };
    }
  }
}

/**
 * A global regex for the gate: a line with no match is rejected by the requirement's test. With `canonical`
 * spelling the regex also stops at every `\u`/`\/` escape (those lines are accepted unseen).
 */
export function gateRegex(gate: Gate, spelling: Spelling): RegExp {
  const { source, unicode } = literalsSource(gate.lits, spelling);
  const parts = source === '' ? [] : [source];
  if (spelling === 'canonical') parts.push('\\\\[u/]');
  return new RegExp(parts.length ? parts.join('|') : '(?!)', unicode ? 'gu' : 'g');
}
