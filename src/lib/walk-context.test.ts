import { expect, test } from 'vitest';
import { parseWalkContext, withoutWalkContext, withWalkContext } from './walk-context';

test('the ticket and client come from the address; anything else is dropped', () => {
  expect(parseWalkContext('?ticket=INC0012345&client=WS-0042&v=1')).toEqual({
    ticket: 'INC0012345',
    client: 'WS-0042',
  });
  expect(parseWalkContext('?ticket=%3Cscript%3E&client=')).toEqual({});
  expect(parseWalkContext(`?ticket=${'1'.repeat(65)}`)).toEqual({});
  expect(parseWalkContext('?client=pc.acme.example')).toEqual({ client: 'pc.acme.example' });
});

test('links carry the context; shared links do not', () => {
  const context = { ticket: 'INC0012345', client: 'WS-0042' };
  expect(withWalkContext('/q164887/sms-1-2?v=1&was=a/b', context)).toBe(
    '/q164887/sms-1-2?v=1&was=a/b&ticket=INC0012345&client=WS-0042',
  );
  expect(withWalkContext('/q164887', {})).toBe('/q164887');
  expect(
    withoutWalkContext('https://x.example/q164887/sms-1-2?v=1&ticket=INC0012345&client=WS-0042'),
  ).toBe('https://x.example/q164887/sms-1-2?v=1');
});
