/**
 * A CST as plain data — `[ctorName, startIdx, endIdx, children]` — from an Ohm node wrapper or a light CstNode
 * (they share this API), so that the two parsers' trees can be compared with one `toStrictEqual`.
 */
export type Dump = [string, number, number, Dump[]];

export interface TreeNode {
  readonly ctorName: string;
  readonly source: { readonly startIdx: number; readonly endIdx: number };
  readonly children: readonly TreeNode[];
}

export function dumpTree(node: TreeNode): Dump {
  return [node.ctorName, node.source.startIdx, node.source.endIdx, node.children.map(dumpTree)];
}
