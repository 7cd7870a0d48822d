import { toJsonPath } from './json-path';
import { treeGraph } from './tree-graph';
import { findLoops, walkOrder } from './tree-walks';
import type { Tree, TreeNode } from './tree-schema';
import { checkWalkLimits } from './walk-limits';

export type TreeProblem = {
  /** JSON path of the field at fault, e.g. `$.nodes[3].answers[1].next`. */
  path: string;
  message: string;
};

/**
 * Checks that need the whole tree: references, duplicates, cycles and reachability.
 * Runs on a tree whose shape the schema has already accepted. Every problem names
 * the node ids involved, so an author can find them in the file. The graph is the
 * tree's one graph (tree-graph.ts); positions in the file are found here, for the paths.
 */
export function checkTreeGraph(tree: Tree): TreeProblem[] {
  const graph = treeGraph(tree);
  // The position in the file of the node the graph keeps for an id (the first).
  const positions = new Map<TreeNode, number>();
  tree.nodes.forEach((node, index) => positions.has(node) || positions.set(node, index));
  const indexOf = (id: string) => positions.get(graph.nodes.get(id) as TreeNode) ?? -1;
  const problems: TreeProblem[] = [];

  tree.nodes.forEach((node, index) => {
    if (graph.nodes.get(node.id) === node) return;
    problems.push({
      path: toJsonPath(['nodes', index, 'id']),
      message: `duplicate node id "${node.id}" (also used by $.nodes[${indexOf(node.id)}])`,
    });
  });

  if (!graph.nodes.has(tree.start)) {
    problems.push({
      path: toJsonPath(['start']),
      message: `start node "${tree.start}" does not exist`,
    });
  }

  tree.nodes.forEach((node, nodeIndex) => {
    if (node.kind !== 'question') return;
    const slugs = new Set<string>();
    node.answers.forEach((answer, answerIndex) => {
      if (slugs.has(answer.slug))
        problems.push({
          path: toJsonPath(['nodes', nodeIndex, 'answers', answerIndex, 'slug']),
          message: `answer slug "${answer.slug}" is used twice in question "${node.id}"`,
        });
      slugs.add(answer.slug);
      if (!graph.nodes.has(answer.next)) {
        problems.push({
          path: toJsonPath(['nodes', nodeIndex, 'answers', answerIndex, 'next']),
          message: `answer "${answer.slug}" of question "${node.id}" points to missing node "${answer.next}"`,
        });
      }
      if (answer.unsure && !node.help) {
        problems.push({
          path: toJsonPath(['nodes', nodeIndex, 'help']),
          message: `question "${node.id}" has a "not sure" answer ("${answer.slug}") but no help on how to check`,
        });
      }
    });
  });

  // Only walk the graph when references resolve; otherwise the walk reports noise.
  if (problems.length > 0) return problems;

  for (const loop of findLoops(tree)) {
    // Reported at the question whose answer closes the loop.
    problems.push({
      path: toJsonPath(['nodes', indexOf(loop.at(-2) ?? tree.start)]),
      message: `answers form a loop: ${loop.join(' → ')}`,
    });
  }
  // Limits on walks (depth, bytes, address) need a walk that ends: only without loops.
  if (problems.length === 0) problems.push(...checkWalkLimits(tree, indexOf));
  // The reachable set alone: each node's first trail (firstTrails) would cost a walk's length
  // per node, far more than the check needs on a long line.
  const reached = new Set(walkOrder(tree));
  tree.nodes.forEach((node, index) => {
    if (reached.has(node.id)) return;
    problems.push({
      path: toJsonPath(['nodes', index]),
      message: `node "${node.id}" cannot be reached from the start node "${tree.start}"`,
    });
  });
  return problems;
}
