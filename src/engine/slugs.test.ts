import { expect, test } from 'vitest';
import fc from 'fast-check';
import { ID_PATTERN } from './ids';
import { suggestId, toIdCharacters } from './slugs';

test('a label becomes a readable slug, unique among those taken', () => {
  expect(suggestId('Yes, SMS 1.2', [])).toBe('yes-sms-1-2');
  expect(suggestId('Crème brûlée?', [])).toBe('creme-brulee');
  expect(suggestId('Yes', ['yes', 'yes-2'])).toBe('yes-3');
  expect(suggestId('???', [], 'answer')).toBe('answer');
  expect(suggestId('The printer shows a paper jam light and a red error code on screen', [])).toBe(
    'the-printer-shows-a-paper-jam-light-and',
  );
});

test('what is typed into an id field keeps only what an id may hold, and lets a word follow', () => {
  expect(toIdCharacters('Paper Tray ')).toBe('paper-tray-');
  expect(toIdCharacters('-A_b.C')).toBe('a-b-c');
});

test('every suggestion is a valid id that is not taken', () => {
  fc.assert(
    fc.property(fc.string(), fc.array(fc.string()), (label, taken) => {
      const id = suggestId(label, taken);
      return ID_PATTERN.test(id) && !taken.includes(id);
    }),
  );
});
