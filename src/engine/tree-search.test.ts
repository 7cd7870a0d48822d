import { expect, test } from 'vitest';
import { shippedTrees } from '../testing/shipped-trees';
import { buildTreeSearch, loadTreeSearch, searchTrees } from './tree-search';

const entries = [
  ...shippedTrees().map((tree) => ({
    id: tree.id,
    title: tree.title,
    description: tree.description,
    article: tree.article?.id,
  })),
  { id: 'printer', title: 'Printer does not print', description: 'Desk printers stop printing' },
];
const search = buildTreeSearch(entries, shippedTrees());
const first = (query: string) => searchTrees(search, query)[0]?.id;

test('word forms, typos, prefixes and joined versions find the tree', () => {
  for (const query of ['failing', 'upgarde', 'SMS1.2', 'sms 1.2', 'NT4', 'ntenc', 'repeating']) {
    expect(first(query), query).toBe('q164887');
  }
  expect(first('printing')).toBe('printer');
  expect(searchTrees(search, 'zzzz')).toEqual([]);
  expect(searchTrees(search, '  ')).toEqual([]);
});

test('a tree that has every word comes before one with only some', () => {
  expect(searchTrees(search, 'desk ntencap').map(({ id }) => id)).toEqual(['printer', 'q164887']);
  expect(searchTrees(search, 'ntencap pcmsvc32').map(({ id }) => id)).toEqual(['q164887']);
});

test('says which step matched, and the index survives its file', () => {
  const loaded = loadTreeSearch(JSON.parse(JSON.stringify(search)));
  expect(searchTrees(loaded, 'pcmsvc32.exe')[0]?.found).toMatchObject({
    kind: 'question',
    text: 'Does Package Command Manager run on the client as a Windows NT service?',
  });
  expect(searchTrees(loaded, 'windows')[0]?.found).toBeUndefined();
  expect(searchTrees(loaded, 'pcmsvc32 servpack')[0]?.found).toBe(true);
});
