import { expect, test } from 'vitest';
import {
  canRedo,
  canUndo,
  HISTORY_LIMIT,
  record,
  redo,
  seal,
  startHistory,
  undo,
} from './edit-history';
import { formatTreeFile, moveAnswer, setAnswerFields, setQuestionFields } from './tree-edits';
import { makePrinterTree } from '../testing/printer-tree';
import type { Tree } from './tree-schema';

/** Twenty edits of different kinds, each a function of the tree before it. */
const EDITS: ((tree: Tree, step: number) => Tree)[] = Array.from({ length: 20 }, (_, step) => {
  if (step % 3 === 0)
    return (tree) => setQuestionFields(tree, 'power', { prompt: `Prompt ${step}` });
  if (step % 3 === 1) return (tree) => moveAnswer(tree, 'power', 0, 1);
  return (tree) => setAnswerFields(tree, 'paper', 0, { label: `Label ${step}` });
});

test('20 edits undone one by one give back each earlier file exactly, and redone the later ones', () => {
  let history = startHistory(makePrinterTree());
  const files = [formatTreeFile(history.present)];
  for (const [step, edit] of EDITS.entries()) {
    history = record(history, edit(history.present, step));
    files.push(formatTreeFile(history.present));
  }
  expect(new Set(files).size).toBe(21);
  for (let back = 19; back >= 0; back -= 1) {
    history = undo(history);
    expect(formatTreeFile(history.present)).toBe(files[back]);
  }
  expect(canUndo(history)).toBe(false);
  for (let forward = 1; forward <= 20; forward += 1) {
    history = redo(history);
    expect(formatTreeFile(history.present)).toBe(files[forward]);
  }
  expect(canRedo(history)).toBe(false);
});

test('typing in one field is one step to undo; another field, or leaving it, starts the next', () => {
  const start = makePrinterTree();
  let history = startHistory(start);
  for (const prompt of ['I', 'Is', 'Is it']) {
    history = record(history, setQuestionFields(history.present, 'power', { prompt }), 'prompt');
  }
  const typed = history.present;
  history = seal(history);
  history = record(history, setQuestionFields(typed, 'power', { prompt: 'Is it on' }), 'prompt');
  expect(history.past).toEqual([start, typed]);
  expect(undo(undo(history)).present).toBe(start);
});

test('a new edit after undo drops what was undone; an edit that changes nothing records nothing', () => {
  const start = makePrinterTree();
  const first = setQuestionFields(start, 'power', { prompt: 'One' });
  const second = setQuestionFields(start, 'power', { prompt: 'Two' });
  const history = record(undo(record(startHistory(start), first)), second);
  expect(history).toMatchObject({ past: [start], present: second, future: [] });
  expect(record(history, history.present)).toBe(history);
});

test('the history keeps the last 500 changes and says when it let earlier ones go, also after undo and redo', () => {
  const start = makePrinterTree();
  const edits = (count: number) => {
    let history = startHistory(start);
    for (let step = 1; step <= count; step += 1) {
      history = record(
        history,
        setQuestionFields(history.present, 'power', { prompt: `P${step}` }),
      );
    }
    return history;
  };
  const full = edits(HISTORY_LIMIT);
  expect(full.past).toHaveLength(HISTORY_LIMIT);
  expect(full.trimmed).toBeUndefined();
  expect(full.past[0]).toBe(start);

  const over = edits(HISTORY_LIMIT + 1);
  expect(over.past).toHaveLength(HISTORY_LIMIT);
  expect(over.trimmed).toBe(true);
  expect(over.past[0]).not.toBe(start);
  // Undone all the way, redone once, then a new edit: still not where the editing began.
  let history = over;
  while (canUndo(history)) history = undo(history);
  expect(history).toMatchObject({ trimmed: true, past: [] });
  history = record(redo(history), start);
  expect(history.trimmed).toBe(true);
});
