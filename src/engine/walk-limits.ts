import type { TreeProblem } from './graph-checks';
import { toJsonPath } from './json-path';
import { treeGraph } from './tree-graph';
import { formatCount, TREE_LIMITS, utf8Length } from './tree-limits';
import type { Tree, TreeNode } from './tree-schema';
import { walkOrder } from './tree-walks';

/**
 * A node's bytes as written in the file, kept per node: a node is a value, never changed in
 * place (tree-edits.ts makes a new one), and an outcome many answers lead to, or a node the
 * editor's last edit did not touch, is then measured once.
 */
const bytesOf = new WeakMap<TreeNode, number>();
function nodeBytes(node: TreeNode): number {
  let bytes = bytesOf.get(node);
  if (bytes === undefined) {
    bytes = utf8Length(JSON.stringify(node));
    bytesOf.set(node, bytes);
  }
  return bytes;
}

/** What a walk from the start to a node adds up to, along its largest walk by each measure. */
type WalkMeasures = { questions: number; bytes: number; address: number };

const MEASURES: {
  key: keyof WalkMeasures;
  limit: number;
  message: (value: number) => string;
}[] = [
  {
    key: 'questions',
    limit: TREE_LIMITS.walkQuestions,
    message: (value) =>
      `a walk reaches this node after ${formatCount(value)} questions; a walk may ask at most ${TREE_LIMITS.walkQuestions}`,
  },
  {
    key: 'bytes',
    limit: TREE_LIMITS.walkBytes,
    message: (value) =>
      `the nodes of a walk from the start to here are ${formatCount(value)} bytes; a walk's page carries them, so they may have at most ${formatCount(TREE_LIMITS.walkBytes)} (shorten the texts on this walk or the walk)`,
  },
  {
    key: 'address',
    limit: TREE_LIMITS.stepAddress,
    message: (value) =>
      `the address of this step on a walk from the start is ${formatCount(value)} characters; at most ${formatCount(TREE_LIMITS.stepAddress)} (shorter answer slugs or a shorter walk)`,
  },
];

/**
 * The limits on a walk (docs/authoring.md): the questions it asks, the bytes of its nodes
 * (what its deepest page carries) and the length of its address. For a tree whose links
 * hold and that has no loop. Each limit is reported once, at the first node (in walk order)
 * that a walk reaches beyond it. Counted forwards over the graph in one pass, each node once,
 * however many walks pass through it; no recursion.
 */
export function checkWalkLimits(tree: Tree, indexOf: (id: string) => number): TreeProblem[] {
  const { nodes, out } = treeGraph(tree);
  const order = walkOrder(tree);
  const largest = new Map<string, WalkMeasures>();
  const own = (id: string) => {
    const node = nodes.get(id);
    return {
      questions: node?.kind === 'question' ? 1 : 0,
      bytes: node ? nodeBytes(node) : 0,
    };
  };
  const start = own(tree.start);
  largest.set(tree.start, {
    ...start,
    address: `/${tree.id}?v=${tree.version}`.length,
  });
  for (const id of order) {
    const here = largest.get(id);
    if (!here) continue;
    for (const edge of out.get(id) ?? []) {
      const next = own(edge.to);
      const reached = {
        questions: here.questions + next.questions,
        bytes: here.bytes + next.bytes,
        address: here.address + 1 + edge.answer.slug.length,
      };
      const known = largest.get(edge.to);
      largest.set(
        edge.to,
        known
          ? {
              questions: Math.max(known.questions, reached.questions),
              bytes: Math.max(known.bytes, reached.bytes),
              address: Math.max(known.address, reached.address),
            }
          : reached,
      );
    }
  }
  return MEASURES.flatMap(({ key, limit, message }) => {
    const first = order.find((id) => (largest.get(id)?.[key] ?? 0) > limit);
    if (first === undefined) return [];
    return [
      {
        path: toJsonPath(['nodes', indexOf(first)]),
        message: message(largest.get(first)?.[key] ?? 0),
      },
    ];
  });
}
