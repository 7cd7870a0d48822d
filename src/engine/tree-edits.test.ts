import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import {
  addAnswer,
  answerToNewNode,
  formatTreeFile,
  newTree,
  removeNode,
  renameNode,
  setAnswerFields,
  setQuestionFields,
  setSections,
} from './tree-edits';
import { checkDraft } from './check-draft';
import { validateTree } from './validate-tree';
import { makePrinterTree } from '../testing/printer-tree';

test('a shipped tree written out is byte for byte its file', () => {
  const text = readFileSync('public/trees/q164887.json', 'utf8');
  const result = validateTree(JSON.parse(text));
  expect(result.ok && formatTreeFile(result.value)).toBe(text);
});

test('a new troubleshooter is listed with what it still needs, and walks', () => {
  const check = checkDraft(newTree());
  expect(check.walkable).toBe(true);
  expect(check.problems.map((problem) => problem.path)).toEqual([
    '$.title',
    '$.description',
    '$.nodes[0].prompt',
    '$.nodes[1].title',
    '$.nodes[1].summary',
    '$.nodes[2].title',
    '$.nodes[2].summary',
  ]);
});

test('renaming a node follows it to the start and every answer leading to it', () => {
  const tree = renameNode(makePrinterTree(), 1, 'tray');
  expect(tree.nodes[1]!.id).toBe('tray');
  expect(checkDraft(tree).problems).toEqual([]);
});

test('an answer can lead to a question made on the spot, placed after its own', () => {
  const { tree, id } = answerToNewNode(makePrinterTree(), 'power', 2, 'question');
  expect(tree.nodes[1]!.id).toBe(id);
  const power = tree.nodes[0]!;
  expect(power.kind === 'question' && power.answers[2]!.next).toBe(id);
});

test('blank optional fields are left out of the file; a new answer follows its label', () => {
  let tree = setQuestionFields(makePrinterTree(), 'power', { intro: '', help: [] });
  expect(tree.nodes[0]).not.toHaveProperty('intro');
  expect(tree.nodes[0]).not.toHaveProperty('help');
  tree = addAnswer(tree, 'paper', 'call-support');
  tree = setAnswerFields(tree, 'paper', 2, { label: 'Yes, but jammed' }, true);
  tree = setAnswerFields(tree, 'paper', 2, { unsure: false, fact: '' });
  const paper = tree.nodes[1]!;
  expect(paper.kind === 'question' && paper.answers[2]).toEqual({
    slug: 'yes-but-jammed',
    label: 'Yes, but jammed',
    next: 'call-support',
  });
  tree = setSections(tree, 'add-paper', () => []);
  expect(tree.nodes.find((node) => node.id === 'add-paper')).not.toHaveProperty('sections');
});

test('a removed node leaves the answers that led to it for the checks to name', () => {
  const problems = checkDraft(removeNode(makePrinterTree(), 'switch-on')).problems;
  expect(problems).toEqual([
    {
      path: '$.nodes[0].answers[2].next',
      message: 'answer "off" of question "power" points to missing node "switch-on"',
    },
  ]);
});
