import type { Span } from '../../ast/nodes.js';
import { isTokenRule } from '../comments.js';
import type { CstNode } from './cst-node.js';

/** The token spans of a light CST (the same walk as `ohmTokens`; tokens are never expanded). */
export function cstTokens(root: CstNode): Span[] {
  const tokens: Span[] = [];
  const visit = (node: CstNode): void => {
    const leaf = node.isTerminal() || (!node.isIteration() && isTokenRule(node.ctorName));
    if (!leaf) for (const c of node.children) visit(c);
    else if (node.endIdx > node.startIdx) tokens.push({ start: node.startIdx, end: node.endIdx });
  };
  visit(root);
  return tokens;
}
