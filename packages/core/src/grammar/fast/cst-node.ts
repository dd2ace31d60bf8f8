/**
 * A light CST node, as built by the generated parser (generated/eql-parser.js): the same tree as Ohm's CST, with
 * the part of Ohm's node API our semantic actions use (`ctorName`, `children`, `child(i)`, `numChildren`,
 * `source.startIdx/endIdx`, `sourceString`, `isIteration()`, `asIteration()` and `args`).
 *
 * A token (a lexical rule applied from a syntactic one) is created without children: they are parsed again from
 * its text the first time someone asks, which few actions do.
 */
import type { Expand } from '../generated/eql-parser.js';

export type Args = Readonly<Record<string, unknown>>;

export const NO_ARGS: Args = Object.freeze({});

export class CstNode {
  // Declared, not defined: a class field would be defined on every node before the constructor runs, which
  // the interpreter (all there is while a cold process warms up) pays for on each of the many nodes.
  declare readonly ctorName: string;
  declare readonly input: string;
  declare readonly startIdx: number;
  declare readonly endIdx: number;
  private declare kids: readonly CstNode[] | Expand<CstNode>;
  /** The arguments of the operation with arguments running on this node (Ohm's `this.args`); on the prototype. */
  declare args: Args;

  constructor(ctorName: string, input: string, startIdx: number, endIdx: number, kids: readonly CstNode[] | Expand<CstNode>) {
    this.ctorName = ctorName;
    this.input = input;
    this.startIdx = startIdx;
    this.endIdx = endIdx;
    this.kids = kids;
  }

  get children(): CstNode[] {
    const kids = this.kids;
    if (typeof kids !== 'function') return kids as CstNode[];
    return (this.kids = kids(this.input, this.startIdx, this.endIdx));
  }

  get numChildren(): number {
    return this.children.length;
  }

  child(index: number): CstNode | undefined {
    return this.children[index];
  }

  /** Ohm's `source` interval; only its offsets are used, so the node serves as its own. */
  get source(): { readonly startIdx: number; readonly endIdx: number } {
    return this;
  }

  get sourceString(): string {
    return this.input.slice(this.startIdx, this.endIdx);
  }

  isIteration(): boolean {
    return this.ctorName === '_iter';
  }

  isTerminal(): boolean {
    return this.ctorName === '_terminal';
  }

  /** Ohm's built-in `asIteration` operation: a list rule's items as one iteration node. */
  asIteration(): CstNode {
    switch (this.ctorName) {
      case '_iter':
        return this;
      case 'NonemptyListOf':
      case 'nonemptyListOf': {
        const [first, , rest] = this.children;
        return this.iteration([first, ...rest.children]);
      }
      case 'EmptyListOf':
      case 'emptyListOf':
        return this.iteration([]);
    }
    // Ohm's default action: a nonterminal with one child (`ListOf`) passes the operation on.
    if (!this.isTerminal() && this.numChildren === 1) return this.children[0].asIteration();
    throw new Error(`Missing semantic action for '${this.ctorName}' in operation 'asIteration'.`);
  }

  private iteration(kids: CstNode[]): CstNode {
    const Node = this.constructor as typeof CstNode;
    return new Node('_iter', this.input, this.startIdx, this.endIdx, kids);
  }
}

// A prototype default, so that building a node stores one field less.
Object.defineProperty(CstNode.prototype, 'args', { value: NO_ARGS, writable: true });
