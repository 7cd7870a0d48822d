import { getNode } from './tree-lookup';
import type { OutcomeNode, Tree } from './tree-schema';

export type TreePath = { trail: readonly string[]; outcome: OutcomeNode };

/**
 * Every distinct walk from the start to an outcome, in answer order. Tests use it
 * to walk every path of a shipped tree; the tree must be valid (acyclic).
 */
export function enumeratePaths(tree: Tree): TreePath[] {
  const paths: TreePath[] = [];
  const walk = (id: string, trail: readonly string[]) => {
    const node = getNode(tree, id);
    if (!node) return;
    if (node.kind === 'outcome') {
      paths.push({ trail, outcome: node });
      return;
    }
    for (const answer of node.answers) walk(answer.next, [...trail, answer.slug]);
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
  const trails: string[][] = [];
  const walk = (id: string, trail: string[]): boolean => {
    if (trails.length >= limit) return false;
    trails.push(trail);
    const node = getNode(tree, id);
    if (node?.kind !== 'question') return true;
    return node.answers.every((answer) => walk(answer.next, [...trail, answer.slug]));
  };
  return walk(tree.start, []) ? trails : undefined;
}

// Per tree: the most questions any walk from a node can still ask (itself included).
const remainingCache = new WeakMap<Tree, Map<string, number>>();

/**
 * The most questions a walk from this node can still ask, the node itself included
 * (0 at an outcome). With the questions already answered, it gives "Question N of at
 * most M". Memoised per tree; the tree must be valid (acyclic).
 */
export function mostQuestionsFrom(tree: Tree, nodeId: string): number {
  let memo = remainingCache.get(tree);
  if (!memo) {
    memo = new Map();
    remainingCache.set(tree, memo);
  }
  const known = memo.get(nodeId);
  if (known !== undefined) return known;
  const node = getNode(tree, nodeId);
  const most =
    node?.kind === 'question'
      ? 1 + Math.max(...node.answers.map((answer) => mostQuestionsFrom(tree, answer.next)))
      : 0;
  memo.set(nodeId, most);
  return most;
}

/**
 * How many distinct walks lead from the start to an outcome, counted without listing
 * them (a tree with many branches has far more paths than nodes).
 */
export function countPaths(tree: Tree): number {
  const memo = new Map<string, number>();
  const count = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const node = getNode(tree, id);
    const total =
      node?.kind === 'question'
        ? node.answers.reduce((sum, answer) => sum + count(answer.next), 0)
        : 1;
    memo.set(id, total);
    return total;
  };
  return count(tree.start);
}
