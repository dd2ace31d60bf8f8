import { closestMatches } from '../text/edit-distance.js';
import { FUNCTIONS } from './definitions.js';
import type { FunctionDef } from './types.js';

const byLowerName = new Map(FUNCTIONS.map((f) => [f.name.toLowerCase(), f]));

/** The function called `name` (names are case-insensitive, as in Elasticsearch), if there is one. */
export function lookupFunction(name: string): FunctionDef | undefined {
  return byLowerName.get(name.toLowerCase());
}

/** Known function names close to `name`, for "did you mean". */
export function similarFunctions(name: string): string[] {
  return closestMatches(name, FUNCTIONS.map((f) => f.name), 3);
}

/** Names that exist in the Endgame/Python EQL but not in Elasticsearch, with what to use instead. */
export const NON_ES_FUNCTIONS: Readonly<Record<string, string>> = {
  wildcard: 'use the `:` or `like` operator with `*` and `?`',
  match: 'use the `regex` operator',
  matchlite: 'use the `regex` operator',
  arraycontains: 'compare the field directly: a predicate on an array matches when any value does',
  arraycount: 'not available in Elasticsearch EQL',
  arraysearch: 'compare the field directly: a predicate on an array matches when any value does',
  safe: 'not needed: functions return null instead of failing',
};
