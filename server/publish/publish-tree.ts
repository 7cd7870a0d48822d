// Publishing one tree (docs/decisions/0030-review-and-publish.md): checked by the engine's
// one rulebook, rendered into a new generation folder, then made live in one transaction that
// adds the tree version, the generation row, the submission's new status, the drafts it settles
// and the audit entry, and notifies every server process.
import { asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { TreeProblem } from '../../src/engine/graph-checks';
import type { Tree } from '../../src/engine/tree-schema';
import { checkIndexEntry, validateTreeFile } from '../../src/engine/validate-tree';
import { recordAudit, type Actor } from '../audit/audit-log';
import { notify, type Database } from '../db/database';
import { settleDrafts } from '../drafts/drafts-store';
import { siteGenerations, submissions, treeVersions } from '../db/schema';
import type { TreeVersion } from '../trees/tree-versions';

export const SITE_PUBLISHED = 'site_published';
// Publishes commit one at a time across every process on the database.
const PUBLISH_LOCK = 164889;

export type Generation = { id: number; key: string; treeVersionsUpTo: number };

/** The live generation: the newest row (null: the site is the build, nothing published yet). */
export async function liveGeneration(db: Database): Promise<Generation | null> {
  const [row] = await db
    .select({
      id: siteGenerations.id,
      key: siteGenerations.key,
      treeVersionsUpTo: siteGenerations.treeVersionsUpTo,
    })
    .from(siteGenerations)
    .orderBy(desc(siteGenerations.id))
    .limit(1);
  return row ?? null;
}

/**
 * Every version published up to a tree_versions id (all of them without one), in the list's
 * order (trees by their first publish), then by version.
 */
export async function versionsUpTo(db: Database, upTo?: number): Promise<TreeVersion[]> {
  const firstPublished = sql<number>`min(${treeVersions.id}) over (partition by ${treeVersions.treeId})`;
  const rows = await db
    .select({
      treeId: treeVersions.treeId,
      version: treeVersions.version,
      tree: treeVersions.tree,
      firstPublished,
    })
    .from(treeVersions)
    .where(upTo === undefined ? undefined : lte(treeVersions.id, upTo))
    .orderBy(asc(firstPublished), asc(treeVersions.version));
  return rows.map(({ treeId, version, tree }) => ({ treeId, version, tree: tree as Tree }));
}

/** The published version of one tree a publish builds on (null for a new troubleshooter). */
export async function currentVersion(db: Database, treeId: string) {
  const [row] = await db
    .select({ id: treeVersions.id, version: treeVersions.version, tree: treeVersions.tree })
    .from(treeVersions)
    .where(eq(treeVersions.treeId, treeId))
    .orderBy(desc(treeVersions.version))
    .limit(1);
  return row ? { id: row.id, version: row.version, tree: row.tree as Tree } : null;
}

/** The rulebook's verdict on a tree about to be published as the next version. */
export function checkForPublishing(tree: unknown, position: number): TreeProblem[] {
  const id = typeof tree === 'object' && tree && 'id' in tree ? String((tree as Tree).id) : 'tree';
  const result = validateTreeFile(`trees/${id}.json`, tree);
  if (!result.ok) return [...result.problems];
  const entry = {
    id: result.value.id,
    title: result.value.title,
    description: result.value.description,
    ...(result.value.article ? { article: result.value.article.id } : {}),
  };
  return [...checkIndexEntry(entry, position, result.value)];
}

/** Another version went live since the tree to publish was made from the live one. */
export class PublishOutdated extends Error {
  constructor(readonly live: number | null) {
    super(`Version ${live ?? 0} went live since this was shown.`);
  }
}

export class PublishRefused extends Error {
  constructor(
    message: string,
    readonly problems: readonly TreeProblem[] = [],
  ) {
    super(message);
  }
}

/** What one publish commits, besides the tree version and the generation. */
export type PublishRecord = {
  actor: NonNullable<Actor>;
  summary: string;
  submissionId?: number;
  /** The editor's draft the submission came from, settled by the publish (ADR 61). */
  draftKey?: string | null;
  /**
   * The tree as it was submitted, when `tree` is it brought up to date with a later version
   * (ADR 63): the draft it came from is settled against it.
   */
  submitted?: Tree;
  /**
   * The live version the tree was made from and shown against (null: none yet). Given, the
   * publish is refused (PublishOutdated) when another version went live since, rather than
   * published over it; the commit checks it in its transaction.
   */
  liveVersion?: number | null;
  restoredFrom?: number;
};

/**
 * The commit of a publish: fails (and commits nothing) when another publish went live since
 * the render started from `basedOn`, so that no generation ever drops another's change.
 */
export async function commitPublish(
  db: Database,
  options: {
    tree: Tree;
    key: string;
    basedOn: { generation: number | null; version: number | null };
    record: PublishRecord;
  },
): Promise<{ generation: number } | 'outdated'> {
  const { tree, key, basedOn, record } = options;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PUBLISH_LOCK})`);
    const live = await liveGeneration(tx);
    const current = await currentVersion(tx, tree.id);
    if ((live?.id ?? null) !== basedOn.generation || (current?.version ?? null) !== basedOn.version)
      return 'outdated';
    const [added] = await tx
      .insert(treeVersions)
      .values({
        treeId: tree.id,
        version: tree.version,
        tree,
        publishedBy: record.actor.id,
        publishedByEmail: record.actor.email,
        summary: record.summary,
      })
      .returning({ id: treeVersions.id });
    if (!added) throw new Error('publish: no tree version added');
    const [generation] = await tx
      .insert(siteGenerations)
      .values({ key, treeVersionsUpTo: added.id, treeId: tree.id, version: tree.version })
      .returning({ id: siteGenerations.id });
    if (!generation) throw new Error('publish: no generation added');
    // The drafts whose content is now live are settled with it (ADR 61).
    const drafts = await settleDrafts(tx, tree, record.draftKey, record.submitted);
    if (record.submissionId !== undefined) {
      await tx
        .update(submissions)
        .set({
          status: 'published',
          reviewedAt: new Date(),
          reviewerEmail: record.actor.email,
          publishedVersion: tree.version,
        })
        .where(eq(submissions.id, record.submissionId));
    }
    await recordAudit(tx, {
      actor: record.actor,
      action: record.restoredFrom === undefined ? 'tree.published' : 'tree.restored',
      subject: tree.id,
      details: {
        version: tree.version,
        summary: record.summary,
        ...(record.submissionId !== undefined ? { submission: record.submissionId } : {}),
        ...(record.restoredFrom !== undefined ? { restoredFrom: record.restoredFrom } : {}),
        ...(drafts.removed.length > 0 ? { draftsRemoved: drafts.removed } : {}),
        ...(drafts.rebased.length > 0 ? { draftsRebased: drafts.rebased } : {}),
      },
    });
    // Delivered on commit: every process switches to the new folder (making it first when
    // it is on another disk).
    await notify(tx, SITE_PUBLISHED, key);
    return { generation: generation.id };
  });
}
