import { suggestId } from '../../engine/slugs';
import { newTree } from '../../engine/tree-edits';
import type { Tree } from '../../engine/tree-schema';
import type { ReadDraft } from './draft-store';
import type { ServerDraft } from './server-drafts';
import type { DraftOpening } from './use-draft-sync';

/**
 * What the editor opens for a draft key: the copy in this browser, the one on the server, or
 * the deployed tree (a new troubleshooter when there is none), and whether the browser's copy
 * has changes the server has not seen: sent at once when the server's copy is the one they
 * were based on, shown side by side with it when someone saved it meanwhile.
 */
export function openDraft({
  key,
  deployed,
  local,
  server,
  idsInUse,
}: {
  key: string;
  deployed: Tree | undefined;
  local: ReadDraft;
  /** The server's copy; null when it has none; undefined without a server (or offline). */
  server: ServerDraft | null | undefined;
  idsInUse: Iterable<string>;
}): DraftOpening {
  const stored = local.status === 'ok' ? local.draft : undefined;
  const fresh = deployed ?? newTree(suggestId('new troubleshooter', idsInUse));
  const start = {
    key,
    basedOn: deployed?.version,
    tree: fresh,
    localRevision: stored?.revision ?? 0,
    serverRevision: 0,
    saved: true,
  };
  if (server === undefined) {
    return stored
      ? {
          ...start,
          basedOn: stored.basedOn,
          tree: stored.tree,
          serverRevision: stored.serverRevision ?? 0,
        }
      : start;
  }
  if (!server) {
    // Nothing on the server: the browser's copy (if any) is sent as the first revision.
    return stored ? { ...start, basedOn: stored.basedOn, tree: stored.tree, saved: false } : start;
  }
  const fromServer = {
    ...start,
    basedOn: server.basedOn ?? undefined,
    tree: server.tree,
    serverRevision: server.revision,
    saved: true,
  };
  if (!stored?.unsent) return fromServer;
  if (stored.serverRevision === server.revision) {
    return {
      ...start,
      basedOn: stored.basedOn,
      tree: stored.tree,
      serverRevision: server.revision,
      saved: false,
    };
  }
  return {
    ...start,
    basedOn: stored.basedOn,
    tree: stored.tree,
    serverRevision: stored.serverRevision ?? 0,
    saved: false,
    conflict: {
      source: 'server',
      theirs: server.tree,
      by: server.updatedBy,
      revision: server.revision,
    },
  };
}
