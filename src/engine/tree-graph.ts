import type { Answer, Tree, TreeNode } from './tree-schema';

/** One answer seen as an arrow: from its question to the node it leads to. */
export type TreeEdge = { readonly from: string; readonly to: string; readonly answer: Answer };

/**
 * A tree as a graph: the one adjacency structure every walk in the engine uses
 * (validation, step trails, counts, the longest walk, the map's links and arrows). It is
 * built from a tree whose shape is valid but whose references may not be, because the
 * graph checks are what find broken references. It holds only what walks need: where a
 * problem sits in the file is the checks' business (graph-checks.ts), and this structure
 * is in the first page's JavaScript, which has almost no room (docs/performance.md).
 */
export type TreeGraph = {
  /** Node by id. With duplicate ids, the first in the file: the checks report the others. */
  readonly nodes: ReadonlyMap<string, TreeNode>;
  /** Each id's answers as edges, in file order; none for an outcome. */
  readonly out: ReadonlyMap<string, readonly TreeEdge[]>;
};

// Trees are immutable once validated, so the graph is built once per tree object and kept
// beside it: a WeakMap leaves the tree a plain JSON value (it is serialised for hydration)
// and lets it be collected with its graph.
const graphs = new WeakMap<Tree, TreeGraph>();

export function treeGraph(tree: Tree): TreeGraph {
  let graph = graphs.get(tree);
  if (!graph) {
    const nodes = new Map<string, TreeNode>();
    const out = new Map<string, TreeEdge[]>();
    for (const node of tree.nodes) {
      if (nodes.has(node.id)) continue;
      nodes.set(node.id, node);
      out.set(
        node.id,
        node.kind === 'question'
          ? node.answers.map((answer) => ({ from: node.id, to: answer.next, answer }))
          : [],
      );
    }
    graph = { nodes, out };
    graphs.set(tree, graph);
  }
  return graph;
}
