import { afterEach, expect, test } from 'vitest';
import {
  pageShowsAddress,
  readPageState,
  serializePageState,
  type PageState,
} from './hydration-state';

function pageAt(address: string, state: PageState) {
  window.history.replaceState(null, '', address);
  const element = document.createElement('script');
  element.type = 'application/json';
  element.id = 'page-state';
  element.textContent = serializePageState(state);
  document.body.append(element);
}

afterEach(() => {
  document.getElementById('page-state')?.remove();
  window.history.replaceState(null, '', '/');
});

const tree = { queryKey: ['tree', 'big'], data: { id: 'big' }, updatedAt: 1 };

test('a step page serves only its own address', () => {
  pageAt('/big/yes', { url: '/big', queries: [tree] });
  expect(readPageState(document)).toBeUndefined();
});

test("a tree's fallback page lends its files to every step under the tree, and is never hydrated", () => {
  const state: PageState = { url: '/big', fallback: true, queries: [tree] };
  pageAt('/big/yes/no', state);
  expect(readPageState(document)).toEqual(state);
  expect(pageShowsAddress(state, '')).toBe(false);
  // Not to another tree whose id merely starts the same way.
  document.getElementById('page-state')?.remove();
  pageAt('/bigger/yes', state);
  expect(readPageState(document)).toBeUndefined();
});
