import { treeGraph, type TreeEdge } from './tree-graph';
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
  // Its own stack, last answer pushed first so that walks come out in answer order.
  const stack: [string, readonly string[]][] = [[tree.start, []]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [id, trail] = top;
    const node = nodes.get(id);
    if (node?.kind === 'outcome') paths.push({ trail, outcome: node });
    const edges = out.get(id) ?? [];
    for (let index = edges.length - 1; index >= 0; index -= 1) {
      const edge = edges[index] as TreeEdge;
      stack.push([edge.to, [...trail, edge.answer.slug]]);
    }
  }
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
  const stack: [string, string[]][] = [[tree.start, []]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    if (trails.length >= limit) return undefined;
    const [id, trail] = top;
    trails.push(trail);
    const edges = out.get(id) ?? [];
    for (let index = edges.length - 1; index >= 0; index -= 1) {
      const edge = edges[index] as TreeEdge;
      stack.push([edge.to, [...trail, edge.answer.slug]]);
    }
  }
  return trails;
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
  const { out } = treeGraph(tree);
  // Depth first with its own stack (a long line of questions would overflow the call
  // stack): a node is counted once every node after it is. `opened` guards against a loop,
  // which a valid tree has not: an answer back into the open walk counts as nothing ahead.
  const opened = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as string;
    if (memo.has(top)) {
      stack.pop();
      continue;
    }
    const edges = out.get(top) ?? [];
    const pending = opened.has(top) ? [] : edges.filter((edge) => !memo.has(edge.to));
    opened.add(top);
    if (pending.length > 0) {
      for (const edge of pending) stack.push(edge.to);
      continue;
    }
    stack.pop();
    memo.set(top, combine(edges.map((edge) => memo.get(edge.to) ?? 0)));
  }
  return memo.get(id) ?? 0;
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
