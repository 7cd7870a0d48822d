// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { makePrinterTree } from '../testing/printer-tree';
import { checkIndexFile, checkTreeFile, formatReport } from './check-tree-file';

// What a tree file must be is the engine's (validateTreeFile, tested in
// src/engine/validate-tree.test.ts); here only what the checker adds: reading the text,
// warnings, counts, the index against the trees, and how a report is printed.

const fixture = (name: string) => {
  const file = path.join('src', 'authoring', 'fixtures', `${name}.json`);
  return checkTreeFile(file, readFileSync(file, 'utf8'));
};

test('a file that is not JSON says so', () => {
  const report = fixture('not-json');
  expect(report.errors).toEqual([
    { path: '$', message: expect.stringMatching(/^is not valid JSON/) },
  ]);
});

test("the engine's problems are reported as errors, one line each", () => {
  const report = fixture('loop');
  expect(report.errors).toEqual([
    { path: '$.nodes[1]', message: 'answers form a loop: power → paper → power' },
    {
      path: '$.nodes[3]',
      message: 'node "add-paper" cannot be reached from the start node "power"',
    },
  ]);
  expect(formatReport(report)).toBe(
    [
      'src/authoring/fixtures/loop.json: 2 errors',
      '  error   $.nodes[1]: answers form a loop: power → paper → power',
      '  error   $.nodes[3]: node "add-paper" cannot be reached from the start node "power"',
    ].join('\n'),
  );
});

test('the file name is checked too (by the same rules as the app)', () => {
  const text = readFileSync(path.join('src', 'testing', 'fixtures', 'trees', 'printer.v1.json'));
  expect(checkTreeFile('trees/printer.v1.json', text.toString()).errors).toEqual([]);
  expect(checkTreeFile('trees/printer.json', text.toString()).errors).toEqual([]);
  expect(checkTreeFile('trees/printer.v2.json', text.toString()).errors).toEqual([
    { path: '$.version', message: 'is 1, so an archived copy must be named printer.v1.json' },
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
  expect(formatReport(report)).toBe(
    [
      'src/authoring/fixtures/long-walk.json: ok, 15 questions, 3 outcomes, 18 distinct paths',
      '  warning $.start: the longest walk asks 15 questions; more than 12 is hard to follow',
    ].join('\n'),
  );
});

test('the shipped tree is clean and its counts are printed', () => {
  const file = path.join('public', 'trees', 'q164887.json');
  const report = checkTreeFile(file, readFileSync(file, 'utf8'));
  expect(report.errors).toEqual([]);
  expect(formatReport(report)).toBe(
    'public/trees/q164887.json: ok, 6 questions, 7 outcomes, 67 distinct paths',
  );
});

test('the shipped index agrees with the shipped trees', () => {
  const treeFile = path.join('public', 'trees', 'q164887.json');
  const tree = checkTreeFile(treeFile, readFileSync(treeFile, 'utf8')).tree;
  expect(tree).toBeDefined();
  const indexFile = path.join('public', 'trees', 'index.json');
  const report = checkIndexFile(
    indexFile,
    readFileSync(indexFile, 'utf8'),
    new Map([['q164887', tree]]),
  );
  expect(formatReport(report)).toBe('public/trees/index.json: ok');
});

test('each index entry is checked against its tree, which must exist', () => {
  const printer = makePrinterTree();
  const index = JSON.stringify({
    trees: [
      { id: 'printer', title: 'Printer', description: printer.description },
      { id: 'scanner', title: 'Scanner', description: 'Scans' },
      { id: 'broken', title: 'Broken', description: 'Has errors of its own' },
    ],
  });
  const report = checkIndexFile(
    'index.json',
    index,
    new Map([
      ['printer', printer],
      // Reported with its own file, not again for the index.
      ['broken', undefined],
    ]),
  );
  expect(report.errors).toEqual([
    {
      path: '$.trees[0].title',
      message: `is "Printer" but printer.json has ${JSON.stringify(printer.title)} at $.title`,
    },
    {
      path: '$.trees[1].id',
      message: 'lists "scanner", but there is no scanner.json beside the index',
    },
  ]);
  expect(checkIndexFile('index.json', '{"trees": [', new Map()).errors).toEqual([
    { path: '$', message: expect.stringMatching(/^is not valid JSON/) },
  ]);
});
