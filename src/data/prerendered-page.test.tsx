import { screen, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, expect, test, vi } from 'vitest';
import { cutStepExcerpt } from '../engine/step-excerpt';
import { saveProgress } from '../features/wizard/saved-progress';
import { answerList, renderApp } from '../testing/render-app';
import { shippedTrees } from '../testing/shipped-trees';
import {
  keepsPageWithoutApp,
  pageShowsAddress,
  pageStateElement,
  pageStateFor,
  prefetchExcerptedTrees,
  readPageState,
  stepExcerptQueryKey,
  takeInPageFiles,
  type PageState,
} from './prerendered-page';
import { treeQueryOptions } from './tree-query';
import type { DataRouter } from 'react-router';
import { ChunkLoadError } from '../lib/chunk';
import { FileNotFoundError } from '../lib/fetch-public-file';

/**
 * The contract of a prerendered page (prerendered-page.ts): what it carries, how the
 * browser takes it over, and when it does not. The prerender tests check the pages the
 * build writes against it; the browser tests (e2e/prerendered.spec.ts) the hydration.
 */

/* eslint-disable testing-library/no-node-access -- the page state is an element of the
   document the app starts in, not part of a rendered screen */
function pageAt(address: string, state: PageState) {
  window.history.replaceState(null, '', address);
  document.body.insertAdjacentHTML('beforeend', pageStateElement(state));
}

afterEach(() => {
  document.getElementById('page-state')?.remove();
  window.history.replaceState(null, '', '/');
});

const tree = shippedTrees().find((candidate) => candidate.id === 'q164887');
if (!tree) throw new Error('q164887 is not shipped');

const withTree = () => {
  const client = new QueryClient();
  client.setQueryData(treeQueryOptions('big').queryKey, { ...tree, id: 'big' });
  return pageStateFor(client, { url: '/big' });
};

test('a page carries the cache it was rendered from, and the browser takes it in as it was', () => {
  const client = new QueryClient();
  const excerpt = cutStepExcerpt(tree, ['sms-1-2']);
  client.setQueryData(stepExcerptQueryKey(tree.id, ['sms-1-2']), excerpt);
  // Nothing in the files can close the script element early.
  client.setQueryData(['note'], '</script><!-- \u2028');
  const state = pageStateFor(client, { url: '/q164887/sms-1-2', treeVersion: tree.version });
  pageAt('/q164887/sms-1-2', state);
  expect(document.querySelectorAll('script')).toHaveLength(1);

  const read = readPageState(document);
  expect(read).toEqual(JSON.parse(JSON.stringify(state)));
  const browser = new QueryClient();
  takeInPageFiles(browser, read);
  expect(browser.getQueryData(stepExcerptQueryKey(tree.id, ['sms-1-2']))).toEqual(excerpt);
  expect(browser.getQueryData(['note'])).toBe('</script><!-- \u2028');
});

test('a step page serves only its own address; a folder with a slash is the same page', () => {
  pageAt('/big/yes', withTree());
  expect(readPageState(document)).toBeUndefined();
  document.getElementById('page-state')?.remove();
  pageAt('/big/', withTree());
  expect(readPageState(document)).toBeDefined();
});

test('a damaged page state is ignored: the page is rendered afresh', () => {
  window.history.replaceState(null, '', '/big');
  document.body.insertAdjacentHTML(
    'beforeend',
    '<script type="application/json" id="page-state">{"url":</script>',
  );
  expect(readPageState(document)).toBeUndefined();
});

test("a tree's fallback page lends its files to every step under the tree, and is never hydrated", () => {
  const state: PageState = { ...withTree(), fallback: true };
  pageAt('/big/yes/no', state);
  expect(readPageState(document)).toEqual(state);
  expect(pageShowsAddress(state, '')).toBe(false);
  // Not to another tree whose id merely starts the same way.
  document.getElementById('page-state')?.remove();
  pageAt('/bigger/yes', state);
  expect(readPageState(document)).toBeUndefined();
});

test('a page is hydrated for its own version, not for another one nor after a Change link', () => {
  const state: PageState = { url: '/big/yes', treeVersion: 2 };
  expect(pageShowsAddress(state, '')).toBe(true);
  expect(pageShowsAddress(state, '?v=2')).toBe(true);
  expect(pageShowsAddress(state, '?v=1')).toBe(false);
  expect(pageShowsAddress(state, '?v=2&was=yes/no')).toBe(false);
});

const seedExcerpt = (trail: string[]) => (queryClient: QueryClient) => {
  queryClient.setQueryData(stepExcerptQueryKey(tree.id, trail), cutStepExcerpt(tree, trail));
};

const treeFetches = () =>
  vi.mocked(fetch).mock.calls.filter(([url]) => String(url).endsWith('trees/q164887.json')).length;

test('a step shows from its excerpt, and the next answer from the tree fetched once behind it', async () => {
  const { user, queryClient } = renderApp('/q164887/sms-1-2', { seed: seedExcerpt(['sms-1-2']) });
  expect(
    await screen.findByRole('heading', { level: 1, name: /Windows NT upgrade that restarts/ }),
  ).toBeInTheDocument();
  expect(screen.getByText(/Question 2 of at most 6/)).toBeInTheDocument();
  expect(treeFetches()).toBe(0);

  await prefetchExcerptedTrees(queryClient);
  expect(queryClient.getQueryData(treeQueryOptions(tree.id).queryKey)).toEqual(tree);
  await user.click(answerList().getByRole('link', { name: /^Yes/ }));
  expect(
    await screen.findByRole('heading', { level: 1, name: /start again each time/ }),
  ).toBeInTheDocument();
  await user.click(answerList().getByRole('link', { name: /^Yes/ }));
  await screen.findByRole('heading', { level: 1, name: /recorded as failed/ });
  expect(treeFetches()).toBe(1);
});

test('an excerpt is not used for another step, another version or after a Change link', async () => {
  const { unmount } = renderApp('/q164887/sms-1-2/os-upgrade?v=2&was=sms-1-2/os-upgrade', {
    seed: seedExcerpt(['sms-1-2', 'os-upgrade']),
  });
  await screen.findByRole('heading', { level: 1, name: /start again each time/ });
  expect(treeFetches()).toBe(1);
  unmount();

  renderApp('/q164887/sms-1-2', { seed: seedExcerpt([]) });
  await screen.findByRole('heading', { level: 1, name: /Windows NT upgrade that restarts/ });
  expect(treeFetches()).toBe(2);
});

test('with a walk saved in this browser, the start page is opened from the whole tree, to offer it', async () => {
  saveProgress('q164887', {
    trail: ['sms-1-2', 'os-upgrade'],
    version: tree.version,
    savedAt: new Date().toISOString(),
  });
  renderApp('/q164887', { seed: seedExcerpt([]) });
  await screen.findByRole('heading', { level: 1, name: /Systems Management Server 1\.2/ });
  expect(await screen.findByText(/You were at/)).toHaveTextContent(
    /You were at question 3: Does the same job start again each time the client starts\?$/,
  );
  await waitFor(() => expect(treeFetches()).toBe(1));
});

test("a page whose code would not load is kept as built; other failures are the routes' screens", () => {
  const state: PageState = { url: '/big', treeVersion: 2 };
  const routerWith = (errors: Record<string, unknown> | null) =>
    ({ state: { errors } }) as unknown as DataRouter;
  const codeGone = routerWith({ step: new ChunkLoadError(new TypeError('Failed to fetch')) });
  window.history.replaceState(null, '', '/big');
  expect(keepsPageWithoutApp(state, codeGone)).toBe(true);
  // Nothing failed: the page is hydrated instead.
  expect(keepsPageWithoutApp(state, routerWith(null))).toBe(false);
  // A file that would not load: the step's own screen says so.
  expect(
    keepsPageWithoutApp(state, routerWith({ step: new FileNotFoundError('trees/big.json') })),
  ).toBe(false);
  // No page built for this address: the error screen, nothing to keep.
  expect(keepsPageWithoutApp(undefined, codeGone)).toBe(false);
  window.history.replaceState(null, '', '/big?v=1');
  expect(keepsPageWithoutApp(state, codeGone)).toBe(false);
});
