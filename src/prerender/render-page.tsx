import type { QueryClient } from '@tanstack/react-query';
import { prerenderToNodeStream } from 'react-dom/static';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { AppProviders } from '../app/app-providers';
import { pageStateFor, type PageState } from '../data/prerendered-page';
import { createRoutes } from '../app/routes';

export type RenderedPage = {
  /** The app's markup for inside #root, without the <title>. */
  html: string;
  /** The document title the screen asked for. */
  title: string | undefined;
  state: PageState;
  /** Whether a route failed (a not-found page, say): such pages are not hydrated. */
  failed: boolean;
};

/**
 * Renders one URL of the app to HTML with React Router's static handler, from a
 * QueryClient already holding the files the page needs (no network at build time).
 */
export async function renderPage(
  url: string,
  queryClient: QueryClient,
  treeVersion?: number,
): Promise<RenderedPage> {
  const { query, dataRoutes } = createStaticHandler(createRoutes(queryClient), {
    basename: import.meta.env.BASE_URL,
  });
  const context = await query(new Request(new URL(url, 'http://prerender.invalid')));
  if (context instanceof Response) {
    throw new Error(`${url} answered with a redirect or response (${context.status})`);
  }
  const router = createStaticRouter(dataRoutes, context);
  // react-dom/static waits for lazy screens (e.g. not-found in 404.html), unlike renderToString.
  const { prelude } = await prerenderToNodeStream(
    <AppProviders queryClient={queryClient}>
      {/* hydrate={false}: RR's own hydration script is inline, which our CSP forbids. The
          page state carries the files; the browser runs the loaders again from them
          (data/prerendered-page.ts), which also fetches the code of the screen shown. */}
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </AppProviders>,
    // Never move a large Suspense boundary out of line: React would then need an inline
    // script to put it back, which the CSP forbids (the map page is large enough).
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  let rendered = '';
  for await (const chunk of prelude) rendered += String(chunk);
  // React emits the screen's <title> with the markup; it belongs in <head>.
  let title: string | undefined;
  const html = rendered.replace(/<title>([^<]*)<\/title>/, (_match, text: string) => {
    title = text;
    return '';
  });
  return {
    html,
    title,
    state: pageStateFor(queryClient, {
      url: context.location.pathname,
      ...(treeVersion ? { treeVersion } : {}),
    }),
    failed: context.errors !== null,
  };
}
