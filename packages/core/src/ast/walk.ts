import type { Node, Query, Stage } from './nodes.js';

/** The direct children of a node, in source order. */
export function childrenOf(node: Node): Node[] {
  switch (node.kind) {
    case 'statement':
      return [node.query, ...node.pipes];
    case 'event':
      return [node.category, node.condition];
    case 'sequence':
      return [...node.by, ...(node.maxspan ? [node.maxspan] : []), ...node.stages, ...(node.until ? [node.until] : [])];
    case 'sample':
      return [...node.by, ...node.stages];
    case 'stage':
      return [node.query, ...node.by, ...(node.runs ? [node.runs] : [])];
    case 'pipe':
      return [...node.args];
    case 'call':
      return [...node.args];
    case 'not':
    case 'unary':
      return [node.operand];
    case 'logical':
    case 'compare':
    case 'arith':
      return [node.left, node.right];
    case 'in':
      return [node.operand, ...node.values];
    case 'match':
      return [node.operand, ...node.patterns];
    case 'category':
    case 'runs':
    case 'maxspan':
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'field':
      return [];
  }
}

/**
 * Visits `node` and its descendants depth-first in source order. Returning `false` from `visit` skips the node's
 * children.
 */
export function walk(node: Node, visit: (node: Node, parent: Node | undefined) => boolean | void, parent?: Node): void {
  if (visit(node, parent) === false) return;
  for (const child of childrenOf(node)) walk(child, visit, node);
}

/** The innermost node whose span contains `offset` (end-inclusive, so a cursor right after a token finds it). */
export function nodeAt(root: Node, offset: number): Node[] {
  const path: Node[] = [];
  let current: Node | undefined = root;
  while (current) {
    path.push(current);
    current = childrenOf(current).find((c) => c.span.start <= offset && offset <= c.span.end);
  }
  return path;
}

/** The stages of a sequence or sample query in order (an event query has none). */
export function stagesOf(query: Query): readonly Stage[] {
  return query.kind === 'event' ? [] : query.stages;
}
