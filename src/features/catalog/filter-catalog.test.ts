import { expect, test } from 'vitest';
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

test('matches every word typed in the title, description or article id, in any case', () => {
  expect(filterCatalog(entries, '').map((entry) => entry.id)).toEqual(['q164887', 'printer']);
  expect(filterCatalog(entries, 'pcm').map((entry) => entry.id)).toEqual(['q164887']);
  expect(filterCatalog(entries, 'q1648').map((entry) => entry.id)).toEqual(['q164887']);
  expect(filterCatalog(entries, '  PRINT   desk ').map((entry) => entry.id)).toEqual(['printer']);
  expect(filterCatalog(entries, 'print sms')).toEqual([]);
});
