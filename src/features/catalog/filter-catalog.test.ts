import { expect, test } from 'vitest';
import { treeSearchEntry } from '../../engine/tree-search';
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

test('matches every word typed in the title, description or article id, in any case', () => {
  expect(ids(filterCatalog(entries, ''))).toEqual(['q164887', 'printer']);
  expect(ids(filterCatalog(entries, 'pcm'))).toEqual(['q164887']);
  expect(ids(filterCatalog(entries, 'q1648'))).toEqual(['q164887']);
  expect(ids(filterCatalog(entries, '  PRINT   desk '))).toEqual(['printer']);
  expect(filterCatalog(entries, 'print sms')).toEqual([]);
});

test('with the search file, matches the words of the questions, answers and results', () => {
  const search = { trees: shippedTrees().map(treeSearchEntry) };
  const tree = shippedTrees().find((candidate) => candidate.id === 'q164887');
  if (!tree) throw new Error('q164887 is not shipped');
  const listed = [{ id: tree.id, title: tree.title, description: tree.description }];
  // Without the search file only the title and description count.
  expect(filterCatalog(listed, 'Ntencap')).toEqual([]);
  for (const word of ['PCM', 'Ntencap', 'Pcmsvc32', 'pcmsvc32.exe', '(servpack)']) {
    expect(ids(filterCatalog(listed, word, search)), word).toEqual(['q164887']);
  }
  expect(filterCatalog(listed, 'Pcmsvc32 programs services', search)[0]?.found).toMatchObject({
    kind: 'question',
    text: 'Does Package Command Manager run on the client as a Windows NT service?',
  });
  expect(filterCatalog(listed, 'shut-down message', search)[0]?.found).toMatchObject({
    kind: 'outcome',
  });
  // Words from two different steps still find the tree, with no one step to name.
  expect(filterCatalog(listed, 'pcmsvc32 servpack', search)[0]?.found).toBe(true);
  expect(filterCatalog(listed, 'ntencap printer', search)).toEqual([]);
  // A title match needs no step.
  expect(filterCatalog(listed, 'windows', search)[0]?.found).toBeUndefined();
});
