import fc from 'fast-check';
import { expect, test } from 'vitest';
import { makePrinterTree } from '../../testing/printer-tree';
import { shippedTrees } from '../../testing/shipped-trees';
import { validateTree } from '../../engine/validate-tree';
import type { Tree } from '../../engine/tree-schema';
import { layoutProblems, segmentCrossesRect } from './layout-checks';
import { textWidth, wrapParts, wrapText } from './text-width';
import { LABEL_TEXT, NODE_TEXT, layoutTree, type TreeLayout } from './tree-layout';

test('text is measured from the width table: wider letters take more room', () => {
  expect(textWidth('', 13)).toBe(0);
  expect(textWidth('iiii', 10)).toBeLessThan(textWidth('MMMM', 10));
  // Twice the size, twice the width; a character outside the table counts as a full em.
  expect(textWidth('Server', 26)).toBeCloseTo(2 * textWidth('Server', 13));
  expect(textWidth('漢', 12)).toBe(12);
});

test('wrapText breaks at spaces by measured width, and keeps a word too long for a line whole', () => {
  const lines = wrapText('Is the client managed by Systems Management Server 1.2?', 120, 13);
  expect(lines.join(' ')).toBe('Is the client managed by Systems Management Server 1.2?');
  for (const line of lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(120);
  expect(lines.length).toBeGreaterThan(2);
  // A line of narrow letters holds more characters than one of wide letters.
  expect(wrapText('ii ii ii ii ii ii ii ii', 40, 13).length).toBeLessThan(
    wrapText('WW WW WW WW WW WW WW WW', 40, 13).length,
  );
  expect(wrapText('see C:\\WINNT\\System32\\Pcmsvc32.exe', 60, 13)).toEqual([
    'see',
    'C:\\WINNT\\System32\\Pcmsvc32.exe',
  ]);
});

test('wrapParts keeps each answer whole and starts a line with the separator when it must', () => {
  expect(wrapParts(['No, not yet', 'Not sure'], '/', 200, 12)).toEqual(['No, not yet / Not sure']);
  expect(wrapParts(['Yes, SMS 1.2', 'Not sure'], '/', 100, 12)).toEqual([
    'Yes, SMS 1.2',
    '/ Not sure',
  ]);
});

test('segmentCrossesRect tells a line through a box from one beside it or ending on its edge', () => {
  const box = { x: 10, y: 10, width: 20, height: 10 };
  expect(segmentCrossesRect({ x: 0, y: 15 }, { x: 40, y: 15 }, box)).toBe(true);
  expect(segmentCrossesRect({ x: 0, y: 0 }, { x: 40, y: 30 }, box)).toBe(true);
  expect(segmentCrossesRect({ x: 0, y: 25 }, { x: 40, y: 25 }, box)).toBe(false);
  expect(segmentCrossesRect({ x: 20, y: 0 }, { x: 20, y: 10 }, box)).toBe(false);
  expect(segmentCrossesRect({ x: 20, y: 0 }, { x: 20, y: 12 }, box)).toBe(true);
});

test('layoutProblems finds overlapping labels, a line through a box and text outside its box', () => {
  const map = layoutTree(shippedTrees()[0]!);
  const [first, second] = map.edges;
  const broken: TreeLayout = {
    ...map,
    nodes: map.nodes.map((node, index) =>
      index === 0 ? { ...node, box: { ...node.box, width: 20 } } : node,
    ),
    edges: [
      { ...first!, label: { ...second!.label } },
      {
        ...second!,
        segments: [
          [
            { x: 0, y: 0 },
            { x: map.width, y: map.height },
          ],
        ],
      },
      ...map.edges.slice(2),
    ],
  };
  const problems = layoutProblems(broken);
  expect(problems).toContain(
    `label ${first!.from}>${first!.to} overlaps label ${second!.from}>${second!.to}`,
  );
  expect(problems.some((problem) => problem.startsWith(`the line ${second!.from}>`))).toBe(true);
  expect(
    problems.some((problem) => problem.endsWith(`is wider than box ${map.nodes[0]!.id}`)),
  ).toBe(true);
});

test('the shipped trees and the fixture lay out with no overlaps and every line inside its box', () => {
  for (const tree of [...shippedTrees(), makePrinterTree()]) {
    const map = layoutTree(tree);
    expect(layoutProblems(map), tree.id).toEqual([]);
    expect(map.nodes).toHaveLength(tree.nodes.length);
  }
});

test('every box is as wide as its widest line needs, no wider than the line width allows', () => {
  const map = layoutTree(shippedTrees()[0]!);
  for (const node of map.nodes) {
    const widest = Math.max(...node.lines.map((line) => textWidth(line, NODE_TEXT.fontSize)));
    expect(node.box.width).toBe(Math.ceil(widest + 2 * NODE_TEXT.paddingX));
    expect(node.box.width).toBeLessThanOrEqual(NODE_TEXT.maxWidth + 2 * NODE_TEXT.paddingX + 1);
  }
  for (const edge of map.edges) {
    expect(edge.label.width).toBeLessThanOrEqual(LABEL_TEXT.maxWidth + 2 * LABEL_TEXT.paddingX + 1);
  }
});

test('layoutTree places every node and joins answers that lead to the same node', () => {
  const map = layoutTree(makePrinterTree());
  expect(map.nodes.map((node) => node.id).sort()).toEqual(
    ['add-paper', 'call-support', 'paper', 'power', 'switch-on'].sort(),
  );
  expect(map.edges.map((edge) => [edge.from, edge.to, edge.lines.join(' ')])).toEqual(
    expect.arrayContaining([
      ['power', 'paper', 'Yes / Not sure'],
      ['power', 'switch-on', 'No'],
      ['paper', 'add-paper', 'No'],
    ]),
  );
  expect(map.edges.find((edge) => edge.to === 'paper')?.answers).toEqual(['on', 'power-unsure']);
  expect(map.edges).toHaveLength(4);
  const power = map.nodes.find((node) => node.id === 'power')!;
  const paper = map.nodes.find((node) => node.id === 'paper')!;
  expect(paper.box.y).toBeGreaterThan(power.box.y + power.box.height); // top to bottom
  // Every arrow starts on its question's box and ends on its target's top edge.
  for (const edge of map.edges) {
    const from = map.nodes.find((node) => node.id === edge.from)!.box;
    const to = map.nodes.find((node) => node.id === edge.to)!.box;
    const start = edge.segments[0]![0]!;
    const end = edge.segments.at(-1)!.at(-1)!;
    expect(start.y).toBe(from.y + from.height);
    expect(end).toEqual({ x: to.x + to.width / 2, y: to.y });
  }
});

/**
 * Trees with up to 24 nodes, words of any length and labels of one to three answers, some
 * joining later branches (answers that skip ranks): the layout must never collide.
 */
function generatedTrees(): fc.Arbitrary<Tree> {
  // At most 8 words of 14 letters: 119 characters, within the rulebook's shortest text limit
  // (an outcome's title, 120), so every generated tree is one the validator accepts.
  const words = fc.array(fc.stringMatching(/^[A-Za-z0-9().:\\-]{1,14}$/), {
    minLength: 1,
    maxLength: 8,
  });
  return fc.integer({ min: 2, max: 24 }).chain((size) =>
    fc
      .array(
        fc.record({
          question: fc.boolean(),
          text: words,
          answers: fc.array(fc.record({ skip: fc.nat({ max: size }), label: words }), {
            minLength: 2,
            maxLength: 4,
          }),
        }),
        { minLength: size, maxLength: size },
      )
      .map((specs) => {
        const nodes = specs.map(({ question, text, answers }, index) => {
          const later = size - 1 - index;
          if (!question || later === 0) {
            return {
              kind: 'outcome',
              id: `n${index}`,
              type: 'diagnosis',
              title: text.join(' '),
              summary: 'S',
            };
          }
          return {
            kind: 'question',
            id: `n${index}`,
            prompt: text.join(' '),
            answers: answers.map(({ skip, label }, position) => ({
              slug: `a${position}`,
              label: label.join(' '),
              // The first answer goes to the next node, so every node is reached.
              next: `n${index + 1 + (position === 0 ? 0 : skip % later)}`,
            })),
          };
        });
        // Only what the start reaches: an outcome early on cuts off the nodes after it.
        const reached = new Set(['n0']);
        for (const node of nodes) {
          if (reached.has(node.id) && node.kind === 'question') {
            for (const answer of node.answers ?? []) reached.add(answer.next);
          }
        }
        const result = validateTree({
          id: 'generated',
          version: 1,
          title: 'T',
          description: 'D',
          start: 'n0',
          nodes: nodes.filter((node) => reached.has(node.id)),
        });
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        return result.value;
      }),
  );
}

test('generated trees lay out with no overlaps and every line inside its box', () => {
  fc.assert(
    fc.property(generatedTrees(), (tree) => {
      expect(layoutProblems(layoutTree(tree))).toEqual([]);
    }),
    { numRuns: 200 },
  );
}, 60_000);
