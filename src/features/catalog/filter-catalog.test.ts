import { expect, test } from 'vitest';
import { buildTreeSearch } from '../../engine/tree-search';
import { shippedTrees } from '../../testing/shipped-trees';
import { filterCatalog } from './filter-catalog';

const entries = [
  {
    id: 'q164887',
    title: 'Windows NT upgrade job runs again',
    description: 'SMS 1.2, PCM service',
    article: 'Q164887',
  },
  { id: 'printer', title: 'Printer does not print', description: 'Desk printers' },
];
const ids = (matches: { entry: { id: string } }[]) => matches.map(({ entry }) => entry.id);

test('without the index, the entries own text matches, in any case and word form', () => {
  expect(ids(filterCatalog(entries, ''))).toEqual(['q164887', 'printer']);
  expect(ids(filterCatalog(entries, 'pcm'))).toEqual(['q164887']);
  expect(ids(filterCatalog(entries, 'q1648'))).toEqual(['q164887']);
  expect(ids(filterCatalog(entries, '  PRINTING   desk '))).toEqual(['printer']);
  expect(ids(filterCatalog(entries, 'upgrades'))).toEqual(['q164887']);
});

test('with the index, matches the words of the questions, answers and results', () => {
  const tree = shippedTrees().find((candidate) => candidate.id === 'q164887');
  if (!tree) throw new Error('q164887 is not shipped');
  const listed = [{ id: tree.id, title: tree.title, description: tree.description }];
  const search = buildTreeSearch(listed, shippedTrees());
  expect(filterCatalog(listed, 'Ntencap')).toEqual([]);
  for (const word of ['PCM', 'Ntencap', 'Pcmsvc32', 'pcmsvc32.exe', '(servpack)']) {
    expect(ids(filterCatalog(listed, word, search)), word).toEqual(['q164887']);
  }
  expect(filterCatalog(listed, 'shut-down message', search)[0]?.found).toMatchObject({
    kind: 'outcome',
  });
  // A tree not in the list given is not shown.
  expect(filterCatalog([], 'Ntencap', search)).toEqual([]);
});
