import type { TreeIndexEntry } from '../../engine/tree-schema';
import {
  entriesSearch,
  searchTrees,
  type SearchNode,
  type TreeSearch,
} from '../../engine/tree-search';

/** A listed tree, and the step that matched when its title and description did not. */
export type CatalogMatch = { entry: TreeIndexEntry; found?: SearchNode | true };

/**
 * The entries that match a query, best first (engine/tree-search.ts): word forms, typos and
 * prefixes, in the title, description, article id or tree id, or inside the tree, with the
 * search index (trees/search.json) once it is in; before that, these entries' own text.
 */
export function filterCatalog(
  entries: readonly TreeIndexEntry[],
  query: string,
  search?: TreeSearch | null,
): CatalogMatch[] {
  if (query.trim() === '') return entries.map((entry) => ({ entry }));
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return searchTrees(search ?? entriesSearch(entries), query).flatMap(({ id, found }) => {
    const entry = byId.get(id);
    return entry ? [{ entry, ...(found ? { found } : {}) }] : [];
  });
}
