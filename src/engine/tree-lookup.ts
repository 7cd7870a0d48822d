import { treeGraph } from './tree-graph';
import type { Tree, TreeNode } from './tree-schema';

/** A node by id, from the tree's one graph (built once per tree, tree-graph.ts). */
export function getNode(tree: Tree, id: string): TreeNode | undefined {
  return treeGraph(tree).nodes.get(id);
}
