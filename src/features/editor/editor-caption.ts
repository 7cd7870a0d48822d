import { canRedo, canUndo, HISTORY_LIMIT, type History } from '../../engine/edit-history';
import type { Tree } from '../../engine/tree-schema';

/** The line above the editor's heading: what is being edited. */
export function editorCaption(deployed: Tree | undefined): string {
  return deployed
    ? `Edit troubleshooter (version ${deployed.version} is deployed)`
    : 'New troubleshooter';
}

/**
 * What the editor says for an undo or a redo asked of `history` (the history before it): what
 * was done, or why nothing was, including when undo reaches the oldest change the history
 * kept rather than where the editing began (issue 27: undo stopped at 500 without a word).
 */
export function historyMessage(history: History<unknown>, redo: boolean): string {
  if (redo) return canRedo(history) ? 'Redone.' : 'Nothing to redo.';
  if (!canUndo(history)) {
    return history.trimmed
      ? `Nothing more to undo: the history keeps the last ${HISTORY_LIMIT} changes, and earlier ones were let go.`
      : 'Nothing more to undo: this is where the history starts.';
  }
  return history.past.length === 1 && history.trimmed
    ? `Undone. That was the oldest change kept (the history keeps the last ${HISTORY_LIMIT}).`
    : 'Undone.';
}
