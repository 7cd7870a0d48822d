import { useSyncExternalStore } from 'react';
import { readDraftShape } from '../../engine/draft-shape';
import type { Tree, TreeNode } from '../../engine/tree-schema';

/**
 * Drafts kept in this browser (docs/decisions/0032-drafts-with-revisions.md). Each draft is
 * entries of its own: its tree, a small note of what it is (revision, base version, title,
 * time), and the changes made since the tree was last written whole (ADR 52). Saving touches
 * only the draft being saved, and of a large draft only what changed; a save based on an
 * older revision than the one stored (another tab saved meanwhile) is refused, and the other
 * tab hears of every save at once through the `storage` event.
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
  /** Which whole copy of the tree the changes entry applies to (`hashText` of the tree's entry). */
  treeHash?: string | undefined;
};

export type StoredDraft = DraftNote & { tree: Tree };

/** A draft in the list: readable, or broken (and then only its key and what is wrong). */
export type ListedDraft = { key: string; note?: DraftNote; broken?: string };

const NOTE = 'troubleshooter:draft-note:';
const TREE = 'troubleshooter:draft:';
// The changes made since the tree entry was written whole (ADR 52): the tree's own fields, and
// its nodes as runs of the whole copy's nodes (`[from, to]`) between the nodes that changed.
// Not named `troubleshooter:draft:…`, so that listing drafts does not take it for a tree.
const PATCH = 'troubleshooter:draft-patch:';
/** Changes of more than this are written whole when the page is idle, not at the next save. */
const COMPACT_AT = 64 * 1024;
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
    const text = localStorage.getItem(TREE + key);
    const stored = parse(text);
    if (note === undefined && stored === undefined) return { status: 'none' };
    if (note === undefined || note === 'broken') {
      return { status: 'broken', problem: 'its description in this browser cannot be read' };
    }
    if (text === null || stored === undefined || stored === null) {
      return { status: 'broken', problem: 'its content is missing or is not JSON' };
    }
    const hash = hashText(text);
    // Changes written since the whole copy: only when made to this copy. Made to an older
    // one, they are already in it (it is written whole after them, then they are removed).
    const patch = parse(localStorage.getItem(PATCH + key));
    const patched =
      patch === undefined || (patch as { base?: unknown } | null)?.base !== hash
        ? { value: stored, from: undefined }
        : applyPatch(stored, patch);
    if (!patched) {
      return { status: 'broken', problem: 'its latest changes in this browser cannot be read' };
    }
    const read = readDraftShape(patched.value);
    if (!read.ok) return { status: 'broken', problem: read.problem };
    // The nodes the editor now holds that are the whole copy's, by where they are in it: the
    // next save writes only the others.
    const index = new WeakMap<TreeNode, number>();
    read.tree.nodes.forEach((node, at) => {
      const from = patched.from ? patched.from[at] : at;
      if (from !== undefined) index.set(node, from);
    });
    bases.set(key, { hash, length: text.length, index });
    return { status: 'ok', draft: { ...note, tree: read.tree } };
  } catch {
    return { status: 'none' };
  }
}

/**
 * What this page knows of each draft's whole copy in storage: its hash, its length, and which
 * of the editor's node objects are its nodes (a node is a value, never changed in place: an
 * edit makes a new node and keeps the others, ADR 46). Set when a draft is read or written
 * whole.
 */
type Base = { hash: string; length: number; index: WeakMap<TreeNode, number> };
const bases = new Map<string, Base>();

/** A short fingerprint of a stored text (FNV-1a over its UTF-16 code units, and its length). */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let at = 0; at < text.length; at += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  }
  return `${text.length.toString(36)}-${(hash >>> 0).toString(36)}`;
}

// A node's JSON, kept per node object: a draft written again writes its unchanged nodes'
// text as it was, rather than serialising 1.5 MB at every save.
const nodeTexts = new WeakMap<TreeNode, string>();
function nodeText(node: TreeNode): string {
  let text = nodeTexts.get(node);
  if (text === undefined) {
    text = JSON.stringify(node);
    nodeTexts.set(node, text);
  }
  return text;
}

/** The tree's JSON (its nodes last), as `JSON.stringify` would write it but node by node. */
function treeText(tree: Tree): string {
  const { nodes, ...head } = tree;
  const headText = JSON.stringify(head);
  const nodesText = `"nodes":[${nodes.map(nodeText).join(',')}]`;
  return headText === '{}' ? `{${nodesText}}` : `${headText.slice(0, -1)},${nodesText}}`;
}

/** The changes from a whole copy: the tree's own fields, and its nodes as runs of the copy's. */
function patchText(tree: Tree, base: Base): string {
  const { nodes, ...head } = tree;
  const parts: string[] = [];
  let run: [number, number] | undefined;
  for (const node of nodes) {
    const from = base.index.get(node);
    if (from !== undefined && run && from === run[1] + 1) {
      run[1] = from;
      continue;
    }
    if (run) parts.push(`[${run[0]},${run[1]}]`);
    run = from === undefined ? undefined : [from, from];
    if (from === undefined) parts.push(nodeText(node));
  }
  if (run) parts.push(`[${run[0]},${run[1]}]`);
  return `{"base":${JSON.stringify(base.hash)},"head":${JSON.stringify(head)},"nodes":[${parts.join(',')}]}`;
}

/**
 * The whole copy with the changes written since: the value to check as a draft, and where
 * each of its nodes was in the copy (undefined for a changed one). Undefined when the changes
 * cannot be read.
 */
function applyPatch(
  stored: unknown,
  patch: unknown,
): { value: unknown; from: (number | undefined)[] } | undefined {
  const copy = stored as { nodes?: unknown } | null;
  const changes = patch as { head?: unknown; nodes?: unknown } | null;
  if (
    typeof copy !== 'object' ||
    copy === null ||
    !Array.isArray(copy.nodes) ||
    typeof changes?.head !== 'object' ||
    changes.head === null ||
    !Array.isArray(changes.nodes)
  ) {
    return undefined;
  }
  const copyNodes = copy.nodes as unknown[];
  const nodes: unknown[] = [];
  const from: (number | undefined)[] = [];
  for (const part of changes.nodes as unknown[]) {
    if (!Array.isArray(part)) {
      nodes.push(part);
      from.push(undefined);
      continue;
    }
    const [first, last] = part as unknown[];
    if (
      !Number.isSafeInteger(first) ||
      !Number.isSafeInteger(last) ||
      (first as number) < 0 ||
      (first as number) > (last as number) ||
      (last as number) >= copyNodes.length
    ) {
      return undefined;
    }
    for (let at = first as number; at <= (last as number); at += 1) {
      nodes.push(copyNodes[at]);
      from.push(at);
    }
  }
  return { value: { ...changes.head, nodes }, from };
}

/** Writes the tree whole and forgets the changes written since the last whole copy. */
function writeWhole(key: string, tree: Tree): string {
  const text = treeText(tree);
  localStorage.setItem(TREE + key, text);
  localStorage.removeItem(PATCH + key);
  const hash = hashText(text);
  bases.set(key, {
    hash,
    length: text.length,
    index: new WeakMap(tree.nodes.map((node, at) => [node, at])),
  });
  return hash;
}

const whenIdle = (task: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(task, { timeout: 10_000 })
    : setTimeout(task, 1000);

/**
 * Once the changes have grown, the tree is written whole again, when the page is idle rather
 * than at a save (a key pressed during a write of a large draft waits for it). The same
 * revision: the content is what was saved, so other tabs have nothing to take; only if the
 * draft is still as this page saved it.
 */
function compactLater(key: string, tree: Tree, revision: number): void {
  whenIdle(() => {
    try {
      const note = readNote(key);
      if (!note || note === 'broken' || note.revision !== revision) return;
      if (note.treeHash !== bases.get(key)?.hash) return;
      const treeHash = writeWhole(key, tree);
      localStorage.setItem(NOTE + key, JSON.stringify({ ...note, treeHash }));
    } catch {
      // Storage refused: the changes entry still holds the draft; the next save says so.
    }
  });
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
    // Only what changed since the whole copy this page knows, when that copy is still the one
    // stored (another tab may have written it whole since); else the tree whole. A note
    // without a hash was written whole by an earlier version of the editor, at this revision
    // (it raises the revision at every save), so after the copy this page read.
    const base = bases.get(draft.key);
    const changes =
      base &&
      stored &&
      stored !== 'broken' &&
      (stored.treeHash === base.hash || stored.treeHash === undefined)
        ? patchText(tree, base)
        : undefined;
    const asChanges =
      base !== undefined && changes !== undefined && changes.length < base.length / 2;
    let treeHash: string;
    if (asChanges) {
      localStorage.setItem(PATCH + draft.key, changes);
      treeHash = base.hash;
    } else {
      treeHash = writeWhole(draft.key, tree);
    }
    note = {
      ...rest,
      revision: revision + 1,
      savedAt: new Date().toISOString(),
      title: tree.title,
      treeId: tree.id,
      treeHash,
    };
    localStorage.setItem(NOTE + draft.key, JSON.stringify(note));
    if (asChanges && changes.length > COMPACT_AT) {
      compactLater(draft.key, tree, note.revision);
    }
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
    bases.delete(key);
    localStorage.removeItem(TREE + key);
    localStorage.removeItem(PATCH + key);
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
