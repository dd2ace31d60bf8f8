import { eqlGrammar } from './load.js';
import { expressionActions, predicateActions } from './build-expressions.js';
import { literalActions } from './build-literals.js';
import { queryActions } from './build-queries.js';

/** The Ohm semantics with the `ast` operation (and its helper `predicate(operand)`), built once. */
export const astSemantics = eqlGrammar
  .createSemantics()
  .addOperation<unknown>('ast', { ...queryActions, ...expressionActions, ...literalActions })
  .addOperation<unknown>('predicate(operand)', predicateActions);
