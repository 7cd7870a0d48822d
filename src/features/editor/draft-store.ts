import { useSyncExternalStore } from 'react';
import type { Tree } from '../../engine/tree-schema';

/** A draft as kept in this browser's storage. */
export type StoredDraft = {
  /** `tree:<id>` for a copy of a deployed tree, `new:<…>` for a new troubleshooter. */
  key: string;
  /** The deployed version it started from; none for a new troubleshooter. */
  basedOn?: number | undefined;
  savedAt: string;
  tree: Tree;
};

// One entry for all drafts: listing them needs no scan of the whole storage.
const STORAGE_KEY = 'troubleshooter:editor-drafts';

export function draftKeyForTree(treeId: string): string {
  return `tree:${treeId}`;
}

export function newDraftKey(now = new Date()): string {
  return `new:${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

// What is read back was written by this code, but storage is shared with every script of
// the origin and may hold an older shape: each entry is checked enough to be shown.
function isDraft(value: unknown): value is StoredDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  const tree = draft.tree as Record<string, unknown> | null;
  return (
    typeof draft.key === 'string' &&
    typeof draft.savedAt === 'string' &&
    typeof tree === 'object' &&
    tree !== null &&
    typeof tree.id === 'string' &&
    Array.isArray(tree.nodes)
  );
}

/** Every draft in this browser, the latest first; none when storage is refused. */
export function listDrafts(): StoredDraft[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(isDraft).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  } catch {
    return [];
  }
}

export function readDraft(key: string): StoredDraft | undefined {
  return listDrafts().find((draft) => draft.key === key);
}

/** The drafts as the page shows them, and whether the last save was refused. */
export type DraftsSnapshot = { drafts: StoredDraft[]; refused: boolean };

const listeners = new Set<() => void>();
let snapshot: DraftsSnapshot | undefined;

function changed(refused: boolean) {
  snapshot = { drafts: listDrafts(), refused };
  for (const listener of listeners) listener();
}

/** Saves (or replaces) a draft; when this browser will not keep it, the snapshot says so. */
export function saveDraft(draft: StoredDraft): void {
  try {
    const others = listDrafts().filter((stored) => stored.key !== draft.key);
    localStorage.setItem(STORAGE_KEY, JSON.stringify([draft, ...others]));
    changed(false);
  } catch {
    changed(true);
  }
}

export function deleteDraft(key: string): void {
  try {
    const kept = listDrafts().filter((stored) => stored.key !== key);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // Storage refused: there is nothing stored to delete.
  }
  changed(snapshot?.refused ?? false);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const getSnapshot = () => (snapshot ??= { drafts: listDrafts(), refused: false });

/** The drafts in this browser, kept up to date as the editor saves them. */
export function useDrafts(): DraftsSnapshot {
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
