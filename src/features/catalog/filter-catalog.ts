import type { TreeIndexEntry } from '../../engine/tree-schema';

/** Entries whose title, description or article id contain every word typed, in any case. */
export function filterCatalog(entries: readonly TreeIndexEntry[], query: string): TreeIndexEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const text = `${entry.title} ${entry.description} ${entry.article ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
