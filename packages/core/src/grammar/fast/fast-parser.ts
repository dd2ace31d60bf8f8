/**
 * The fast backend: the parser generated from grammar/eql.ohm at build time (see codegen/generate.ts), whose
 * light CST runs the same `ast` and `predicate(operand)` actions as the Ohm semantics.
 */
import { createParser, type Expand } from '../generated/eql-parser.js';
import { astActions, predicateActions } from '../actions.js';
import { CstNode } from './cst-node.js';
import { actionsOf, perform, performWith } from './perform.js';

const AST = actionsOf(astActions);
const PREDICATE = actionsOf(predicateActions);

// Every node the parser builds is an EqlNode, so the children's casts below hold.
const astOf = (child: CstNode): unknown => (child as EqlNode).ast();

export class EqlNode extends CstNode {
  // Explicit, so that Node 20 does not spread the arguments through a default derived constructor.
  constructor(ctorName: string, input: string, startIdx: number, endIdx: number, kids: readonly CstNode[] | Expand<CstNode>) {
    super(ctorName, input, startIdx, endIdx, kids);
  }

  ast(): unknown {
    return perform(this, 'ast', AST, astOf);
  }

  predicate(operand: unknown): unknown {
    return performWith(this, 'predicate', PREDICATE, { operand }, (child) => (child as EqlNode).predicate(operand));
  }
}

const parser = createParser(EqlNode);

/** The CST of `text`, or null exactly where Ohm's `eqlGrammar.match(text)` fails. */
export function matchFast(text: string): EqlNode | null {
  return parser.match(text);
}
