import { toJsonPath } from './json-path';
import { getNode } from './tree-lookup';
import type { Tree } from './tree-schema';

export type TreeProblem = {
  /** JSON path of the field at fault, e.g. `$.nodes[3].answers[1].next`. */
  path: string;
  message: string;
};

/**
 * Checks that need the whole tree: references, duplicates, cycles and reachability.
 * Runs on a tree whose shape the schema has already accepted. Every problem names
 * the node ids involved, so an author can find them in the file.
 */
export function checkTreeGraph(tree: Tree): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const firstIndex = new Map<string, number>();

  tree.nodes.forEach((node, index) => {
    const seen = firstIndex.get(node.id);
    if (seen === undefined) firstIndex.set(node.id, index);
    else
      problems.push({
        path: toJsonPath(['nodes', index, 'id']),
        message: `duplicate node id "${node.id}" (also used by $.nodes[${seen}])`,
      });
  });

  if (!firstIndex.has(tree.start)) {
    problems.push({
      path: toJsonPath(['start']),
      message: `start node "${tree.start}" does not exist`,
    });
  }

  tree.nodes.forEach((node, nodeIndex) => {
    if (node.kind !== 'question') return;
    const slugs = new Map<string, number>();
    node.answers.forEach((answer, answerIndex) => {
      const previous = slugs.get(answer.slug);
      if (previous === undefined) slugs.set(answer.slug, answerIndex);
      else
        problems.push({
          path: toJsonPath(['nodes', nodeIndex, 'answers', answerIndex, 'slug']),
          message: `answer slug "${answer.slug}" is used twice in question "${node.id}"`,
        });
      if (!firstIndex.has(answer.next)) {
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

  problems.push(...findCycles(tree), ...findUnreachable(tree));
  return problems;
}

function successors(tree: Tree, id: string): string[] {
  const node = getNode(tree, id);
  return node?.kind === 'question' ? node.answers.map((answer) => answer.next) : [];
}

function findCycles(tree: Tree): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();

  const visit = (id: string) => {
    state.set(id, 'open');
    stack.push(id);
    for (const next of successors(tree, id)) {
      const nextState = state.get(next);
      if (nextState === 'open') {
        const loop = [...stack.slice(stack.indexOf(next)), next];
        const key = [...loop].sort().join(' ');
        if (!reported.has(key)) {
          reported.add(key);
          const index = tree.nodes.findIndex((node) => node.id === id);
          problems.push({
            path: toJsonPath(['nodes', index]),
            message: `answers form a loop: ${loop.join(' → ')}`,
          });
        }
      } else if (nextState === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };

  visit(tree.start);
  return problems;
}

function findUnreachable(tree: Tree): TreeProblem[] {
  const reached = new Set<string>([tree.start]);
  const queue = [tree.start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const next of successors(tree, id)) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return tree.nodes.flatMap((node, index) =>
    reached.has(node.id)
      ? []
      : [
          {
            path: toJsonPath(['nodes', index]),
            message: `node "${node.id}" cannot be reached from the start node "${tree.start}"`,
          },
        ],
  );
}
