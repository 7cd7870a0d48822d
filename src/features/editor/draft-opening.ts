import { sameContent } from '../../engine/draft-merge';
import { suggestId } from '../../engine/slugs';
import { newTree } from '../../engine/tree-edits';
import type { Tree } from '../../engine/tree-schema';
import type { ReadDraft } from './draft-store';
import type { ServerDraft } from './server-drafts';
import type { DraftOpening } from './use-draft-sync';

/** What a draft is opened from. */
type DraftSources = {
  key: string;
  deployed: Tree | undefined;
  local: ReadDraft;
  /** The server's copy; null when it has none; undefined without a server (or offline). */
  server: ServerDraft | null | undefined;
  idsInUse: Iterable<string>;
};

/**
 * What the editor opens for a draft key: the copy in this browser, the one on the server, or
 * the deployed tree (a new troubleshooter when there is none), and whether the browser's copy
 * has changes the server has not seen: sent at once when the server's copy is the one they
 * were based on, shown side by side with it when someone saved it meanwhile.
 */
export function openDraft(options: DraftSources): DraftOpening {
  return settledWith(options.deployed, readOpening(options));
}

/**
 * A draft that holds the deployed version's content (the version number aside) is that
 * version, whatever it started from: opened as based on it, so that it is not shown as behind
 * (docs/decisions/0061-a-publish-settles-its-drafts.md). Its next save says so to the server.
 */
function settledWith(deployed: Tree | undefined, opening: DraftOpening): DraftOpening {
  if (
    !deployed ||
    opening.conflict ||
    opening.basedOn === undefined ||
    opening.basedOn >= deployed.version ||
    !sameContent(opening.tree, deployed)
  ) {
    return opening;
  }
  return { ...opening, basedOn: deployed.version, tree: deployed };
}

function readOpening({ key, deployed, local, server, idsInUse }: DraftSources): DraftOpening {
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
    // The server had this copy and has none now: it was published (or discarded) since, and
    // the deployed version is where the next change starts. The browser's copy goes too.
    if (stored && !stored.unsent && (stored.serverRevision ?? 0) > 0) {
      return { ...start, localRevision: 0, dropLocal: true };
    }
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
      basedOn: server.basedOn ?? undefined,
    },
  };
}
