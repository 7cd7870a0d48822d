import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { mergeWithoutAsking } from '../../engine/draft-merge';
import type { Tree } from '../../engine/tree-schema';
import {
  deleteDraft,
  noteServerState,
  onOtherTabSave,
  readDraft,
  saveDraft,
  storedNote,
} from './draft-store';
import {
  leavePresence,
  OfflineError,
  putServerDraft,
  sendPresence,
  type Editor,
} from './server-drafts';

/** What the page says about saving, beside the draft's name. */
export type SaveState =
  /** Nothing typed since the page opened; `stored`: what opened is a draft saved before. */
  | { kind: 'idle'; stored: boolean }
  | { kind: 'saving' }
  | { kind: 'saved'; where: 'browser' | 'server' }
  | { kind: 'offline' }
  | { kind: 'storage-refused' }
  | { kind: 'server-refused'; message: string }
  | { kind: 'conflict' };

/** Another copy of the draft saved since this page last did: shown side by side with this one. */
export type Conflict = {
  source: 'tab' | 'server' | 'deployed';
  theirs: Tree;
  /** Who saved it, when the server says. */
  by?: string | null | undefined;
  /** Their revision (in this browser, or on the server): the merged draft is based on it. */
  revision: number;
  /** The copy both started from, when known: a part only one side changed is suggested from it. */
  base?: Tree | undefined;
  /** The published version their copy is based on, when known. */
  basedOn?: number | undefined;
};

/**
 * The published version a draft is based on once its author settled a conflict: the deployed
 * one it was compared with, or the other copy's when that was compared with a later one
 * meanwhile. Never lower than before: what was compared once need not be compared again.
 */
export function basedOnAfter(
  conflict: Conflict,
  basedOn: number | undefined,
  deployedVersion: number | undefined,
): number | undefined {
  const theirs = conflict.source === 'deployed' ? deployedVersion : conflict.basedOn;
  if (theirs === undefined) return basedOn;
  return basedOn === undefined ? theirs : Math.max(basedOn, theirs);
}

/** Another copy's changes merged in without asking: who saved them, and the parts they changed. */
export type Merge = { by: string; parts: string[] };

export type DraftOpening = {
  key: string;
  basedOn: number | undefined;
  tree: Tree;
  /** The revision stored in this browser (0: none), and on the server (0: none). */
  localRevision: number;
  serverRevision: number;
  /** Whether what is opened is already saved everywhere it should be. */
  saved: boolean;
  conflict?: Conflict | undefined;
  /** The browser's copy is settled (the server has it no more): removed when opened. */
  dropLocal?: boolean | undefined;
};

const SAVE_DELAY_MS = 400;
const RETRY_MS = 5000;
const PRESENCE_MS = 10_000;

const randomId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');

/**
 * Keeps the draft saved as the author types: in this browser always, and on the server when
 * one runs the site and the author is signed in. Every save is based on the revision this
 * page last saw; a refusal (another tab or person saved meanwhile) becomes a conflict for the
 * author to settle (DraftConflict), and nothing is overwritten until they do.
 */
export function useDraftSync({
  opening,
  tree,
  basedOn,
  onServer,
  onAdopt,
  onMerge,
}: {
  opening: DraftOpening;
  tree: Tree;
  basedOn: number | undefined;
  onServer: boolean;
  /** Another tab saved while this one had nothing unsaved: take its tree (and base) as it is. */
  onAdopt: (tree: Tree, basedOn: number | undefined) => void;
  /**
   * Another copy saved meanwhile changed only other parts than this page did: `merged` holds
   * both sets of changes, and is being saved based on it. The page takes it as its tree.
   */
  onMerge: (merged: Tree, basedOn: number | undefined, merge: Merge) => void;
}) {
  const { key } = opening;
  const localRevision = useRef(opening.localRevision);
  const serverRevision = useRef(opening.serverRevision);
  /** The tree last saved or read: what both sides of a conflict started from. */
  const synced = useRef<Tree>(opening.tree);
  const latest = useRef(tree);
  const basedOnNow = useRef(basedOn);
  const inFlight = useRef(false);
  /** The tree last given to a save (the pause after typing saves only a newer one). */
  const savedTree = useRef<Tree | undefined>(opening.saved ? opening.tree : undefined);
  /** What a refused save does with the other copy (raise, below). */
  const raiseRef = useRef<(other: Conflict) => void>(() => undefined);
  const again = useRef(false);
  const [state, setState] = useState<SaveState>(
    opening.conflict
      ? { kind: 'conflict' }
      : opening.saved
        ? { kind: 'idle', stored: opening.localRevision > 0 || opening.serverRevision > 0 }
        : { kind: 'saving' },
  );
  const [conflict, setConflict] = useState<Conflict | undefined>(opening.conflict);
  const conflictRef = useRef(conflict);
  // What the saves read, brought up to date after each commit (saves run outside rendering).
  useLayoutEffect(() => {
    latest.current = tree;
    basedOnNow.current = basedOn;
    conflictRef.current = conflict;
  });
  const [savedAt, setSavedAt] = useState<Date>();
  const [editors, setEditors] = useState<Editor[]>([]);

  const save = async (next: Tree): Promise<void> => {
    if (conflictRef.current) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    try {
      const local = saveDraft(
        {
          key,
          basedOn: basedOnNow.current,
          tree: next,
          serverRevision: onServer ? serverRevision.current : undefined,
          unsent: onServer || undefined,
        },
        localRevision.current,
      );
      if (!local.ok && local.reason === 'conflict') {
        if (local.current.status === 'ok') {
          const theirs = local.current.draft;
          raiseRef.current({
            source: 'tab',
            theirs: theirs.tree,
            revision: theirs.revision,
            base: synced.current,
            basedOn: theirs.basedOn,
          });
          return;
        }
        // What is stored cannot be read: this page's copy replaces it.
        deleteDraft(key);
        localRevision.current = 0;
        again.current = true;
        return;
      }
      if (local.ok) localRevision.current = local.note.revision;
      if (!onServer) {
        synced.current = next;
        setSavedAt(new Date());
        setState(local.ok ? { kind: 'saved', where: 'browser' } : { kind: 'storage-refused' });
        return;
      }
      const result = await putServerDraft(key, {
        revision: serverRevision.current,
        basedOn: basedOnNow.current ?? null,
        tree: next,
      });
      if (result.status === 'saved') {
        serverRevision.current = result.revision;
        synced.current = next;
        noteServerState(key, result.revision, false);
        setSavedAt(new Date());
        setState(local.ok ? { kind: 'saved', where: 'server' } : { kind: 'storage-refused' });
      } else if (result.status === 'conflict') {
        if (!result.current) {
          // Discarded on the server meanwhile: this copy starts it again.
          serverRevision.current = 0;
          again.current = true;
          return;
        }
        raiseRef.current({
          source: 'server',
          theirs: result.current.tree,
          by: result.current.updatedBy,
          revision: result.current.revision,
          base: synced.current,
          basedOn: result.current.basedOn ?? undefined,
        });
      } else {
        setState({ kind: 'server-refused', message: result.message });
      }
    } catch (error) {
      if (!(error instanceof OfflineError)) throw error;
      noteServerState(key, serverRevision.current, true);
      setState({ kind: 'offline' });
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void saveLatest.current(latest.current);
      }
    }
  }; // Effects and handlers call the latest save through a stable function.
  const saveLatest = useRef(save);
  useLayoutEffect(() => {
    saveLatest.current = save;
  });
  const requestSave = useCallback((next: Tree) => saveLatest.current(next), []);

  /** Their copy's revision (and base) become this page's: what the next save is based on. */
  const takeRevisionOf = useCallback(
    (settled: Conflict, newBasedOn: number | undefined) => {
      basedOnNow.current = newBasedOn;
      if (settled.source === 'tab') {
        localRevision.current = settled.revision;
        const note = storedNote(key);
        if (note?.serverRevision !== undefined) serverRevision.current = note.serverRevision;
      } else if (settled.source === 'server') {
        serverRevision.current = settled.revision;
      }
      synced.current = settled.theirs;
    },
    [key],
  );

  /**
   * Another copy was saved meanwhile. Where it and this page changed different parts since the
   * copy both started from, both sets of changes are merged and saved at once (the page is
   * told: onMerge); where a part changed on both sides, the author chooses (DraftConflict).
   */
  const raise = (other: Conflict) => {
    const merge = mergeWithoutAsking(latest.current, other.theirs, other.base);
    if (!merge) {
      conflictRef.current = other;
      setConflict(other);
      setState({ kind: 'conflict' });
      return;
    }
    const newBasedOn = basedOnAfter(other, basedOnNow.current, undefined);
    takeRevisionOf(other, newBasedOn);
    // The merged tree is what the page holds from now on: saved now (or right after a save
    // in flight), and not again by the pause after typing.
    latest.current = merge.tree;
    savedTree.current = merge.tree;
    setState({ kind: 'saving' });
    onMerge(merge.tree, newBasedOn, {
      by: other.by ?? (other.source === 'tab' ? 'Another tab' : 'Someone else'),
      parts: merge.fromTheirs.map((difference) => difference.label),
    });
    void requestSave(merge.tree);
  };
  useLayoutEffect(() => {
    raiseRef.current = raise;
  });

  // Saved as the author types, a moment after the last key: a large draft is written once a
  // pause, not once a keystroke.
  useEffect(() => {
    if (conflict || savedTree.current === tree) return;
    // The same state object when nothing changes: no second render of the page per key.
    setState((current) =>
      current.kind === 'offline' || current.kind === 'saving' ? current : { kind: 'saving' },
    );
    const timer = setTimeout(() => {
      savedTree.current = tree;
      void requestSave(tree);
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [tree, conflict, requestSave]);

  // Leaving the page (a reload, a closed tab, another address) within the pause after the
  // last key: the draft is written now. Its copy in this browser is written at once, before
  // any request, so nothing typed is lost even when the server's save cannot finish.
  useEffect(() => {
    const flush = () => {
      if (conflictRef.current || savedTree.current === latest.current) return;
      savedTree.current = latest.current;
      void requestSave(latest.current);
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [requestSave]);

  // Offline: tried again when the browser says the network is back, and every few seconds.
  useEffect(() => {
    if (state.kind !== 'offline') return;
    const retry = () => void requestSave(latest.current);
    const timer = setInterval(retry, RETRY_MS);
    window.addEventListener('online', retry);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', retry);
    };
  }, [state.kind, requestSave]);

  // Another tab of this browser saved this draft: heard at once.
  useEffect(
    () =>
      onOtherTabSave((changedKey) => {
        if (changedKey !== key || conflictRef.current) return;
        const note = storedNote(key);
        if (!note || note.revision <= localRevision.current) return;
        const read = readDraft(key);
        if (read.status !== 'ok') return;
        const unsaved = latest.current !== synced.current;
        if (!unsaved) {
          localRevision.current = read.draft.revision;
          if (note.serverRevision !== undefined && note.serverRevision > serverRevision.current)
            serverRevision.current = note.serverRevision;
          synced.current = read.draft.tree;
          savedTree.current = read.draft.tree;
          basedOnNow.current = read.draft.basedOn;
          onAdopt(read.draft.tree, read.draft.basedOn);
          return;
        }
        raiseRef.current({
          source: 'tab',
          theirs: read.draft.tree,
          revision: read.draft.revision,
          base: synced.current,
          basedOn: read.draft.basedOn,
        });
      }),
    [key, onAdopt],
  );

  // Presence: who else has this draft open, asked every few seconds while the page is open.
  useEffect(() => {
    if (!onServer) return;
    const clientId = randomId();
    let stopped = false;
    const beat = () =>
      sendPresence(key, clientId)
        .then((list) => {
          if (!stopped) setEditors(list);
        })
        .catch(() => undefined);
    void beat();
    const timer = setInterval(() => void beat(), PRESENCE_MS);
    const leave = () => leavePresence(key, clientId);
    // A page going into the back/forward cache comes back with `pageshow`: beat again then.
    const back = (event: PageTransitionEvent) => {
      if (event.persisted) void beat();
    };
    addEventListener('pagehide', leave);
    addEventListener('pageshow', back);
    return () => {
      stopped = true;
      clearInterval(timer);
      removeEventListener('pagehide', leave);
      removeEventListener('pageshow', back);
      leave();
    };
  }, [key, onServer]);

  /**
   * The author chose: `merged` is the draft now, based on the other side's revision and on
   * the published version `newBasedOn` (basedOnAfter), saved with it at once: the page's own
   * base catches up only once React has drawn it.
   */
  const resolve = useCallback(
    (merged: Tree, newBasedOn: number | undefined) => {
      const settled = conflictRef.current;
      if (!settled) return;
      takeRevisionOf(settled, newBasedOn);
      conflictRef.current = undefined;
      setConflict(undefined);
      savedTree.current = merged;
      setState({ kind: 'saving' });
      void requestSave(merged);
    },
    [takeRevisionOf, requestSave],
  );

  return {
    state,
    conflict,
    resolve,
    savedAt,
    editors,
    /** The deployed version moved on: compare with it as with another tab's save. */
    compareWith: (theirs: Tree, base?: Tree) => {
      setConflict({ source: 'deployed', theirs, revision: localRevision.current, base });
      setState({ kind: 'conflict' });
    },
  };
}
