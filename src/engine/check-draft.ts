import { checkTreeGraph, type TreeProblem } from './graph-checks';
import { treeGraph } from './tree-graph';
import { findLoops } from './tree-walks';
import type { Tree } from './tree-schema';
import { checkTreeFile } from './validate-tree';

export type DraftCheck = {
  /** Everything the build and check:trees would say about this tree as `<id>.json`. */
  problems: TreeProblem[];
  /**
   * Whether its answers' links hold (every `next` and the start exist, no loop): only then
   * can it be walked, so previewed and compared with the deployed version.
   */
  walkable: boolean;
};

/**
 * Checks a draft in the editor on every change. A draft always has a tree's shape (the
 * editor builds it) but may break its rules; the validator alone stops at the first kind
 * of problem (shape before graph), so the graph checks are run as well, to show a broken
 * link while a prompt is still empty. A graph problem at a field the schema already named
 * is left out: one message a field.
 */
export function checkDraft(tree: Tree): DraftCheck {
  const file = checkTreeFile(`${tree.id}.json`, tree);
  if (file.ok) return { problems: [], walkable: true };
  // Once the shape passed, the file's problems include the graph's: checked once, not twice
  // (it walks every answer of a tree of up to 1,500 nodes).
  const graph = file.shaped ? [] : checkTreeGraph(tree);
  const named = new Set(file.problems.map((problem) => problem.path));
  const problems = [
    ...file.problems,
    ...graph.filter(
      (problem) =>
        !named.has(problem.path) &&
        !file.problems.some((known) => known.message === problem.message),
    ),
  ];
  return { problems, walkable: walkable(tree, problems) };
}

/**
 * Whether every walk from the start can be followed to an outcome: the start and every
 * answer's target exist, ids are unique, no loop, and every slug can be in a URL. A node no
 * walk reaches does not stop the others.
 */
function walkable(tree: Tree, problems: readonly TreeProblem[]): boolean {
  const { nodes } = treeGraph(tree);
  if (nodes.size !== tree.nodes.length || !nodes.has(tree.start)) return false;
  const linksHold = tree.nodes.every(
    (node) => node.kind === 'outcome' || node.answers.every((answer) => nodes.has(answer.next)),
  );
  if (!linksHold || findLoops(tree).length > 0) return false;
  return !problems.some((problem) => /\.slug$/.test(problem.path));
}

/** Where in the editor a problem's JSON path points: the node it is in, if any. */
export function problemNodeIndex(path: string): number | undefined {
  const match = /^\$\.nodes\[(\d+)\]/.exec(path);
  return match ? Number(match[1]) : undefined;
}
