import type { Semantics } from 'ohm-js';
import { astActions, predicateActions } from './actions.js';
import { eqlGrammar } from './load.js';

let semantics: Semantics | undefined;

/** The Ohm semantics with the `ast` operation (and its helper `predicate(operand)`), built on first use. */
export function astSemantics(): Semantics {
  semantics ??= eqlGrammar.createSemantics().addOperation<unknown>('ast', astActions).addOperation<unknown>('predicate(operand)', predicateActions);
  return semantics;
}
