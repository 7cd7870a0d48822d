import { useSyncExternalStore } from 'react';
import { readDraftShape } from '../../engine/draft-shape';
import type { Tree } from '../../engine/tree-schema';

/**
 * Drafts kept in this browser (docs/decisions/0032-drafts-with-revisions.md). Each draft is
 * two entries of its own: its tree, and a small note of what it is (revision, base version,
 * title, time). Saving touches only the draft being saved; a save based on an older revision
 * than the one stored (another tab saved meanwhile) is refused, and the other tab hears of
 * every save at once through the `storage` event.
 */
export type DraftNote = {
  /** `tree:<id>` for a change to a deployed tree, `new:<…>` for a new troubleshooter. */
  key: string;
  /** Raised by every save in this browser. */
  revision: number;
  /** The deployed version it started from; none for a new troubleshooter. */
  basedOn?: number | undefined;
  savedAt: string;
  title: string;
  treeId: string;
  /** With a server: the server's revision this copy is based on, and whether it has unsent changes. */
  serverRevision?: number | undefined;
  unsent?: boolean | undefined;
};

export type StoredDraft = DraftNote & { tree: Tree };

/** A draft in the list: readable, or broken (and then only its key and what is wrong). */
export type ListedDraft = { key: string; note?: DraftNote; broken?: string };

const NOTE = 'troubleshooter:draft-note:';
const TREE = 'troubleshooter:draft:';
// Where every draft used to be, in one entry: split into entries of their own when read.
const LEGACY_KEY = 'troubleshooter:editor-drafts';

export function draftKeyForTree(treeId: string): string {
  return `tree:${treeId}`;
}

export function newDraftKey(now = new Date()): string {
  return `new:${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** The editor's address for a draft. */
export function draftTreeId(key: string): string | undefined {
  return key.startsWith('tree:') ? key.slice(5) : undefined;
}

function isNote(value: unknown, key: string): value is DraftNote {
  if (typeof value !== 'object' || value === null) return false;
  const note = value as Record<string, unknown>;
  return (
    note.key === key &&
    Number.isSafeInteger(note.revision) &&
    typeof note.savedAt === 'string' &&
    typeof note.title === 'string' &&
    typeof note.treeId === 'string' &&
    (note.basedOn === undefined || Number.isSafeInteger(note.basedOn))
  );
}

function parse(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function migrateLegacy(): void {
  const legacy = parse(localStorage.getItem(LEGACY_KEY));
  if (legacy === undefined) return;
  if (Array.isArray(legacy)) {
    for (const entry of legacy as unknown[]) {
      const draft = entry as Partial<StoredDraft> | null;
      if (typeof draft?.key !== 'string' || localStorage.getItem(NOTE + draft.key) !== null)
        continue;
      const tree = draft.tree as Partial<Tree> | undefined;
      const note: DraftNote = {
        key: draft.key,
        revision: 1,
        basedOn: typeof draft.basedOn === 'number' ? draft.basedOn : undefined,
        savedAt: typeof draft.savedAt === 'string' ? draft.savedAt : new Date(0).toISOString(),
        title: typeof tree?.title === 'string' ? tree.title : '',
        treeId: typeof tree?.id === 'string' ? tree.id : '',
      };
      // Stored as it was: checked when opened, like every draft.
      localStorage.setItem(TREE + draft.key, JSON.stringify(draft.tree ?? null));
      localStorage.setItem(NOTE + draft.key, JSON.stringify(note));
    }
  }
  localStorage.removeItem(LEGACY_KEY);
}

function readNote(key: string): DraftNote | 'broken' | undefined {
  const note = parse(localStorage.getItem(NOTE + key));
  if (note === undefined) return undefined;
  return isNote(note, key) ? note : 'broken';
}

/** Every draft in this browser, the latest first, broken ones too; none when storage is refused. */
export function listDrafts(): ListedDraft[] {
  try {
    migrateLegacy();
    const keys = new Set<string>();
    for (let index = 0; index < localStorage.length; index += 1) {
      const name = localStorage.key(index) ?? '';
      if (name.startsWith(NOTE)) keys.add(name.slice(NOTE.length));
      else if (name.startsWith(TREE)) keys.add(name.slice(TREE.length));
    }
    return [...keys]
      .map((key): ListedDraft => {
        const note = readNote(key);
        return note && note !== 'broken'
          ? { key, note }
          : { key, broken: 'its description in this browser cannot be read' };
      })
      .sort((a, b) => (b.note?.savedAt ?? '9').localeCompare(a.note?.savedAt ?? '9'));
  } catch {
    return [];
  }
}

export type ReadDraft =
  { status: 'none' } | { status: 'ok'; draft: StoredDraft } | { status: 'broken'; problem: string };

/** A draft, checked before use: a broken one says what is wrong, so it can be discarded. */
export function readDraft(key: string): ReadDraft {
  try {
    migrateLegacy();
    const note = readNote(key);
    const stored = parse(localStorage.getItem(TREE + key));
    if (note === undefined && stored === undefined) return { status: 'none' };
    if (note === undefined || note === 'broken') {
      return { status: 'broken', problem: 'its description in this browser cannot be read' };
    }
    if (stored === undefined || stored === null) {
      return { status: 'broken', problem: 'its content is missing or is not JSON' };
    }
    const read = readDraftShape(stored);
    if (!read.ok) return { status: 'broken', problem: read.problem };
    return { status: 'ok', draft: { ...note, tree: read.tree } };
  } catch {
    return { status: 'none' };
  }
}

export type SaveResult =
  | { ok: true; note: DraftNote }
  | { ok: false; reason: 'conflict'; current: ReadDraft }
  | { ok: false; reason: 'refused' };

/**
 * Saves a draft if the one stored is still at `revision` (0: this page has not saved it yet,
 * and none may be stored). Only this draft's entries are read and written.
 */
export function saveDraft(
  draft: Omit<DraftNote, 'revision' | 'savedAt' | 'title' | 'treeId'> & { tree: Tree },
  revision: number,
): SaveResult {
  let note: DraftNote;
  try {
    const stored = readNote(draft.key);
    const storedRevision = stored === undefined ? 0 : stored === 'broken' ? -1 : stored.revision;
    if (storedRevision !== revision) {
      return { ok: false, reason: 'conflict', current: readDraft(draft.key) };
    }
    const { tree, ...rest } = draft;
    note = {
      ...rest,
      revision: revision + 1,
      savedAt: new Date().toISOString(),
      title: tree.title,
      treeId: tree.id,
    };
    localStorage.setItem(TREE + draft.key, JSON.stringify(tree));
    localStorage.setItem(NOTE + draft.key, JSON.stringify(note));
  } catch {
    changed({ refused: true });
    return { ok: false, reason: 'refused' };
  }
  changed({ refused: false, saved: { key: draft.key, note } });
  return { ok: true, note };
}

/** Changes the server's part of a draft's note (no new revision: the tree is the same). */
export function noteServerState(key: string, serverRevision: number, unsent: boolean): void {
  try {
    const stored = readNote(key);
    if (!stored || stored === 'broken') return;
    localStorage.setItem(NOTE + key, JSON.stringify({ ...stored, serverRevision, unsent }));
  } catch {
    // Storage refused: the next save says so.
  }
}

export function deleteDraft(key: string): void {
  try {
    localStorage.removeItem(TREE + key);
    localStorage.removeItem(NOTE + key);
  } catch {
    // Storage refused: there is nothing stored to delete.
  }
  changed({ refused: snapshot?.refused ?? false });
}

/** The drafts as the page shows them, and whether the last save was refused. */
export type DraftsSnapshot = { drafts: ListedDraft[]; refused: boolean };

const listeners = new Set<() => void>();
let snapshot: DraftsSnapshot | undefined;

function changed(change: { refused: boolean; saved?: { key: string; note: DraftNote } }) {
  const { saved } = change;
  // A save of a listed draft changes only its own entry: the others are not read again.
  if (saved && snapshot?.drafts.some((draft) => draft.key === saved.key)) {
    snapshot = {
      drafts: snapshot.drafts
        .map((draft) => (draft.key === saved.key ? { key: saved.key, note: saved.note } : draft))
        .sort((a, b) => (b.note?.savedAt ?? '9').localeCompare(a.note?.savedAt ?? '9')),
      refused: change.refused,
    };
  } else {
    snapshot = { drafts: listDrafts(), refused: change.refused };
  }
  for (const listener of listeners) listener();
}

/** Calls `onChange` when another tab of this browser saves or discards a draft. */
export function onOtherTabSave(onChange: (key: string) => void): () => void {
  const handler = (event: StorageEvent) => {
    if (event.storageArea !== localStorage) return;
    if (event.key === null || event.key.startsWith(NOTE)) {
      changed({ refused: snapshot?.refused ?? false });
      if (event.key) onChange(event.key.slice(NOTE.length));
    }
  };
  window.addEventListener('storage', handler);
  return () => window.removeEventListener('storage', handler);
}

/** The note of a draft as stored now (another tab may have saved it). */
export function storedNote(key: string): DraftNote | undefined {
  try {
    const note = readNote(key);
    return note === 'broken' ? undefined : note;
  } catch {
    return undefined;
  }
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  const stop = onOtherTabSave(() => undefined);
  return () => {
    listeners.delete(listener);
    stop();
    // Read afresh when an editor opens again: storage may have changed meanwhile.
    if (listeners.size === 0) snapshot = undefined;
  };
};
const getSnapshot = () => (snapshot ??= { drafts: listDrafts(), refused: false });

/** The drafts in this browser, kept up to date as this tab and others save them. */
export function useDrafts(): DraftsSnapshot {
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
