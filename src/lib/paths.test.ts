import { expect, test } from 'vitest';
import { parseListPage, parseMapPart, parseVersion, paths } from './paths';

test('the pages of the list: the home page first, then /list/<n>', () => {
  expect(paths.list.getHref(1)).toBe('/');
  expect(paths.list.getHref(2)).toBe('/list/2');
  expect(paths.list.getHref(12)).toBe('/list/12');
});

test('reads the page of the list an address shows, and nothing else', () => {
  expect(parseListPage(undefined)).toBe(1);
  expect(parseListPage('1')).toBe(1);
  expect(parseListPage('12')).toBe(12);
  for (const param of ['0', '02', '-1', '1.5', 'next', '', '9999999999']) {
    expect(parseListPage(param), param).toBeUndefined();
  }
});

test('the parts of a map’s list: the map’s page first, then /map/<tree>/part/<n>', () => {
  expect(paths.mapPart.getHref('q1', 1)).toBe('/map/q1');
  expect(paths.mapPart.getHref('q1', 3)).toBe('/map/q1/part/3');
  expect(parseMapPart(undefined)).toBe(1);
  expect(parseMapPart('2')).toBe(2);
  expect(parseMapPart('12')).toBe(12);
  // The first part has one address, the map's own.
  for (const param of ['1', '0', '02', '-1', '1.5', 'next', '', '9999999999']) {
    expect(parseMapPart(param), param).toBeUndefined();
  }
});

test('an absurd version in a link is no version: the link is read as the current one', () => {
  expect(parseVersion('?v=99999999999999999999')).toBeUndefined();
  expect(parseVersion('?v=9007199254740992')).toBeUndefined();
  expect(parseVersion('?v=9007199254740991')).toBe(9007199254740991);
  expect(parseVersion('?v=2')).toBe(2);
});
