import { queryOptions } from '@tanstack/react-query';
import { fetchPublicJson } from '../lib/fetch-public-file';
import { loadTreeSearch, type TreeSearchFile } from '../engine/tree-search';

/**
 * trees/search.json, the search index of every tree, written by the build (and by the dev
 * server's plugin in vite.config.ts; ADR 41). Fetched only once someone uses the filter.
 * Without it (a failed fetch) the filter still searches this list's titles, descriptions
 * and article ids, and the page says that only those were searched, with a way to try
 * again; a file of the wrong shape is searched as if it were missing.
 */
export function treeSearchQueryOptions() {
  return queryOptions({
    queryKey: ['tree-search'],
    queryFn: async ({ signal }) => {
      const json = (await fetchPublicJson('trees/search.json', signal)) as TreeSearchFile;
      try {
        return loadTreeSearch(json);
      } catch {
        return null;
      }
    },
    // A MiniSearch instance, not plain data: nothing to share structurally.
    structuralSharing: false,
    networkMode: 'always',
    retry: false,
  });
}
