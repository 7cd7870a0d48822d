import { expect, test } from 'vitest';
import { makePrinterTree } from '../../testing/printer-tree';
import { layoutTree, wrapText } from './tree-layout';

test('wrapText breaks at spaces within the width', () => {
  expect(wrapText('Is the client managed by Systems Management Server 1.2?', 20)).toEqual([
    'Is the client',
    'managed by Systems',
    'Management Server',
    '1.2?',
  ]);
});

test('layoutTree places every node and joins answers that lead to the same node', () => {
  const map = layoutTree(makePrinterTree());
  expect(map.nodes.map((node) => node.id).sort()).toEqual(
    ['add-paper', 'call-support', 'paper', 'power', 'switch-on'].sort(),
  );
  expect(map.edges.map((edge) => [edge.from, edge.to, edge.label])).toEqual(
    expect.arrayContaining([
      ['power', 'paper', 'Yes / Not sure'],
      ['power', 'switch-on', 'No'],
      ['paper', 'add-paper', 'No'],
    ]),
  );
  expect(map.edges).toHaveLength(4);
  const power = map.nodes.find((node) => node.id === 'power')!;
  const paper = map.nodes.find((node) => node.id === 'paper')!;
  expect(paper.y).toBeGreaterThan(power.y); // top to bottom
  expect(map.width).toBeGreaterThan(0);
});
