import { treeGraph } from './tree-graph';
import type { OutcomeNode, Tree } from './tree-schema';

// Everything here walks the tree's one graph (tree-graph.ts) and expects a valid tree:
// references resolve and there is no loop, which validateTree guarantees.

export type TreePath = { trail: readonly string[]; outcome: OutcomeNode };

/**
 * Every distinct walk from the start to an outcome, in answer order. Tests use it
 * to walk every path of a shipped tree.
 */
export function enumeratePaths(tree: Tree): TreePath[] {
  const { nodes, out } = treeGraph(tree);
  const paths: TreePath[] = [];
  const walk = (id: string, trail: readonly string[]) => {
    const node = nodes.get(id);
    if (node?.kind === 'outcome') paths.push({ trail, outcome: node });
    for (const edge of out.get(id) ?? []) walk(edge.to, [...trail, edge.answer.slug]);
  };
  walk(tree.start, []);
  return paths;
}

/**
 * Every trail that leads to a step (question or outcome), the start's empty trail
 * first: the step URLs a tree has. Stops early, returning `undefined`, once there
 * would be more than `limit`, so a huge tree costs no more than the limit.
 */
export function allStepTrails(tree: Tree, limit = Infinity): string[][] | undefined {
  const { out } = treeGraph(tree);
  const trails: string[][] = [];
  const walk = (id: string, trail: string[]): boolean => {
    if (trails.length >= limit) return false;
    trails.push(trail);
    return (out.get(id) ?? []).every((edge) => walk(edge.to, [...trail, edge.answer.slug]));
  };
  return walk(tree.start, []) ? trails : undefined;
}

// Per tree, per node: the most questions still ahead, and the walks from there to an
// outcome. Both are the same kind of sum over the graph, kept so that each node is
// counted once however many walks pass through it.
const mostQuestionsCache = new WeakMap<Tree, Map<string, number>>();
const pathCountCache = new WeakMap<Tree, Map<string, number>>();

function fold(
  cache: WeakMap<Tree, Map<string, number>>,
  tree: Tree,
  id: string,
  combine: (ahead: number[]) => number,
): number {
  let memo = cache.get(tree);
  if (!memo) {
    memo = new Map();
    cache.set(tree, memo);
  }
  const known = memo.get(id);
  if (known !== undefined) return known;
  const edges = treeGraph(tree).out.get(id) ?? [];
  const value = combine(edges.map((edge) => fold(cache, tree, edge.to, combine)));
  memo.set(id, value);
  return value;
}

/**
 * The most questions a walk from this node can still ask, the node itself included
 * (0 at an outcome). With the questions already answered, it gives "Question N of at
 * most M".
 */
export function mostQuestionsFrom(tree: Tree, nodeId: string): number {
  return fold(mostQuestionsCache, tree, nodeId, (ahead) =>
    ahead.length === 0 ? 0 : 1 + Math.max(...ahead),
  );
}

/**
 * How many distinct walks lead from the start to an outcome, counted without listing
 * them (a tree with many branches has far more paths than nodes).
 */
export function countPaths(tree: Tree): number {
  return fold(pathCountCache, tree, tree.start, (ahead) =>
    ahead.length === 0 ? 1 : ahead.reduce((sum, count) => sum + count, 0),
  );
}
