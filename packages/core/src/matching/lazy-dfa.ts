import type { Nfa } from './nfa.js';
import { SubsetStepper } from './subset-stepper.js';

/**
 * Matches whole values against an NFA by building its deterministic automaton lazily, one transition at a time,
 * the first time a value needs it. Each character costs O(1) once its transition is cached and O(NFA size) when
 * it is not, so a match is linear in the value whatever the pattern. The cache is dropped and rebuilt when it
 * grows past a fixed number of cells, which bounds memory without changing results.
 */

const MAX_CACHED_CELLS = 1 << 20;

interface DState {
  readonly states: readonly number[];
  readonly accepting: boolean;
  readonly generation: number;
  /** Per character class: the next state, DEAD, or undefined while not yet computed. */
  readonly next: (DState | typeof DEAD | undefined)[];
}

const DEAD = Symbol('dead');

/** `maxCachedCells` (states × character classes) is for tests that need the cache to overflow. */
export function lazyDfaMatcher(nfa: Nfa, maxCachedCells = MAX_CACHED_CELLS): (value: string) => boolean {
  const stepper = new SubsetStepper(nfa);
  const classes = stepper.alphabet.size;
  const maxStates = Math.max(2, Math.floor(maxCachedCells / classes));
  let cache = new Map<string, DState>();
  let generation = 0;

  const intern = (states: readonly number[]): DState => {
    const key = states.join(',');
    let d = cache.get(key);
    if (d) return d;
    if (cache.size >= maxStates) {
      cache = new Map();
      generation++;
    }
    d = { states, accepting: stepper.accepts(states), generation, next: new Array(classes) };
    cache.set(key, d);
    return d;
  };
  const startStates = stepper.start();
  let start = intern(startStates);

  return (value) => {
    if (start.generation !== generation) start = intern(startStates);
    let d = start;
    for (let i = 0; i < value.length; ) {
      let cp = value.charCodeAt(i++);
      if (cp >= 0xd800 && cp <= 0xdbff && i < value.length) {
        const low = value.charCodeAt(i);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      const k = stepper.alphabet.classOf(cp);
      let next = d.next[k];
      if (next === undefined) {
        const states = stepper.step(d.states, k);
        next = states.length === 0 ? DEAD : intern(states);
        // After a cache reset `d` belongs to the old generation; keep using it, but cache only fresh states.
        if (d.generation === generation) d.next[k] = next;
      }
      if (next === DEAD) return false;
      d = next;
    }
    return d.accepting;
  };
}
