import type { CodePointSet } from './code-point-set.js';

/**
 * A nondeterministic finite automaton over code points, with epsilon moves: the working form for Lucene's
 * operators RE2 lacks (complement, intersection). States are numbered from 0; edges carry code-point sets.
 */
export interface Nfa {
  readonly start: number;
  readonly accepting: readonly boolean[];
  readonly edges: readonly (readonly NfaEdge[])[];
  readonly epsilons: readonly (readonly number[])[];
}

export interface NfaEdge {
  readonly set: CodePointSet;
  readonly to: number;
}

/** A piece under construction: enter at `start`, leave from `end` (Thompson's construction). */
export interface Fragment {
  readonly start: number;
  readonly end: number;
}

/** Thrown when an automaton would exceed its state budget; the compiler turns it into a "too complex" error. */
export class TooComplexError extends Error {}

/** A state budget shared by every automaton built for one pattern, so nesting cannot multiply the cost. */
export class StateBudget {
  constructor(private remaining: number) {}

  take(n = 1): void {
    this.remaining -= n;
    if (this.remaining < 0) throw new TooComplexError('automaton state budget exceeded');
  }
}

export class NfaBuilder {
  private readonly edges: NfaEdge[][] = [];
  private readonly epsilons: number[][] = [];
  private readonly accepting: boolean[] = [];

  constructor(private readonly budget: StateBudget) {}

  state(): number {
    this.budget.take();
    this.edges.push([]);
    this.epsilons.push([]);
    this.accepting.push(false);
    return this.edges.length - 1;
  }

  edge(from: number, set: CodePointSet, to: number): void {
    if (set.length > 0) this.edges[from].push({ set, to });
  }

  epsilon(from: number, to: number): void {
    this.epsilons[from].push(to);
  }

  /** Copies a finished automaton in; its accepting states lead (by epsilon) to the fragment's end. */
  embed(nfa: Nfa): Fragment {
    const offset = this.edges.length;
    for (let s = 0; s < nfa.edges.length; s++) this.state();
    const end = this.state();
    nfa.edges.forEach((list, s) => {
      for (const e of list) this.edge(offset + s, e.set, offset + e.to);
      for (const t of nfa.epsilons[s]) this.epsilon(offset + s, offset + t);
      if (nfa.accepting[s]) this.epsilon(offset + s, end);
    });
    return { start: offset + nfa.start, end };
  }

  finish(fragment: Fragment): Nfa {
    const accepting = [...this.accepting];
    accepting[fragment.end] = true;
    return { start: fragment.start, accepting, edges: this.edges, epsilons: this.epsilons };
  }
}

/** Computes epsilon closures over one automaton, reusing its scratch marks between calls. */
export class EpsilonClosure {
  private readonly mark: Uint32Array;
  private generation = 0;

  constructor(private readonly nfa: Nfa) {
    this.mark = new Uint32Array(nfa.edges.length);
  }

  /** The states reachable from `seeds` by epsilon moves (seeds included), sorted ascending. */
  of(seeds: Iterable<number>): number[] {
    if (++this.generation === 0xffffffff) {
      this.mark.fill(0);
      this.generation = 1;
    }
    const g = this.generation;
    const out: number[] = [];
    const stack: number[] = [];
    for (const s of seeds) {
      if (this.mark[s] !== g) {
        this.mark[s] = g;
        stack.push(s);
      }
    }
    while (stack.length > 0) {
      const s = stack.pop() as number;
      out.push(s);
      for (const t of this.nfa.epsilons[s]) {
        if (this.mark[t] !== g) {
          this.mark[t] = g;
          stack.push(t);
        }
      }
    }
    return out.sort((a, b) => a - b);
  }
}
