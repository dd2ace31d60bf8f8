/**
 * Runs an Ohm-style operation on a light CST node, with Ohm's calling convention: the action named after the
 * node's `ctorName` is called with the node as `this` and its children as arguments, `this.args` holds the
 * operation's arguments (if it has any), and a node with no action and exactly one child passes the operation
 * to that child. So the action dictionaries written for Ohm (build-*.ts) run unchanged on either backend.
 */
import type { Args, CstNode } from './cst-node.js';

type Action = (this: CstNode, ...children: CstNode[]) => unknown;

/** An action dictionary by `ctorName` (a Map, so that no rule name can hit `Object.prototype`). */
export type Actions = ReadonlyMap<string, Action>;

/** Adopts an Ohm action dictionary; its actions only use the node API that `CstNode` provides. */
export function actionsOf(dict: object): Actions {
  return new Map(Object.entries(dict) as [string, Action][]);
}

/** Runs `operation` (one without arguments) on `node`. */
export function perform(node: CstNode, operation: string, actions: Actions, delegate: (child: CstNode) => unknown): unknown {
  const action = actions.get(node.ctorName);
  if (action) return action.apply(node, node.children);
  if (!node.isIteration() && node.numChildren === 1) return delegate(node.children[0]);
  throw new Error(`Missing semantic action for '${node.ctorName}' in operation '${operation}'.`);
}

/** Runs an operation with arguments, which its actions read from `this.args` while it runs. */
export function performWith(node: CstNode, operation: string, actions: Actions, args: Args, delegate: (child: CstNode) => unknown): unknown {
  const saved = node.args;
  node.args = args;
  try {
    return perform(node, operation, actions, delegate);
  } finally {
    node.args = saved;
  }
}
