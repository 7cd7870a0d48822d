import { expect, test } from 'vitest';
import { makePrinterTree } from '../testing/printer-tree';
import { treeGraph } from './tree-graph';
import { findLoops, firstTrails } from './tree-walks';
import type { Tree } from './tree-schema';

/** The printer tree with edits no validator would let through, to see the raw graph. */
function editedTree(edit: (tree: Tree) => void): Tree {
  const tree = structuredClone(makePrinterTree());
  edit(tree);
  return tree;
}

test('the graph is built once per tree', () => {
  const tree = makePrinterTree();
  expect(treeGraph(tree)).toBe(treeGraph(tree));
  expect(treeGraph(structuredClone(tree))).not.toBe(treeGraph(tree));
});

test('each node has its answers as edges, in file order; outcomes have none', () => {
  const graph = treeGraph(makePrinterTree());
  expect(graph.out.get('power')?.map((edge) => [edge.answer.slug, edge.to])).toEqual([
    ['on', 'paper'],
    ['power-unsure', 'paper'],
    ['off', 'switch-on'],
  ]);
  expect(graph.out.get('switch-on')).toEqual([]);
  expect([...graph.nodes.keys()]).toEqual([
    'power',
    'paper',
    'switch-on',
    'add-paper',
    'call-support',
  ]);
});

test('a repeated id keeps the first node with that id', () => {
  const tree = editedTree((tree) => {
    tree.nodes[3]!.id = 'switch-on';
  });
  expect(treeGraph(tree).nodes.get('switch-on')).toBe(tree.nodes[2]);
});

test('firstTrails gives each reachable node its first, shortest walk', () => {
  expect(Object.fromEntries(firstTrails(makePrinterTree()))).toEqual({
    power: [],
    paper: ['on'],
    'switch-on': ['off'],
    'call-support': ['on', 'paper'],
    'add-paper': ['on', 'no-paper'],
  });
});

test('firstTrails leaves out what no walk reaches, and answers to missing nodes', () => {
  const trails = firstTrails(
    editedTree((tree) => {
      const paper = tree.nodes[1]!;
      if (paper.kind === 'question') paper.answers[1]!.next = 'nowhere';
    }),
  );
  expect([...trails.keys()].sort()).toEqual(['call-support', 'paper', 'power', 'switch-on']);
});

test('findLoops names each loop once, closed at the answer that closes it', () => {
  const tree = editedTree((tree) => {
    const paper = tree.nodes[1]!;
    // Two answers back to the start: one loop for the author, not two.
    if (paper.kind === 'question') {
      paper.answers[0]!.next = 'power';
      paper.answers[1]!.next = 'power';
    }
  });
  expect(findLoops(tree)).toEqual([['power', 'paper', 'power']]);
  expect(findLoops(makePrinterTree())).toEqual([]);
});
