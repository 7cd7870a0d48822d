import type { Tree, TreeNode } from './tree-schema';

// Trees are immutable once validated, so an id → node map can be cached per tree object.
// A WeakMap keeps the tree itself a plain JSON value (it is serialised for hydration later).
const nodeMaps = new WeakMap<Tree, ReadonlyMap<string, TreeNode>>();

function getNodeMap(tree: Tree): ReadonlyMap<string, TreeNode> {
  let map = nodeMaps.get(tree);
  if (!map) {
    map = new Map(tree.nodes.map((node) => [node.id, node]));
    nodeMaps.set(tree, map);
  }
  return map;
}

export function getNode(tree: Tree, id: string): TreeNode | undefined {
  return getNodeMap(tree).get(id);
}
