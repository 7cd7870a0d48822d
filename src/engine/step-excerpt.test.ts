import { expect, test } from 'vitest';
import { makePrinterTree } from '../testing/printer-tree';
import { changeAnswer } from './change-answer';
import { cutStepExcerpt, excerptServes } from './step-excerpt';
import { replayTrail } from './replay-trail';

const ids = (trail: string[]) =>
  cutStepExcerpt(makePrinterTree(), trail)
    .tree.nodes.map((node) => node.id)
    .sort();

test('the first question carries only itself, and how long the walk can be', () => {
  const excerpt = cutStepExcerpt(makePrinterTree(), []);
  expect(excerpt.tree.nodes.map((node) => node.id)).toEqual(['power']);
  expect(excerpt.questionsAtMost).toBe(2);
  expect(excerpt.tree).not.toHaveProperty('$schema');
});

test('a later step carries the questions answered and where the walk ends, nothing else', () => {
  expect(ids(['on'])).toEqual(['paper', 'power']);
  expect(ids(['off'])).toEqual(['power', 'switch-on']);
  expect(ids(['on', 'no-paper'])).toEqual(['add-paper', 'paper', 'power']);
  expect(cutStepExcerpt(makePrinterTree(), ['on']).questionsAtMost).toBe(2);
  // An outcome has no "of at most".
  expect(cutStepExcerpt(makePrinterTree(), ['off'])).not.toHaveProperty('questionsAtMost');
});

test('the excerpt replays its trail and every change of an answer on it as the tree does', () => {
  const tree = makePrinterTree();
  const trail = ['power-unsure', 'no-paper'];
  const { tree: excerpt } = cutStepExcerpt(tree, trail);
  expect(replayTrail(excerpt, trail).node.id).toBe(replayTrail(tree, trail).node.id);
  for (const [index, slug] of [
    [0, 'on'],
    [0, 'off'],
    [1, 'paper'],
  ] as const) {
    expect(changeAnswer(excerpt, trail, index, slug)).toEqual(
      changeAnswer(tree, trail, index, slug),
    );
  }
});

test('no excerpt is cut for a trail that does not fit the tree', () => {
  expect(() => cutStepExcerpt(makePrinterTree(), ['on', 'jammed'])).toThrow(/no step/);
});

test('an excerpt stands for the tree only when read as it was cut', () => {
  const excerpt = cutStepExcerpt(makePrinterTree(), ['on']);
  expect(excerptServes(excerpt, undefined, undefined)).toBe(true);
  expect(excerptServes(excerpt, excerpt.tree.version, undefined)).toBe(true);
  expect(excerptServes(excerpt, excerpt.tree.version + 1, undefined)).toBe(false);
  expect(excerptServes(excerpt, undefined, ['on', 'paper'])).toBe(false);
});
