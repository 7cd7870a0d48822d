import { screen, waitFor } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import { expect, test, vi } from 'vitest';
import {
  prefetchExcerptedTrees,
  stepExcerptQueryKey,
  treeQueryOptions,
} from '../../data/tree-query';
import { cutStepExcerpt } from '../../engine/step-excerpt';
import { answerList, renderApp } from '../../testing/render-app';
import { shippedTrees } from '../../testing/shipped-trees';
import { saveProgress } from './saved-progress';

/**
 * A prerendered step page comes with an excerpt of its tree (engine/step-excerpt.ts):
 * the page is shown from it with no request, and the whole tree file is fetched once
 * for what comes next.
 */

const tree = shippedTrees().find((candidate) => candidate.id === 'q164887');
if (!tree) throw new Error('q164887 is not shipped');

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
  const { unmount } = renderApp('/q164887/sms-1-2/os-upgrade?v=1&was=sms-1-2/os-upgrade', {
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
