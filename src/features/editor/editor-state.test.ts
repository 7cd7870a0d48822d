import { expect, test } from 'vitest';
import { editorReducer, startEditor, type EditorAction, type EditorState } from './editor-state';
import {
  addAnswer,
  addNode,
  formatTreeFile,
  moveAnswer,
  setAnswerFields,
  setQuestionFields,
  setTreeFields,
} from '../../engine/tree-edits';
import { makePrinterTree } from '../../testing/printer-tree';

/**
 * Twenty edits as the editor makes them: typing runs (several keystrokes in a field, then
 * leaving it), choices, additions and moves, with selections in between.
 */
function twentyEdits(): EditorAction[][] {
  return Array.from({ length: 20 }, (_, step): EditorAction[] => {
    switch (step % 5) {
      case 0:
        // One word typed letter by letter is one step.
        return [
          ...['E', 'Ed', `Edit ${step}`].map((title): EditorAction => ({
            type: 'edit',
            change: (tree) => setTreeFields(tree, { title }),
            typing: '$.title',
          })),
          { type: 'seal' },
        ];
      case 1:
        return [
          { type: 'select', selection: { kind: 'node', id: 'power' } },
          { type: 'edit', change: (tree) => moveAnswer(tree, 'power', 0, 1) },
        ];
      case 2:
        return [
          {
            type: 'edit',
            change: (tree) => setAnswerFields(tree, 'paper', 0, { label: `Label ${step}` }),
            typing: '$.nodes[1].answers[0].label',
          },
          { type: 'select', selection: { kind: 'tree' } },
        ];
      case 3:
        return [
          {
            type: 'edit',
            change: (tree) => {
              const added = addNode(tree, 'outcome');
              return { tree: added.tree, select: { kind: 'node', id: added.id } };
            },
          },
        ];
      default:
        return [
          { type: 'edit', change: (tree) => addAnswer(tree, 'paper') },
          {
            type: 'edit',
            change: (tree) => setQuestionFields(tree, 'paper', { intro: `Intro ${step}` }),
          },
        ];
    }
  });
}

const run = (state: EditorState, actions: EditorAction[]) => actions.reduce(editorReducer, state);

test('the editor state undoes twenty edits back to each earlier file exactly, and redoes them', () => {
  let state = startEditor(makePrinterTree());
  const files = [formatTreeFile(state.history.present)];
  // After each edit: every step it recorded (one, or two for the last kind).
  const steps = [0];
  for (const actions of twentyEdits()) {
    state = run(state, actions);
    files.push(formatTreeFile(state.history.present));
    steps.push(state.history.past.length);
  }
  expect(new Set(files).size).toBe(21);

  const undoTo = (edit: number) => {
    while (state.history.past.length > (steps[edit] ?? 0)) {
      state = editorReducer(state, { type: 'undo' });
    }
    return formatTreeFile(state.history.present);
  };
  for (let edit = 19; edit >= 0; edit -= 1) expect(undoTo(edit)).toBe(files[edit]);
  expect(state.history.past).toHaveLength(0);
  // One more undo does nothing.
  expect(editorReducer(state, { type: 'undo' })).toBe(state);

  for (let edit = 1; edit <= 20; edit += 1) {
    while (state.history.past.length < (steps[edit] ?? 0)) {
      state = editorReducer(state, { type: 'redo' });
    }
    expect(formatTreeFile(state.history.present)).toBe(files[edit]);
  }
  expect(state.history.future).toHaveLength(0);
});

test('each typing run is one step to undo, and undo keeps a selection that still exists', () => {
  const start = startEditor(makePrinterTree());
  const [typed] = twentyEdits();
  const state = run(start, typed ?? []);
  expect(state.history.past).toHaveLength(1);
  const added = run(state, [
    {
      type: 'edit',
      change: (tree) => {
        const result = addNode(tree, 'question');
        return { tree: result.tree, select: { kind: 'node', id: result.id } };
      },
    },
  ]);
  expect(added.selection).toMatchObject({ kind: 'node' });
  // Undone, the new question is gone, and so is its selection.
  expect(editorReducer(added, { type: 'undo' }).selection).toEqual({ kind: 'tree' });
  expect(editorReducer(state, { type: 'undo' }).history.present).toBe(start.history.present);
});

test('typing in the selected node keeps the selection as it was: what shows it is not drawn again', () => {
  const start = editorReducer(startEditor(makePrinterTree()), {
    type: 'select',
    selection: { kind: 'node', id: 'power' },
  });
  const typed = ['I', 'Is', 'Is it'].reduce(
    (state, prompt) =>
      editorReducer(state, {
        type: 'edit',
        change: (tree) => setQuestionFields(tree, 'power', { prompt }),
        typing: '$.nodes[0].prompt',
      }),
    start,
  );
  expect(typed.history.present).not.toBe(start.history.present);
  expect(typed.selection).toBe(start.selection);
});
