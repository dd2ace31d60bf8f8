/**
 * The AST builder's action dictionaries, shared by both parsing backends: Ohm's semantics (semantics.ts) and
 * the generated parser's light CST (fast/fast-parser.ts).
 */
import { expressionActions, predicateActions } from './build-expressions.js';
import { literalActions } from './build-literals.js';
import { queryActions } from './build-queries.js';
import type { EqlActionDict } from './load.js';

/** The `ast` operation. */
export const astActions: EqlActionDict<unknown> = { ...queryActions, ...expressionActions, ...literalActions };

/** The `predicate(operand)` operation: attaches a predicate suffix to the expression before it. */
export { predicateActions };
