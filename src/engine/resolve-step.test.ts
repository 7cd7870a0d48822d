import { expect, test } from 'vitest';
import { resolveStep } from './resolve-step';
import { shippedTrees } from '../testing/shipped-trees';

const tree = shippedTrees().find((candidate) => candidate.id === 'q164887')!;
const first = tree.nodes.find((node) => node.id === tree.start);
const firstSlug = first?.kind === 'question' ? first.answers[0]!.slug : '';

test('the start of a tree is its first question', () => {
  const step = resolveStep(tree, []);
  expect(step.kind).toBe('question');
  expect(step.kind === 'question' && step.question.id).toBe(tree.start);
});

test('an answer that does not exist is a broken trail that keeps what fits', () => {
  const step = resolveStep(tree, [firstSlug, 'bogus']);
  expect(step.kind).toBe('broken-trail');
  expect(step.kind === 'broken-trail' && step.replay.trail).toEqual([firstSlug]);
});

test('a link made with another version is explained, but only once it has answers', () => {
  expect(resolveStep(tree, [firstSlug], tree.version + 1).kind).toBe('version-changed');
  expect(resolveStep(tree, [], tree.version + 1).kind).toBe('question');
  expect(resolveStep(tree, [firstSlug], tree.version).kind).not.toBe('version-changed');
});
