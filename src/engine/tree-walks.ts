import { treeGraph } from './tree-graph';
import type { Tree } from './tree-schema';

// Walks over the tree's one graph that only validation and the map need. They live apart
// from tree-graph.ts so that the first-paint chunk, which needs the graph to replay a
// trail, does not carry them (vite.config.ts loads this module on demand).

const firstTrailsCache = new WeakMap<Tree, ReadonlyMap<string, readonly string[]>>();

/**
 * The first trail to every node reachable from the start, breadth first with answers in
 * file order, so each is a shortest walk there. Its keys are the reachable set: the
 * unreachable-node check and the map's links to each node read the same walk. Answers to
 * missing nodes are followed no further.
 */
export function firstTrails(tree: Tree): ReadonlyMap<string, readonly string[]> {
  const known = firstTrailsCache.get(tree);
  if (known) return known;
  const graph = treeGraph(tree);
  const trails = new Map<string, readonly string[]>();
  if (graph.nodes.has(tree.start)) trails.set(tree.start, []);
  const queue = [...trails.keys()];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const trail = trails.get(id) ?? [];
    for (const edge of graph.out.get(id) ?? []) {
      if (trails.has(edge.to) || !graph.nodes.has(edge.to)) continue;
      trails.set(edge.to, [...trail, edge.answer.slug]);
      queue.push(edge.to);
    }
  }
  firstTrailsCache.set(tree, trails);
  return trails;
}

/**
 * The loops a walk from the start can run into, each once: the ids around it, the first
 * repeated at the end (`power → paper → power`). Depth first; a loop is reported at the
 * answer that closes it, so its last two ids are that answer's question and target.
 */
export function findLoops(tree: Tree): string[][] {
  const graph = treeGraph(tree);
  const loops: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();

  const visit = (id: string) => {
    state.set(id, 'open');
    stack.push(id);
    for (const { to } of graph.out.get(id) ?? []) {
      const seen = state.get(to);
      if (seen === 'open') {
        const loop = [...stack.slice(stack.indexOf(to)), to];
        // The same loop entered at another node is the same mistake for the author.
        const key = [...new Set(loop)].sort().join(' ');
        if (!reported.has(key)) {
          reported.add(key);
          loops.push(loop);
        }
      } else if (seen === undefined && graph.nodes.has(to)) {
        visit(to);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };

  if (graph.nodes.has(tree.start)) visit(tree.start);
  return loops;
}
