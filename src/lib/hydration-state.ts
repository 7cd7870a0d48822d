import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { parseVersion, parseWas } from './paths';

/** A file the page was rendered from, as react-query held it. */
export type PrefetchedQuery = { queryKey: QueryKey; data: unknown; updatedAt: number };

/**
 * What a prerendered page hands to the client so it can hydrate without fetching data:
 * the files react-query held (the tree, the catalog). The router's loaders run again in
 * the browser from them (main.tsx): loader data holds screen code, which is no JSON.
 * It travels as a JSON <script type="application/json"> block, which a strict
 * Content-Security-Policy allows because it is never executed.
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
  queries: PrefetchedQuery[];
};

export const PAGE_STATE_ELEMENT_ID = 'page-state';

/** JSON that is safe inside <script>: no `</script>` or `<!--` can close it early. */
export function serializePageState(state: PageState): string {
  return JSON.stringify(state)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

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

/**
 * Whether the page's HTML is what the app renders for the address it was opened at, so
 * that it can be hydrated. Its files serve either way (seedQueries). A static server sends
 * the same page whatever the query says, so not for a link made with another version of
 * the tree, nor for one opened by a Change link (`?was=`: the answer given is marked).
 */
export function pageShowsAddress(state: PageState, search: string): boolean {
  const version = parseVersion(search);
  const sameVersion = !version || !state.treeVersion || version === state.treeVersion;
  return !state.fallback && sameVersion && !parseWas(search);
}

/** The files a page was rendered from, for its PageState. */
export function prefetchedQueries(queryClient: QueryClient): PrefetchedQuery[] {
  return queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.status === 'success')
    .map(({ queryKey, state }) => ({ queryKey, data: state.data, updatedAt: state.dataUpdatedAt }));
}

/**
 * Puts a page's files into the browser's cache before the first render. This is all that
 * react-query's dehydrate/HydrationBoundary would do for us here (an empty cache, data
 * that never goes stale), and leaving those out saves first-paint bytes.
 */
export function seedQueries(queryClient: QueryClient, queries: PrefetchedQuery[]): void {
  for (const { queryKey, data, updatedAt } of queries) {
    queryClient.setQueryData(queryKey, data, { updatedAt });
  }
}
