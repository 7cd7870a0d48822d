import { expect, test } from 'vitest';
import { migrateTrail } from './migrate-trail';
import { makePrinterTree } from '../testing/printer-tree';
import type { Tree } from './tree-schema';

const v1 = makePrinterTree();

/** Version 2 of the test tree, edited the way authors do. */
function v2(edit: (tree: Tree) => void): Tree {
  const tree = structuredClone(v1);
  tree.version = 2;
  edit(tree);
  return tree;
}

test('an unchanged tree keeps every answer and says nothing', () => {
  expect(
    migrateTrail(
      v1,
      v2(() => {}),
      ['on', 'no-paper'],
    ),
  ).toEqual({
    trail: ['on', 'no-paper'],
    notices: [],
  });
});

test('a removed answer stops the walk there, and says which answer is gone', () => {
  const current = v2((tree) => {
    const power = tree.nodes[0];
    if (power?.kind === 'question')
      power.answers = power.answers.filter((a) => a.slug !== 'power-unsure');
  });
  expect(migrateTrail(v1, current, ['power-unsure', 'paper'])).toEqual({
    trail: [],
    notices: [
      { kind: 'answer-removed', question: 'Is the printer switched on?', answer: 'Not sure' },
      { kind: 'not-asked', question: 'Is there paper in the tray?', answer: 'Yes' },
    ],
  });
});

test('a removed question is skipped, the answers after it are kept and have moved up', () => {
  const current = v2((tree) => {
    tree.start = 'paper';
    tree.nodes = tree.nodes.filter((node) => node.id !== 'power' && node.id !== 'switch-on');
  });
  expect(migrateTrail(v1, current, ['on', 'no-paper'])).toEqual({
    trail: ['no-paper'],
    notices: [
      {
        kind: 'order-changed',
        question: 'Is there paper in the tray?',
        answer: 'No',
        from: 2,
        to: 1,
      },
      { kind: 'question-removed', question: 'Is the printer switched on?', answer: 'Yes' },
    ],
  });
});

test('questions asked in another order keep their answers and say they moved', () => {
  // Version 2 asks about paper first, then power.
  const current = v2((tree) => {
    tree.start = 'paper';
    const [power, paper] = tree.nodes;
    if (power?.kind !== 'question' || paper?.kind !== 'question') throw new Error('fixture');
    paper.answers = [
      { slug: 'paper', label: 'Yes', next: 'power' },
      { slug: 'no-paper', label: 'No', next: 'add-paper' },
    ];
    power.answers = power.answers.map((answer) =>
      answer.slug === 'off' ? answer : { ...answer, next: 'call-support' },
    );
  });
  expect(migrateTrail(v1, current, ['on', 'paper'])).toEqual({
    trail: ['paper', 'on'],
    notices: [
      {
        kind: 'order-changed',
        question: 'Is there paper in the tray?',
        answer: 'Yes',
        from: 2,
        to: 1,
      },
      {
        kind: 'order-changed',
        question: 'Is the printer switched on?',
        answer: 'Yes',
        from: 1,
        to: 2,
      },
    ],
  });
});

test('a new question stops the walk there, to be answered', () => {
  const current = v2((tree) => {
    tree.nodes.push({
      kind: 'question',
      id: 'cable',
      prompt: 'Is the cable plugged in?',
      answers: [
        { slug: 'cable', label: 'Yes', next: 'paper' },
        { slug: 'no-cable', label: 'No', next: 'switch-on' },
      ],
    });
    const power = tree.nodes[0];
    if (power?.kind === 'question') power.answers[0]!.next = 'cable';
  });
  expect(migrateTrail(v1, current, ['on', 'paper'])).toEqual({
    trail: ['on'],
    notices: [{ kind: 'not-asked', question: 'Is there paper in the tray?', answer: 'Yes' }],
  });
});
