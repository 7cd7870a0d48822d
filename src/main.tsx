import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';

import { AppProviders } from './app/app-providers';
import { MissingCodeNotice } from './app/missing-code-notice';
import { prepareEmbeddedFrame } from './app/root-layout';
import { createRoutes, preloadOnDemandCode } from './app/routes';
import {
  hydratesPage,
  keepsPageWithoutApp,
  prefetchExcerptedTrees,
  readPageState,
  routerReady,
  takeInPageFiles,
} from './data/prerendered-page';
import { reloadWhenCodeIsGone } from './lib/chunk';
import { createQueryClient } from './lib/query-client';
import './styles.css';

prepareEmbeddedFrame();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// A prerendered page carries the files it was rendered from; the app shell and 404.html
// do not. How the page is taken over: data/prerendered-page.ts.
const pageState = readPageState(document);
const queryClient = createQueryClient();
takeInPageFiles(queryClient, pageState);
const router = createBrowserRouter(createRoutes(queryClient), {
  basename: import.meta.env.BASE_URL,
  dataStrategy: reloadWhenCodeIsGone,
});

// Not a top-level await: the screens' chunks import this module, which must finish
// evaluating before they can (a top-level await on them would never resolve).
void routerReady(router).then(() => {
  const app = (
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>
  );
  if (keepsPageWithoutApp(pageState, router)) {
    // Code the page needs is gone from the server (lib/chunk.ts has reloaded once): the
    // prerendered page stays as it is, readable and with working links, and says what is
    // missing in its status line rather than giving way to an error screen.
    router.dispose();
    const status = container.querySelector('.site-status');
    if (status) createRoot(status).render(<MissingCodeNotice />);
    return;
  }
  if (hydratesPage(pageState, router)) {
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
