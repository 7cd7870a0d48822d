// Drafts on the server (server/db/schema.ts, drafts and draft_editors).
import { and, desc, eq, gt, lt, ne, sql, type SQL } from 'drizzle-orm';
import { bringUpToDate, sameContent } from '../../src/engine/draft-merge';
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

export type SettledDrafts = { removed: string[]; rebased: string[] };

/**
 * A publish made `published` live (docs/decisions/0061-a-publish-settles-its-drafts.md): the
 * drafts of that troubleshooter it settles, in the publish's transaction. A draft that holds
 * what was published (the version number aside) is removed: the published version is where
 * the next change starts. The draft the submission came from (`source`), changed since it was
 * submitted, keeps those changes, now based on the new version (a new troubleshooter's draft
 * moves to the published one's key). Each change raises the revision, so a page with the
 * draft open is told at its next save rather than saving over it. Other drafts stay as they
 * are: they are behind, and the editor asks their authors to compare them with it.
 *
 * When the submission was brought up to date before it was published (ADR 63), `submitted` is
 * the tree as submitted: the source draft's changes since then are merged onto what was
 * published (unchanged since, it is what was published, and removed); if they conflict with
 * it, the draft stays as it is, behind, for its author to compare.
 */
export async function settleDrafts(
  db: Database,
  published: Tree,
  source: string | null | undefined,
  submitted?: Tree,
): Promise<SettledDrafts> {
  const settled: SettledDrafts = { removed: [], rebased: [] };
  const rows = await db
    .select({
      key: drafts.key,
      tree: drafts.tree,
      revision: drafts.revision,
      updatedAt: drafts.updatedAt,
      updatedBy: drafts.updatedBy,
    })
    .from(drafts)
    .where(eq(drafts.treeId, published.id));
  const treeKey = `tree:${published.id}`;
  for (const row of rows) {
    let tree = row.tree as Tree;
    let same = sameContent(tree, published);
    if (!same && row.key !== source) continue;
    if (!same && submitted) {
      const merged = bringUpToDate(tree, published, submitted);
      if (merged.conflicts.length > 0) continue;
      tree = merged.tree;
      same = sameContent(tree, published);
    }
    // Each as it was read: a save that came meanwhile goes first, and the draft stays as saved.
    const asRead = and(eq(drafts.key, row.key), eq(drafts.revision, row.revision));
    const values = {
      treeId: published.id,
      basedOn: published.version,
      tree: { ...tree, version: published.version },
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
    };
    if (row.key === treeKey) {
      if (same) {
        if (await deleteWhere(db, asRead)) settled.removed.push(row.key);
      } else {
        const [rebased] = await db
          .update(drafts)
          .set({ ...values, revision: row.revision + 1 })
          .where(asRead)
          .returning({ key: drafts.key });
        if (rebased) settled.rebased.push(row.key);
      }
      continue;
    }
    // A new troubleshooter's draft: its changes since move to the published one's key,
    // unless that has a draft of its own (then they stay where they are, based on it).
    if (!(await deleteWhere(db, asRead))) continue;
    if (same) {
      settled.removed.push(row.key);
      continue;
    }
    const [moved] = await db
      .insert(drafts)
      .values({ key: treeKey, revision: 1, ...values })
      .onConflictDoNothing()
      .returning({ key: drafts.key });
    if (!moved) {
      await db
        .insert(drafts)
        .values({ key: row.key, revision: row.revision + 1, ...values })
        .onConflictDoNothing();
    }
    settled.rebased.push(moved ? treeKey : row.key);
  }
  return settled;
}

/** Removes the draft the condition names, with its editors; whether there was one. */
async function deleteWhere(db: Database, where: SQL | undefined): Promise<boolean> {
  const [removed] = await db.delete(drafts).where(where).returning({ key: drafts.key });
  if (removed) await db.delete(draftEditors).where(eq(draftEditors.draftKey, removed.key));
  return removed !== undefined;
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

/** Who has the draft open now (a page heard from within PRESENT_MS), by email. */
export async function presentEditors(db: Database, key: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: accounts.email })
    .from(draftEditors)
    .innerJoin(accounts, eq(accounts.id, draftEditors.accountId))
    .where(
      and(
        eq(draftEditors.draftKey, key),
        gt(draftEditors.seenAt, new Date(Date.now() - PRESENT_MS)),
      ),
    );
  return rows.map((row) => row.email).sort();
}

/** The page closed: it no longer counts as editing (only its own account's page may say so). */
export async function leave(
  db: Database,
  key: string,
  clientId: string,
  accountId: number,
): Promise<void> {
  await db
    .delete(draftEditors)
    .where(
      and(
        eq(draftEditors.draftKey, key),
        eq(draftEditors.clientId, clientId),
        eq(draftEditors.accountId, accountId),
      ),
    );
}
