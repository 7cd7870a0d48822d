import type { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app/app-providers';
import { createRoutes } from '../app/routes';
import { createQueryClient } from '../lib/query-client';

/**
 * The app's QueryClient, fresh for each test, with no wait between retries (queries that
 * retry say so themselves) and no retry for those that do not.
 */
export function createTestQueryClient() {
  return createQueryClient({ retry: false, retryDelay: 0 });
}

/**
 * Renders the whole app (real routes, real loaders, the app's providers, a fresh
 * QueryClient) at a URL, as a person opening that link would see it. `seed` fills the
 * cache first, as a prerendered page's state does (main.tsx).
 */
export function renderApp(
  url: string,
  { seed }: { seed?: (queryClient: QueryClient) => void } = {},
) {
  const queryClient = createTestQueryClient();
  seed?.(queryClient);
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  // No pause between the events of a click: nothing here waits on real time, and the
  // generated walks click hundreds of times.
  const user = userEvent.setup({ delay: null });
  const view = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, user, router, queryClient };
}

/** The answer links of the question on screen. */
export function answerList() {
  return within(screen.getByRole('list', { name: 'Answers' }));
}
