import { dehydrate, hydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { DataRouter } from 'react-router';
import { excerptServes, type StepExcerpt } from '../engine/step-excerpt';
import { mostQuestionsFrom } from '../engine/tree-paths';
import { ChunkLoadError } from '../lib/chunk';
import { parseVersion, parseWas } from '../lib/paths';
import { hasWalkContext, parseWalkContext } from '../lib/walk-context';
import { treeQueryOptions } from './tree-query';
import './prerendered-page.css';

/**
 * The contract of a prerendered page (docs/decisions/0021): what the build puts in a page
 * beside its HTML, how the browser takes the page over, and when it does not.
 *
 * - **What a page carries**: the react-query cache the page was rendered from, dehydrated
 *   (`dehydrate`), as a JSON `<script type="application/json">` that a strict CSP allows
 *   because it is never executed. A step page carries the excerpt of its tree cut for it
 *   (engine/step-excerpt.ts, under `stepExcerptQueryKey`), a page of the list its entries,
 *   a tree's fallback page the whole tree; a map page and 404.html carry nothing.
 * - **How it is taken over** (main.tsx): `hydrate` puts the files into the cache before
 *   the router is created; the router's loaders run again from them (loader data holds
 *   screen code, which is no JSON), so what the page waits for is the code of its screen;
 *   main.tsx then hydrates the HTML (hydratesPage), and once it is up the whole trees behind the
 *   excerpts are fetched for the next answer (`prefetchExcerptedTrees`).
 * - **When it is rendered afresh instead**: a page served for another path (readPageState),
 *   a tree's fallback page, a link made with another version of the tree or opened by a
 *   Change link (pageShowsAddress).
 * - **When it is kept without the app**: a page that shows its address but whose code would
 *   not load (keepsPageWithoutApp): it stays as built, with a notice in its status line.
 * - **Until it is interactive**: controls that need JavaScript are prerendered in place,
 *   marked `needs-js`, and hidden (prerendered-page.css) until the app marks the document
 *   `data-interactive` (useMarkInteractive); `useHydrated` is false while hydrating, so
 *   the first render matches the HTML.
 */
export type PageState = {
  /** The path the page was rendered for: a host that serves it for another path gets no hydration. */
  url: string;
  /** The version of the tree the page shows: a link for another version is not hydrated. */
  treeVersion?: number;
  /**
   * A tree's fallback page (`<tree>/steps.html`, for a tree with more steps than are
   * prerendered): served for any of its steps stored as no page of its own. Its files serve
   * every address under `url`; its markup is none of them, so it is never hydrated.
   */
  fallback?: true;
  /** The files the page was rendered from, as react-query's `dehydrate` gives them. */
  cache?: DehydratedState;
};

const PAGE_STATE_ELEMENT_ID = 'page-state';

/** What a page rendered from `queryClient` carries (render-page.tsx). */
export function pageStateFor(queryClient: QueryClient, page: Omit<PageState, 'cache'>): PageState {
  return { ...page, cache: dehydrate(queryClient) };
}

/** The page state as an element for the page's HTML: JSON that nothing in it can close early. */
export function pageStateElement(state: PageState): string {
  const json = JSON.stringify(state)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${PAGE_STATE_ELEMENT_ID}">${json}</script>`;
}

/** The state of the page the document was opened at, if it was built for this address. */
export function readPageState(doc: Document): PageState | undefined {
  const text = doc.getElementById(PAGE_STATE_ELEMENT_ID)?.textContent;
  if (!text) return undefined;
  try {
    const state = JSON.parse(text) as PageState;
    // Apache and IIS redirect a folder to its trailing-slash form: the same page.
    const path = (pathname: string) => pathname.replace(/(.)\/$/, '$1');
    const here = path(doc.location.pathname);
    if (path(state.url) === here) return state;
    return state.fallback && here.startsWith(`${path(state.url)}/`) ? state : undefined;
  } catch {
    // A damaged page still works: the client renders from scratch and fetches.
    return undefined;
  }
}

/** Puts the page's files into the cache, before the router runs its loaders (main.tsx). */
export function takeInPageFiles(queryClient: QueryClient, state: PageState | undefined): void {
  if (state?.cache) hydrate(queryClient, state.cache);
}

/**
 * Whether the page's HTML is what the app renders for the address it was opened at, so
 * that it can be hydrated. Its files serve either way. A static server sends the same page
 * whatever the query says, so not for a link made with another version of the tree, nor
 * for one opened by a Change link (`?was=`: the answer given is marked), nor for one with a
 * ticket or client (`?ticket=`: shown on the page, and carried by its links).
 */
export function pageShowsAddress(state: PageState, search: string): boolean {
  const version = parseVersion(search);
  const sameVersion = !version || !state.treeVersion || version === state.treeVersion;
  return (
    !state.fallback && sameVersion && !parseWas(search) && !hasWalkContext(parseWalkContext(search))
  );
}

/**
 * Resolves once the router has run the first address's loaders and lazy routes: from the
 * page's files, so what it waits for is the code of the screen the page shows. Rendering
 * only then means hydration never swaps the server's HTML for a fallback, and 404.html
 * turns into the page for the address in one step.
 */
export function routerReady(router: DataRouter): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve();
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return;
      unsubscribe();
      resolve();
    });
  });
}

/**
 * Whether the browser hydrates the page's HTML (main.tsx) or renders afresh: only a page
 * that shows this address, and whose routes loaded.
 */
export function hydratesPage(state: PageState | undefined, router: DataRouter): boolean {
  return Boolean(state && pageShowsAddress(state, location.search) && !router.state.errors);
}

/**
 * Whether the page's HTML is kept as it is, without the app (main.tsx): it shows this
 * address, and what failed is code that would not load even after its one reload
 * (lib/chunk.ts). The page is already readable and its links are plain links; the router's
 * error screen would replace a complete diagnosis with an apology. Other errors (a file
 * that would not load) are the routes' own error screens, which say what failed.
 */
export function keepsPageWithoutApp(state: PageState | undefined, router: DataRouter): boolean {
  const errors = router.state.errors;
  return Boolean(
    state &&
    errors &&
    pageShowsAddress(state, location.search) &&
    Object.values(errors).every((error) => error instanceof ChunkLoadError),
  );
}

/**
 * Where a step page puts the excerpt of its tree it hydrates from, under the trail it was
 * cut for: it serves that step alone. Never fetched, only carried by the page.
 */
export function stepExcerptQueryKey(treeId: string, trail: readonly string[]) {
  return ['tree', treeId, 'excerpt', trail.join('/')] as const;
}

/**
 * For the step loader: the excerpt the page came with, when the whole tree is not in yet
 * and the excerpt can stand for it at this address (the step it was cut for, read as
 * it was cut). Otherwise the loader waits for the tree file.
 */
export function stepExcerptFor(
  queryClient: QueryClient,
  treeId: string,
  address: { trail: readonly string[]; linkVersion?: number; was?: readonly string[] },
): StepExcerpt | undefined {
  if (queryClient.getQueryData(treeQueryOptions(treeId).queryKey)) return undefined;
  const excerpt = queryClient.getQueryData<StepExcerpt>(stepExcerptQueryKey(treeId, address.trail));
  return excerpt && excerptServes(excerpt, address.linkVersion, address.was) ? excerpt : undefined;
}

/**
 * Once a page that came with excerpts is up: fetches their whole trees in the background,
 * so the next answer finds its tree in the cache instead of waiting a round trip.
 * Failures are left for the step loader to meet and report.
 *
 * The whole tree is another object than the excerpt the page hydrated from, and the
 * engine keeps a tree's graph and its longest-walk counts per tree object: worked out
 * while the page is idle, they are not worked out on the click (docs/performance.md).
 */
export function prefetchExcerptedTrees(queryClient: QueryClient): Promise<unknown> {
  const treeIds = new Set(
    queryClient
      .getQueryCache()
      .findAll({ queryKey: ['tree'] })
      .filter(({ queryKey }) => queryKey[2] === 'excerpt')
      .map(({ queryKey }) => String(queryKey[1])),
  );
  return Promise.allSettled(
    [...treeIds].map(async (treeId) => {
      await queryClient.prefetchQuery(treeQueryOptions(treeId));
      const tree = queryClient.getQueryData(treeQueryOptions(treeId).queryKey);
      if (tree) whenIdle(() => mostQuestionsFrom(tree, tree.start));
    }),
  );
}

/** WebKit has no requestIdleCallback: a task of its own then. */
const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(work) : setTimeout(work, 0);

const noSubscription = () => () => {};

/**
 * False on the server and while hydrating, true after: controls that need JavaScript
 * (copy buttons, feedback) appear only once it runs, and prerendered markup still matches.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * Marks the document once the app has hydrated and can handle clicks itself: controls
 * that need JavaScript become visible (prerendered-page.css), and tests wait for it.
 */
export function useMarkInteractive(): void {
  useEffect(() => {
    document.documentElement.dataset.interactive = '';
  }, []);
}
