import { expect, test } from 'vitest';
import { HISTORY_LIMIT, record, redo, startHistory, undo } from '../../engine/edit-history';
import { historyMessage } from './editor-caption';

// Issue 27: undo stopped at 500 steps without a word. The editor says where its history ends,
// and whether that is where the editing began or only the oldest change it kept.

function afterEdits(count: number) {
  let history = startHistory(0);
  for (let step = 1; step <= count; step += 1) history = record(history, step);
  return history;
}

function undoAll(history: ReturnType<typeof afterEdits>) {
  const said: string[] = [];
  for (;;) {
    said.push(historyMessage(history, false));
    const next = undo(history);
    if (next.past.length === history.past.length) return { said, history };
    history = next;
  }
}

test('undo back to where the editing began says so', () => {
  const { said, history } = undoAll(afterEdits(3));
  expect(said).toEqual([
    'Undone.',
    'Undone.',
    'Undone.',
    'Nothing more to undo: this is where the history starts.',
  ]);
  expect(history.present).toBe(0);
  expect(historyMessage(history, true)).toBe('Redone.');
  expect(historyMessage(redo(redo(redo(history))), true)).toBe('Nothing to redo.');
});

test('undo back to the oldest change kept, past the limit, says that earlier ones were let go', () => {
  const { said, history } = undoAll(afterEdits(HISTORY_LIMIT + 20));
  expect(said).toHaveLength(HISTORY_LIMIT + 1);
  expect(said.at(-2)).toBe(
    `Undone. That was the oldest change kept (the history keeps the last ${HISTORY_LIMIT}).`,
  );
  expect(said.at(-1)).toBe(
    `Nothing more to undo: the history keeps the last ${HISTORY_LIMIT} changes, and earlier ones were let go.`,
  );
  expect(history.present).toBe(20);
  // Exactly at the limit nothing was let go: the history starts where the editing began.
  expect(undoAll(afterEdits(HISTORY_LIMIT)).said.at(-1)).toBe(
    'Nothing more to undo: this is where the history starts.',
  );
});
