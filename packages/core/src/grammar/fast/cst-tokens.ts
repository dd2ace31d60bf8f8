import type { Span } from '../../ast/nodes.js';
import { commentsBetween, isTokenRule, type Comment } from '../comments.js';
import type { CstNode } from './cst-node.js';

/** The comments of a light CST's text: the same token-gap scan as for Ohm's CST. */
export function cstComments(text: string, root: CstNode): Comment[] {
  // Every comment starts with one of these; most queries have neither, and then there is nothing to walk.
  if (!text.includes('//') && !text.includes('/*')) return [];
  return commentsBetween(text, cstTokens(root));
}

/** The token spans of a light CST (the walk of `ohmTokens`; tokens are never expanded). */
function cstTokens(root: CstNode): Span[] {
  const tokens: Span[] = [];
  const visit = (node: CstNode): void => {
    const leaf = node.isTerminal() || (!node.isIteration() && isTokenRule(node.ctorName));
    if (!leaf) for (const c of node.children) visit(c);
    else if (node.endIdx > node.startIdx) tokens.push({ start: node.startIdx, end: node.endIdx });
  };
  visit(root);
  return tokens;
}
