import type { TreeIndexEntry } from '../../engine/tree-schema';
import {
  findInTree,
  searchWords,
  type SearchNode,
  type TreeSearchFile,
} from '../../engine/tree-search';

/** A listed tree, and the step that matched when its title and description did not. */
export type CatalogMatch = { entry: TreeIndexEntry; found?: SearchNode | true };

/**
 * Entries with every word typed, in any case, in the title, description or article id,
 * or else inside the tree: its questions, answers and results (trees/search.json, once
 * fetched).
 */
export function filterCatalog(
  entries: readonly TreeIndexEntry[],
  query: string,
  search?: TreeSearchFile,
): CatalogMatch[] {
  const words = searchWords(query);
  if (words.length === 0) return entries.map((entry) => ({ entry }));
  // By id: a list of a thousand trees would otherwise be searched a thousand times.
  const byId = new Map(search?.trees.map((tree) => [tree.id, tree]));
  return entries.flatMap((entry) => {
    const text = `${entry.title} ${entry.description} ${entry.article ?? ''}`.toLowerCase();
    if (words.every((word) => text.includes(word))) return [{ entry }];
    const inTree = byId.get(entry.id);
    const found = inTree && findInTree(inTree, words);
    return found ? [{ entry, found }] : [];
  });
}
