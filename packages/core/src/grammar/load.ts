/**
 * The Ohm adapter's entry: the compiled grammar. Ohm is confined to this folder, so that a move to another Ohm
 * version or parser touches nothing else.
 */
import grammar from './generated/eql.ohm-bundle.js';

export type { EqlActionDict, EqlGrammar, EqlSemantics } from './generated/eql.ohm-bundle.js';

/** The compiled `Eql` grammar from grammar/eql.ohm (a recipe generated at build time, so loading is fast). */
export const eqlGrammar = grammar;

/** The grammar's keywords, read from the grammar itself (for completion and syntax highlighting). */
export function grammarKeywords(): string[] {
  const source = eqlGrammar.rules['keyword']?.body.toString() ?? '';
  return [...source.matchAll(/"([a-z]+)"/g)].map((m) => m[1]);
}
