import { expect, test } from 'vitest';
import { replayTrail, unconfirmedSteps } from './replay-trail';
import { makePrinterTree } from '../testing/printer-tree';

const tree = makePrinterTree();

test('an empty trail is the start question with nothing answered', () => {
  const replay = replayTrail(tree, []);
  expect(replay.node.id).toBe('power');
  expect(replay.steps).toEqual([]);
  expect(replay.problem).toBeUndefined();
});

test('a valid trail leads to its node and lists each answered step', () => {
  const replay = replayTrail(tree, ['power-unsure', 'no-paper']);
  expect(replay.node.id).toBe('add-paper');
  expect(replay.problem).toBeUndefined();
  expect(replay.trail).toEqual(['power-unsure', 'no-paper']);
  expect(
    replay.steps.map((step) => [step.question.id, step.answer.slug, step.trailBefore]),
  ).toEqual([
    ['power', 'power-unsure', []],
    ['paper', 'no-paper', ['power-unsure']],
  ]);
});

test('the first answer that does not fit stops the replay and is reported', () => {
  const replay = replayTrail(tree, ['on', 'jammed', 'paper']);
  expect(replay.node.id).toBe('paper');
  expect(replay.trail).toEqual(['on']);
  expect(replay.steps).toHaveLength(1);
  expect(replay.problem).toMatchObject({ reason: 'unknown-answer', index: 1, slug: 'jammed' });
});

test('an answer that belongs to another question does not fit', () => {
  const replay = replayTrail(tree, ['paper']);
  expect(replay.problem).toMatchObject({ reason: 'unknown-answer', index: 0, slug: 'paper' });
  expect(replay.node.id).toBe('power');
});

test('a trail that goes on after an outcome is reported as too long', () => {
  const replay = replayTrail(tree, ['off', 'on']);
  expect(replay.node.id).toBe('switch-on');
  expect(replay.trail).toEqual(['off']);
  expect(replay.problem).toEqual({ reason: 'past-outcome', index: 1, slug: 'on' });
});

test('unconfirmedSteps keeps only the "not sure" answers', () => {
  const sure = replayTrail(tree, ['on', 'paper']);
  const unsure = replayTrail(tree, ['power-unsure', 'paper']);
  expect(unconfirmedSteps(sure.steps)).toEqual([]);
  expect(unconfirmedSteps(unsure.steps).map((step) => step.question.id)).toEqual(['power']);
});
