import { expect, test } from 'vitest';
import { catalogPage, catalogPages, pageLinks } from './catalog-pages';

const entries = Array.from({ length: 7 }, (_, index) => ({
  id: `tree-${index + 1}`,
  title: `Tree ${index + 1}`,
  description: 'A tree.',
}));
const ids = (page: { trees: { id: string }[] } | undefined) => page?.trees.map((tree) => tree.id);

test('splits the list into pages of the given size, the last one shorter', () => {
  expect(
    catalogPages(entries, 3).map(({ page, pages, total, first }) => [page, pages, total, first]),
  ).toEqual([
    [1, 3, 7, 0],
    [2, 3, 7, 3],
    [3, 3, 7, 6],
  ]);
  expect(ids(catalogPage(entries, 2, 3))).toEqual(['tree-4', 'tree-5', 'tree-6']);
  expect(ids(catalogPage(entries, 3, 3))).toEqual(['tree-7']);
});

test('has no page before the first, after the last, or between two', () => {
  for (const page of [0, -1, 4, 1.5, Number.NaN]) {
    expect(catalogPage(entries, page, 3), `${page}`).toBeUndefined();
  }
});

test('an empty list still has its first page, saying so', () => {
  expect(catalogPages([], 3)).toEqual([{ page: 1, pages: 1, total: 0, first: 0, trees: [] }]);
});

test('the default size keeps a short list on one page', () => {
  expect(catalogPages(entries)).toHaveLength(1);
});

test('links the first, last and neighbouring pages, with gaps for what is left out', () => {
  expect(pageLinks(1, 1)).toEqual([1]);
  expect(pageLinks(1, 3)).toEqual([1, 2, 3]);
  expect(pageLinks(1, 20)).toEqual([1, 2, 3, 'gap', 20]);
  expect(pageLinks(10, 20)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 20]);
  // A single missing number is linked rather than replaced by a gap.
  expect(pageLinks(4, 20)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 20]);
  expect(pageLinks(20, 20)).toEqual([1, 'gap', 18, 19, 20]);
});
