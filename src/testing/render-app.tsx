import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createRoutes } from '../app/routes';

/**
 * Renders the whole app (real routes, real loaders, a fresh QueryClient) at a URL,
 * as a person opening that link would see it.
 */
export function renderApp(url: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, retryDelay: 0, staleTime: Infinity } },
  });
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  // No pause between the events of a click: nothing here waits on real time, and the
  // generated walks click hundreds of times.
  const user = userEvent.setup({ delay: null });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, user, router, queryClient };
}

/** The answer links of the question on screen. */
export function answerList() {
  return within(screen.getByRole('list', { name: 'Answers' }));
}
