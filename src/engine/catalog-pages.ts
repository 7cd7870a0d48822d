import type { TreeIndexEntry } from './tree-schema';

/**
 * The list of troubleshooters a page at a time (docs/decisions/0019-list-in-pages.md): the
 * build writes each page as HTML and as trees/list/<n>.json, so that no page carries the
 * whole list, however many trees there are.
 */

/** Entries on one page of the list, unless the build is told otherwise (LIST_PAGE_SIZE). */
export const LIST_PAGE_SIZE = 50;

export type CatalogPage = {
  /** Which page this is, from 1. */
  page: number;
  /** How many pages the list has (at least 1, even with no trees). */
  pages: number;
  /** How many trees are listed on all pages together. */
  total: number;
  /** The position in the whole list of this page's first entry, from 0. */
  first: number;
  trees: TreeIndexEntry[];
};

/** Page `page` (from 1) of the list, or undefined when the list has no such page. */
export function catalogPage(
  entries: readonly TreeIndexEntry[],
  page: number,
  size = LIST_PAGE_SIZE,
): CatalogPage | undefined {
  const pages = Math.max(1, Math.ceil(entries.length / size));
  if (!Number.isInteger(page) || page < 1 || page > pages) return undefined;
  const first = (page - 1) * size;
  return { page, pages, total: entries.length, first, trees: entries.slice(first, first + size) };
}

/** Every page of the list, in order: what the build writes. */
export function catalogPages(
  entries: readonly TreeIndexEntry[],
  size = LIST_PAGE_SIZE,
): CatalogPage[] {
  const pages: CatalogPage[] = [];
  for (let page = 1; ; page += 1) {
    const found = catalogPage(entries, page, size);
    if (!found) return pages;
    pages.push(found);
  }
}

/**
 * The page numbers a list's navigation links to: the first and last, and the two either
 * side of the current one; `gap` where numbers are left out. Enough to reach any page in a
 * few steps without JavaScript, and short enough for a 320 px screen.
 */
export function pageLinks(current: number, pages: number): (number | 'gap')[] {
  const wanted = new Set([1, pages]);
  for (let page = current - 2; page <= current + 2; page += 1) {
    if (page >= 1 && page <= pages) wanted.add(page);
  }
  const sorted = [...wanted].sort((a, b) => a - b);
  return sorted.flatMap((page, index) => {
    const previous = sorted[index - 1];
    if (previous === undefined || page === previous + 1) return [page];
    // One missing number is shown as itself: a gap would take as much room.
    return page === previous + 2 ? [previous + 1, page] : ['gap' as const, page];
  });
}
