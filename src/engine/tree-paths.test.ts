import { expect, test } from 'vitest';
import { makePrinterTree } from './test-trees';
import { enumeratePaths, longestTrail } from './tree-paths';

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

test('longestTrail is the most answers any walk takes', () => {
  expect(longestTrail(makePrinterTree())).toBe(2);
});
