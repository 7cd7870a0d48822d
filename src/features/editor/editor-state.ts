import {
  canRedo,
  canUndo,
  record,
  redo,
  seal,
  startHistory,
  undo,
  type History,
} from '../../engine/edit-history';
import type { Tree } from '../../engine/tree-schema';

/** What the form shows: the tree's own fields, or a node (with one of its answers in view). */
export type Selection =
  | { kind: 'tree' }
  | {
      kind: 'node';
      id: string;
      /**
       * Where it was in the file: while an id is being typed it may, for a moment, be the
       * id of another node too, and the form must stay on the one being edited.
       */
      index?: number;
      answer?: number;
    };

/** The position in the tree of the selected node, if it is still there. */
export function selectedIndex(tree: Tree, selection: Selection): number | undefined {
  if (selection.kind === 'tree') return undefined;
  if (selection.index !== undefined && tree.nodes[selection.index]?.id === selection.id) {
    return selection.index;
  }
  const found = tree.nodes.findIndex((node) => node.id === selection.id);
  return found === -1 ? undefined : found;
}

export type EditorState = { history: History<Tree>; selection: Selection };

/** An edit: the next tree, and optionally what to select in it (a node just made). */
export type Change = (tree: Tree) => Tree | { tree: Tree; select: Selection };

export type EditorAction =
  | { type: 'edit'; change: Change; typing?: string | undefined }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'seal' }
  | { type: 'select'; selection: Selection }
  | { type: 'replace'; tree: Tree }
  /** Another copy's changes merged in: an edit to undo, the selection kept where it still is. */
  | { type: 'merge'; tree: Tree };

/**
 * A selection that still exists in the tree; otherwise the tree's own fields. The same
 * object when nothing about it changed: what shows the selection (the outline of thousands
 * of rows) is then not drawn again at every key typed into the selected node.
 */
function stillThere(tree: Tree, selection: Selection): Selection {
  if (selection.kind === 'tree') return selection;
  const index = selectedIndex(tree, selection);
  if (index === undefined) return { kind: 'tree' };
  return index === selection.index ? selection : { ...selection, index };
}

export function startEditor(tree: Tree): EditorState {
  return { history: startHistory(tree), selection: { kind: 'tree' } };
}

/** The editor's state changes: pure (edits are engine functions), so StrictMode-safe. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const { history } = state;
  switch (action.type) {
    case 'edit': {
      const result = action.change(history.present);
      const [tree, select] = 'select' in result ? [result.tree, result.select] : [result];
      return {
        history: record(history, tree, action.typing),
        selection: stillThere(tree, select ?? state.selection),
      };
    }
    case 'undo':
    case 'redo': {
      if (!(action.type === 'undo' ? canUndo : canRedo)(history)) return state;
      const next = action.type === 'undo' ? undo(history) : redo(history);
      return { history: next, selection: stillThere(next.present, state.selection) };
    }
    case 'seal':
      return { ...state, history: seal(history) };
    case 'select':
      return { history: seal(history), selection: stillThere(history.present, action.selection) };
    case 'merge':
      return {
        history: record(history, action.tree),
        selection: stillThere(action.tree, state.selection),
      };
    case 'replace':
      // Opening a file is an edit too: undo brings back what was there before.
      return { history: record(history, action.tree), selection: { kind: 'tree' } };
  }
}
