import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';

import { AppProviders } from './app/app-providers';
import { readPageState, seedQueries } from './lib/hydration-state';
import { createQueryClient } from './lib/query-client';
import { createRoutes } from './app/routes';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// A prerendered step carries its data; the app shell and 404.html do not.
const pageState = readPageState(document);
const queryClient = createQueryClient();
if (pageState) seedQueries(queryClient, pageState.queries);
const router = createBrowserRouter(createRoutes(queryClient), {
  basename: import.meta.env.BASE_URL,
  hydrationData: pageState?.hydrationData,
});

const app = (
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>
);

if (pageState) hydrateRoot(container, app);
else {
  // The page's own <title> is for the address it was built for (404.html, say): React
  // renders the screen's title, and would otherwise leave two.
  document.querySelector('title')?.remove();
  createRoot(container).render(app);
}
