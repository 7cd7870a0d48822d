// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { checkTreeFile, formatReport } from './check-tree-file';

const fixture = (name: string) => {
  const file = path.join('src', 'authoring', 'fixtures', `${name}.json`);
  return checkTreeFile(file, readFileSync(file, 'utf8'));
};

test.each([
  [
    'missing-node',
    '$.nodes[1].answers[1].next',
    'answer "no-paper" of question "paper" points to missing node "jam"',
  ],
  ['duplicate-id', '$.nodes[3].id', 'duplicate node id "switch-on" (also used by $.nodes[2])'],
  ['loop', '$.nodes[1]', 'answers form a loop: power → paper → power'],
  [
    'unreachable-outcome',
    '$.nodes[3]',
    'node "add-paper" cannot be reached from the start node "power"',
  ],
  ['one-answer', '$.nodes[1].answers', 'a question needs at least two answers'],
  ['bad-id', '$.nodes[1].id', 'must use only lower-case letters, digits and hyphens'],
  [
    'unsure-without-help',
    '$.nodes[0].help',
    'question "power" has a "not sure" answer ("power-unsure") but no help on how to check',
  ],
  ['wrong-field', '$.nodes[0].promt', 'is not a known field'],
  ['misnamed', '$.id', 'is "printer", so the file must be named printer.json'],
])('%s: reported at %s', (name, where, message) => {
  const report = fixture(name);
  expect(report.errors).toContainEqual({ path: where, message });
  expect(formatReport(report)).toContain(`  error   ${where}: ${message}`);
});

test('a file that is not JSON says so', () => {
  const report = fixture('not-json');
  expect(report.errors).toEqual([
    { path: '$', message: expect.stringMatching(/^is not valid JSON/) },
  ]);
});

test('a very long walk is a warning, not an error, and the counts are given', () => {
  const report = fixture('long-walk');
  expect(report.errors).toEqual([]);
  expect(report.warnings).toEqual([
    {
      path: '$.start',
      message: 'the longest walk asks 15 questions; more than 12 is hard to follow',
    },
  ]);
  expect(report.stats).toEqual({ questions: 15, outcomes: 3, paths: 18, longestWalk: 15 });
});

test('the shipped tree is clean and its counts are printed', () => {
  const file = path.join('public', 'trees', 'q164887.json');
  const report = checkTreeFile(file, readFileSync(file, 'utf8'));
  expect(report.errors).toEqual([]);
  expect(formatReport(report)).toBe(
    'public/trees/q164887.json: ok, 6 questions, 7 outcomes, 67 distinct paths',
  );
});

test('an archived copy must carry its version in its name', () => {
  const text = readFileSync(
    path.join('src', 'testing', 'fixtures', 'trees', 'printer.v1.json'),
    'utf8',
  );
  expect(checkTreeFile('trees/printer.v1.json', text).errors).toEqual([]);
  expect(checkTreeFile('trees/printer.v2.json', text).errors).toEqual([
    {
      path: '$.id',
      message: 'an archived copy of "printer" version 1 must be named printer.v1.json',
    },
  ]);
});

test('"map" is reserved as a tree id', () => {
  const text = readFileSync(
    path.join('src', 'testing', 'fixtures', 'trees', 'printer.v1.json'),
    'utf8',
  );
  const report = checkTreeFile('map.json', text.replace('"id": "printer"', '"id": "map"'));
  expect(report.errors).toContainEqual({
    path: '$.id',
    message: '"map" is reserved for the map pages (/map/<tree>); choose another id',
  });
});
