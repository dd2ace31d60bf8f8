import { Alphabet } from './alphabet.js';
import { EpsilonClosure, type Nfa } from './nfa.js';

interface ClassEdge {
  readonly spans: readonly number[];
  readonly to: number;
}

/**
 * The subset construction's single step over an NFA: from a closed set of states, read one character class,
 * and close again. Shared by eager determinization (for complement) and the lazy DFA that matches values.
 */
export class SubsetStepper {
  readonly alphabet: Alphabet;
  private readonly classEdges: ClassEdge[][];
  private readonly closure: EpsilonClosure;

  constructor(private readonly nfa: Nfa) {
    this.alphabet = new Alphabet(nfa.edges.flatMap((list) => list.map((e) => e.set)));
    this.classEdges = nfa.edges.map((list) => list.map((e) => ({ spans: this.alphabet.spans(e.set), to: e.to })));
    this.closure = new EpsilonClosure(nfa);
  }

  start(): number[] {
    return this.closure.of([this.nfa.start]);
  }

  accepts(states: readonly number[]): boolean {
    return states.some((s) => this.nfa.accepting[s]);
  }

  /** Where `states` go on a character of class `k` (closed, sorted; empty when stuck). */
  step(states: readonly number[], k: number): number[] {
    const targets: number[] = [];
    for (const s of states) {
      for (const edge of this.classEdges[s]) {
        const spans = edge.spans;
        for (let i = 0; i < spans.length; i += 2) {
          if (spans[i] <= k && k <= spans[i + 1]) {
            targets.push(edge.to);
            break;
          }
        }
      }
    }
    return targets.length === 0 ? targets : this.closure.of(targets);
  }

  /** `step` for every class with somewhere to go, computed together. */
  stepAll(states: readonly number[]): Map<number, number[]> {
    const raw = new Map<number, number[]>();
    for (const s of states) {
      for (const edge of this.classEdges[s]) {
        for (let i = 0; i < edge.spans.length; i += 2) {
          for (let k = edge.spans[i]; k <= edge.spans[i + 1]; k++) {
            const list = raw.get(k);
            if (list) list.push(edge.to);
            else raw.set(k, [edge.to]);
          }
        }
      }
    }
    const memo = new Map<string, number[]>();
    const out = new Map<number, number[]>();
    for (const [k, targets] of raw) {
      const key = targets.join(',');
      let closed = memo.get(key);
      if (!closed) memo.set(key, (closed = this.closure.of(targets)));
      out.set(k, closed);
    }
    return out;
  }
}
