import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { expect, test, vi } from 'vitest';
import type { TreeReview } from '../../engine/tree-review';
import { ReviewsDue } from './reviews-due';

function showWith(answer: () => Response) {
  const fetchSpy = vi.fn(async () => answer());
  vi.stubGlobal('fetch', fetchSpy);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <ReviewsDue />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return fetchSpy;
}

const DUE: TreeReview[] = [
  {
    treeId: 'q164887',
    title: 'Upgrade job runs again at every restart',
    owner: 'kim@example.com',
    reviewBy: '2026-12-01',
    newReports: 2,
    answers: 12,
    notSolved: 7,
    due: ['review-date', 'step-reports', 'not-solved-rate'],
  },
  {
    treeId: 'printer',
    title: 'Printer offline',
    owner: null,
    reviewBy: null,
    newReports: 1,
    answers: 0,
    notSolved: 0,
    due: ['step-reports'],
  },
];

test('lists the troubleshooters due for review, with why, their owner and a link to edit them', async () => {
  const fetchSpy = showWith(() => Response.json(DUE));
  const list = await screen.findByRole('list');
  const items = within(list).getAllByRole('listitem');
  expect(items[0]).toHaveTextContent(
    'Upgrade job runs again at every restart: review by 2026-12-01; 2 new step reports; 7 of 12 said it did not solve it (owner kim@example.com)',
  );
  expect(items[1]).toHaveTextContent('Printer offline: 1 new step report (no owner)');
  expect(
    within(list).getByRole('link', { name: 'Upgrade job runs again at every restart' }),
  ).toHaveAttribute('href', '/edit/q164887');
  expect(String(fetchSpy.mock.calls[0]?.[0 as never])).toContain('api/reviews?due=true');
});

test('says when none is due', async () => {
  showWith(() => Response.json([]));
  expect(await screen.findByText('No troubleshooter is due for review.')).toBeInTheDocument();
});

test('says so when the list cannot be loaded', async () => {
  showWith(() => new Response('', { status: 500 }));
  expect(
    await screen.findByText('The list of troubleshooters due for review could not be loaded.'),
  ).toBeInTheDocument();
});
