// Drafts on the server (server/db/schema.ts, drafts and draft_editors).
import { and, desc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Tree } from '../../src/engine/tree-schema';
import type { Database } from '../db/database';
import { accounts, draftEditors, drafts, treeVersions } from '../db/schema';

export type ServerDraft = {
  key: string;
  treeId: string;
  basedOn: number | null;
  revision: number;
  tree: Tree;
  updatedAt: string;
  updatedBy: string | null;
};

const columns = {
  key: drafts.key,
  treeId: drafts.treeId,
  basedOn: drafts.basedOn,
  revision: drafts.revision,
  tree: drafts.tree,
  updatedAt: drafts.updatedAt,
  updatedBy: accounts.email,
};

type Row = {
  key: string;
  treeId: string;
  basedOn: number | null;
  revision: number;
  tree: unknown;
  updatedAt: Date;
  updatedBy: string | null;
};

const toDraft = (row: Row): ServerDraft => ({
  ...row,
  tree: row.tree as Tree,
  updatedAt: row.updatedAt.toISOString(),
});

export async function readServerDraft(db: Database, key: string): Promise<ServerDraft | undefined> {
  const [row] = await db
    .select(columns)
    .from(drafts)
    .leftJoin(accounts, eq(accounts.id, drafts.updatedBy))
    .where(eq(drafts.key, key));
  return row ? toDraft(row) : undefined;
}

/** Every draft without its tree (for the list and the ids in use), the latest first. */
export async function listServerDrafts(db: Database) {
  const rows = await db
    .select({
      key: drafts.key,
      treeId: drafts.treeId,
      title: sql<string>`coalesce(${drafts.tree}->>'title', '')`,
      basedOn: drafts.basedOn,
      revision: drafts.revision,
      updatedAt: drafts.updatedAt,
      updatedBy: accounts.email,
    })
    .from(drafts)
    .leftJoin(accounts, eq(accounts.id, drafts.updatedBy))
    .orderBy(desc(drafts.updatedAt));
  return rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() }));
}

/**
 * What else uses this id, if anything: a published troubleshooter (other than the one this
 * draft changes) or another draft.
 */
export async function idInUse(
  db: Database,
  key: string,
  treeId: string,
): Promise<'published' | 'drafted' | undefined> {
  const ownPublished = key.startsWith('tree:') ? key.slice(5) : undefined;
  if (treeId !== ownPublished) {
    const [published] = await db
      .select({ id: treeVersions.id })
      .from(treeVersions)
      .where(eq(treeVersions.treeId, treeId))
      .limit(1);
    if (published) return 'published';
  }
  const [drafted] = await db
    .select({ key: drafts.key })
    .from(drafts)
    .where(and(eq(drafts.treeId, treeId), ne(drafts.key, key)))
    .limit(1);
  return drafted ? 'drafted' : undefined;
}

export type SaveResult =
  | { saved: true; revision: number; updatedAt: string }
  | { saved: false; current: ServerDraft | undefined };

/**
 * Saves a draft if the one stored is still at `revision` (0: none stored yet), as one
 * statement each, so that of two saves based on the same revision exactly one wins.
 */
export async function saveServerDraft(
  db: Database,
  draft: { key: string; revision: number; basedOn: number | null; tree: Tree },
  accountId: number,
): Promise<SaveResult> {
  const values = {
    treeId: draft.tree.id,
    basedOn: draft.basedOn,
    tree: draft.tree,
    updatedBy: accountId,
    updatedAt: new Date(),
  };
  const [row] =
    draft.revision === 0
      ? await db
          .insert(drafts)
          .values({ key: draft.key, revision: 1, ...values })
          .onConflictDoNothing()
          .returning({ revision: drafts.revision, updatedAt: drafts.updatedAt })
      : await db
          .update(drafts)
          .set({ ...values, revision: draft.revision + 1 })
          .where(and(eq(drafts.key, draft.key), eq(drafts.revision, draft.revision)))
          .returning({ revision: drafts.revision, updatedAt: drafts.updatedAt });
  if (row) return { saved: true, revision: row.revision, updatedAt: row.updatedAt.toISOString() };
  return { saved: false, current: await readServerDraft(db, draft.key) };
}

export async function deleteServerDraft(db: Database, key: string): Promise<boolean> {
  const removed = await db.delete(drafts).where(eq(drafts.key, key)).returning({ key: drafts.key });
  await db.delete(draftEditors).where(eq(draftEditors.draftKey, key));
  return removed.length > 0;
}

/** A page open on a draft says so; stale pages (closed without a word) drop out. */
const STALE_MS = 60_000;
/** Shown as editing: a page heard from within this time (pages call every 10 s). */
const PRESENT_MS = 30_000;

/** Records that this page has the draft open; returns the other pages that have it open. */
export async function heartbeat(
  db: Database,
  key: string,
  clientId: string,
  accountId: number,
): Promise<{ email: string; you: boolean }[]> {
  const now = new Date();
  await db.delete(draftEditors).where(lt(draftEditors.seenAt, new Date(now.getTime() - STALE_MS)));
  await db
    .insert(draftEditors)
    .values({ draftKey: key, clientId, accountId, seenAt: now })
    .onConflictDoUpdate({
      target: [draftEditors.draftKey, draftEditors.clientId],
      set: { seenAt: now, accountId },
    });
  const rows = await db
    .select({ email: accounts.email, accountId: draftEditors.accountId })
    .from(draftEditors)
    .innerJoin(accounts, eq(accounts.id, draftEditors.accountId))
    .where(
      and(
        eq(draftEditors.draftKey, key),
        ne(draftEditors.clientId, clientId),
        gt(draftEditors.seenAt, new Date(now.getTime() - PRESENT_MS)),
      ),
    );
  return rows.map((row) => ({ email: row.email, you: row.accountId === accountId }));
}

/** The page closed: it no longer counts as editing. */
export async function leave(db: Database, key: string, clientId: string): Promise<void> {
  await db
    .delete(draftEditors)
    .where(and(eq(draftEditors.draftKey, key), eq(draftEditors.clientId, clientId)));
}
