import { ALL_CODE_POINTS, complementSet, intersectSets, setFromRanges, unionSets } from './code-point-set.js';
import { EpsilonClosure, type Nfa, type NfaEdge, type StateBudget } from './nfa.js';
import { SubsetStepper } from './subset-stepper.js';

/**
 * Lucene's two operators that regular-expression engines lack, on automata: complement (`~`) needs a
 * deterministic automaton, so it determinizes its operand; intersection (`&`) runs both operands in lockstep
 * (the product construction). Both charge every state they create to the pattern's budget.
 */

/** Subset construction. The result has no epsilons; a missing transition means rejection. */
export function determinize(nfa: Nfa, budget: StateBudget): Nfa {
  const stepper = new SubsetStepper(nfa);
  const ids = new Map<string, number>();
  const sets: number[][] = [];
  const intern = (set: number[]): number => {
    const key = set.join(',');
    let id = ids.get(key);
    if (id === undefined) {
      budget.take();
      id = sets.length;
      ids.set(key, id);
      sets.push(set);
    }
    return id;
  };
  intern(stepper.start());
  const edges: NfaEdge[][] = [];
  for (let i = 0; i < sets.length; i++) {
    const byTarget = new Map<number, number[]>();
    for (const [k, set] of stepper.stepAll(sets[i])) {
      const to = intern(set);
      const ranges = byTarget.get(to);
      if (ranges) ranges.push(...stepper.alphabet.classSet(k));
      else byTarget.set(to, [...stepper.alphabet.classSet(k)]);
    }
    edges.push([...byTarget].map(([to, ranges]) => ({ set: setFromRanges(ranges), to })));
  }
  return { start: 0, accepting: sets.map((s) => stepper.accepts(s)), edges, epsilons: sets.map(() => []) };
}

/** Accepts exactly the strings `nfa` rejects. */
export function complement(nfa: Nfa, budget: StateBudget): Nfa {
  const dfa = determinize(nfa, budget);
  budget.take();
  const dead = dfa.edges.length;
  const edges = dfa.edges.map((list) => {
    const missing = complementSet(unionSets(list.map((e) => e.set)));
    return missing.length > 0 ? [...list, { set: missing, to: dead }] : [...list];
  });
  edges.push([{ set: ALL_CODE_POINTS, to: dead }]);
  const accepting = [...dfa.accepting.map((a) => !a), true];
  return { start: 0, accepting, edges, epsilons: edges.map(() => []) };
}

/** The same language without epsilon moves (each state takes over the edges of its closure). */
export function removeEpsilons(nfa: Nfa): Nfa {
  const closure = new EpsilonClosure(nfa);
  const closed = nfa.edges.map((_, s) => closure.of([s]));
  return {
    start: nfa.start,
    accepting: closed.map((states) => states.some((t) => nfa.accepting[t])),
    edges: closed.map((states) => states.flatMap((t) => nfa.edges[t])),
    epsilons: closed.map(() => []),
  };
}

/** Accepts the strings both automata accept. */
export function intersect(left: Nfa, right: Nfa, budget: StateBudget): Nfa {
  const a = removeEpsilons(left);
  const b = removeEpsilons(right);
  const width = b.edges.length;
  const ids = new Map<number, number>();
  const pairs: [number, number][] = [];
  const intern = (p: number, q: number): number => {
    const key = p * width + q;
    let id = ids.get(key);
    if (id === undefined) {
      budget.take();
      id = pairs.length;
      ids.set(key, id);
      pairs.push([p, q]);
    }
    return id;
  };
  intern(a.start, b.start);
  const edges: NfaEdge[][] = [];
  for (let i = 0; i < pairs.length; i++) {
    const [p, q] = pairs[i];
    const list: NfaEdge[] = [];
    for (const ea of a.edges[p]) {
      for (const eb of b.edges[q]) {
        const set = intersectSets(ea.set, eb.set);
        if (set.length > 0) list.push({ set, to: intern(ea.to, eb.to) });
      }
    }
    edges.push(list);
  }
  const accepting = pairs.map(([p, q]) => a.accepting[p] && b.accepting[q]);
  return { start: 0, accepting, edges, epsilons: edges.map(() => []) };
}
