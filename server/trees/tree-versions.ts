// Published troubleshooters: one row per version (server/db/schema.ts, tree_versions).
import { asc, sql } from 'drizzle-orm';
import type { Tree } from '../../src/engine/tree-schema';
import type { Database } from '../db/database';
import { treeVersions } from '../db/schema';

export type TreeVersion = { treeId: string; version: number; tree: Tree };

/**
 * Every published version, in the order the trees were first published (the list's order),
 * then by version: the highest version of each tree is the one the site serves.
 */
export async function allTreeVersions(db: Database): Promise<TreeVersion[]> {
  const firstPublished = sql<number>`min(${treeVersions.id}) over (partition by ${treeVersions.treeId})`;
  const rows = await db
    .select({
      treeId: treeVersions.treeId,
      version: treeVersions.version,
      tree: treeVersions.tree,
      firstPublished,
    })
    .from(treeVersions)
    .orderBy(asc(firstPublished), asc(treeVersions.version));
  return rows.map(({ treeId, version, tree }) => ({ treeId, version, tree: tree as Tree }));
}

/** The served version of each tree, in the list's order. */
export function currentVersions(versions: TreeVersion[]): TreeVersion[] {
  const current = new Map<string, TreeVersion>();
  for (const entry of versions) current.set(entry.treeId, entry);
  return [...current.values()];
}
