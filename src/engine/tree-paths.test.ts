import { expect, test } from 'vitest';
import { makePrinterTree } from '../testing/printer-tree';
import { allStepTrails, enumeratePaths, mostQuestionsFrom } from './tree-paths';

test('enumeratePaths lists every walk to an outcome, in answer order', () => {
  expect(
    enumeratePaths(makePrinterTree()).map((path) => [path.trail.join('/'), path.outcome.id]),
  ).toEqual([
    ['on/paper', 'call-support'],
    ['on/no-paper', 'add-paper'],
    ['power-unsure/paper', 'call-support'],
    ['power-unsure/no-paper', 'add-paper'],
    ['off', 'switch-on'],
  ]);
});

test('allStepTrails lists the trail of every reachable step, start first', () => {
  expect(allStepTrails(makePrinterTree())?.map((trail) => trail.join('/'))).toEqual([
    '',
    'on',
    'on/paper',
    'on/no-paper',
    'power-unsure',
    'power-unsure/paper',
    'power-unsure/no-paper',
    'off',
  ]);
});

test('allStepTrails gives up past its limit', () => {
  expect(allStepTrails(makePrinterTree(), 8)).toHaveLength(8);
  expect(allStepTrails(makePrinterTree(), 7)).toBeUndefined();
});

test('mostQuestionsFrom counts the longest run of questions still ahead', () => {
  const tree = makePrinterTree();
  expect(mostQuestionsFrom(tree, 'power')).toBe(2);
  expect(mostQuestionsFrom(tree, 'paper')).toBe(1);
  expect(mostQuestionsFrom(tree, 'switch-on')).toBe(0);
});
