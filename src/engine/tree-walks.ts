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
  // An index, not shift(): shift moves every entry left, which is quadratic in the nodes.
  for (let next = 0; next < queue.length; next += 1) {
    const id = queue[next] ?? '';
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
 * answer that closes it, so its last two ids are that answer's question and target. The
 * walk keeps its own stack (each open node with the next answer to follow): a recursive one
 * would overflow on a long line of questions, and this runs before any limit is checked.
 */
export function findLoops(tree: Tree): string[][] {
  const graph = treeGraph(tree);
  const loops: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: { id: string; next: number }[] = [];
  const reported = new Set<string>();
  const open = (id: string) => {
    state.set(id, 'open');
    stack.push({ id, next: 0 });
  };

  if (graph.nodes.has(tree.start)) open(tree.start);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { id: string; next: number };
    const edge = graph.out.get(top.id)?.[top.next];
    if (!edge) {
      stack.pop();
      state.set(top.id, 'done');
      continue;
    }
    top.next += 1;
    const seen = state.get(edge.to);
    if (seen === 'open') {
      const ids = stack.map((entry) => entry.id);
      const loop = [...ids.slice(ids.indexOf(edge.to)), edge.to];
      // The same loop entered at another node is the same mistake for the author.
      const key = [...new Set(loop)].sort().join(' ');
      if (!reported.has(key)) {
        reported.add(key);
        loops.push(loop);
      }
    } else if (seen === undefined && graph.nodes.has(edge.to)) {
      open(edge.to);
    }
  }
  return loops;
}

/**
 * The nodes a walk from the start reaches, each once; for a tree without loops, each after
 * every node that leads to it (a topological order). Iterative depth first: each node is listed
 * once all it leads to is listed, and the list is then read backwards.
 */
export function walkOrder(tree: Tree): string[] {
  const graph = treeGraph(tree);
  const finished: string[] = [];
  const seen = new Set<string>();
  const stack: { id: string; next: number }[] = [];
  if (graph.nodes.has(tree.start)) {
    seen.add(tree.start);
    stack.push({ id: tree.start, next: 0 });
  }
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { id: string; next: number };
    const edge = graph.out.get(top.id)?.[top.next];
    if (!edge) {
      stack.pop();
      finished.push(top.id);
      continue;
    }
    top.next += 1;
    if (!seen.has(edge.to) && graph.nodes.has(edge.to)) {
      seen.add(edge.to);
      stack.push({ id: edge.to, next: 0 });
    }
  }
  return finished.reverse();
}
