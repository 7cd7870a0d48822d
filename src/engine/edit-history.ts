/**
 * Undo and redo for the tree editor, as plain values: a history is the present state with
 * the states before it and the states undone after it. Pure, so that the editor's every
 * edit is one function call that tests can replay (docs/decisions/0017-tree-editor.md).
 */
export type History<T> = {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /**
   * The field the last edit typed into. Typing in the same field again replaces the
   * present state instead of adding one, so that undo takes back a word or a sentence,
   * not one letter; any other edit, undo, redo or `seal` ends the run.
   */
  readonly typing?: string | undefined;
  /**
   * Earlier states were let go to keep the history within HISTORY_LIMIT: the oldest state
   * kept is not where the editing began, and undo says so when it gets there.
   */
  readonly trimmed?: boolean | undefined;
};

/** How many earlier states are kept: enough for an afternoon, bounded for storage. */
export const HISTORY_LIMIT = 500;

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/**
 * Adds `next` as the present state. `typing` names the field a keystroke changed (see
 * History.typing); leave it out for edits that stand alone (add, remove, move, choose).
 * A state equal to the present (the same object) records nothing.
 */
export function record<T>(history: History<T>, next: T, typing?: string): History<T> {
  if (next === history.present) return history;
  if (typing !== undefined && typing === history.typing) {
    return { ...history, present: next, future: [] };
  }
  const kept = [...history.past, history.present];
  const past = kept.slice(-HISTORY_LIMIT);
  const trimmed = history.trimmed === true || kept.length > past.length;
  return { past, present: next, future: [], typing, ...(trimmed ? { trimmed } : {}) };
}

/** Ends a run of typing (the field lost focus): the next keystroke starts a new step. */
export function seal<T>(history: History<T>): History<T> {
  return history.typing === undefined ? history : { ...history, typing: undefined };
}

export function canUndo(history: History<unknown>): boolean {
  return history.past.length > 0;
}

export function canRedo(history: History<unknown>): boolean {
  return history.future.length > 0;
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return seal(history);
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    ...(history.trimmed ? { trimmed: true } : {}),
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return seal(history);
  return {
    past: [...history.past, history.present],
    present: next,
    future: rest,
    ...(history.trimmed ? { trimmed: true } : {}),
  };
}
