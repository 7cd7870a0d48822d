import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider, type DataRouter } from 'react-router';

import { AppProviders } from './app/app-providers';
import { createRoutes, preloadOnDemandCode } from './app/routes';
import { prefetchExcerptedTrees } from './data/tree-query';
import { reloadWhenCodeIsGone } from './lib/chunk';
import { pageShowsAddress, readPageState, seedQueries } from './lib/hydration-state';
import { createQueryClient } from './lib/query-client';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// A prerendered step carries its files; the app shell and 404.html do not.
const pageState = readPageState(document);
const queryClient = createQueryClient();
if (pageState) seedQueries(queryClient, pageState.queries);
const router = createBrowserRouter(createRoutes(queryClient), {
  basename: import.meta.env.BASE_URL,
  dataStrategy: reloadWhenCodeIsGone,
});

/**
 * The router runs the page's loaders and lazy routes as soon as it is created: from the
 * seeded cache for a prerendered page, so what it waits for is the code of the screen the
 * page shows. Rendering only then means hydration never swaps the server's HTML for a
 * fallback, and 404.html turns into the page for the address in one step.
 */
const initialized = (router: DataRouter) =>
  new Promise<void>((resolve) => {
    if (router.state.initialized) return resolve();
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });

// Not a top-level await: the screens' chunks import this module, which must finish
// evaluating before they can (a top-level await on them would never resolve).
void initialized(router).then(() => {
  const app = (
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>
  );
  // A page whose code would not load even after its reload shows the error screen, not the
  // prerendered step: rendered afresh, as there is nothing of it to hydrate.
  if (pageState && pageShowsAddress(pageState, location.search) && !router.state.errors) {
    hydrateRoot(container, app);
  } else {
    // The page's own <title> is for the address it was built for (404.html, say): React
    // renders the screen's title, and would otherwise leave two.
    document.querySelector('title')?.remove();
    createRoot(container).render(app);
  }
  setTimeout(() => {
    void preloadOnDemandCode();
    // A prerendered step came with an excerpt of its tree: the whole file, for what comes next.
    void prefetchExcerptedTrees(queryClient);
  }, 0);
});
