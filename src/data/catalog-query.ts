import { queryOptions } from '@tanstack/react-query';
import { fetchPublicJson, retryTransientErrors } from '../lib/fetch-public-file';

class CatalogInvalidError extends Error {
  override name = 'CatalogInvalidError';
}

/** public/trees/index.json: the trees this deployment offers. */
export function catalogQueryOptions() {
  return queryOptions({
    queryKey: ['catalog'],
    queryFn: async ({ signal }) => {
      const json = await fetchPublicJson('trees/index.json', signal);
      // Loaded on demand, as for trees (the prerendered home page carries its list), and by
      // the route loader first (routes.tsx).
      const { validateTreeIndex } = await import('../engine/validate-tree');
      const result = validateTreeIndex(json);
      if (!result.ok) {
        throw new CatalogInvalidError(
          result.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '),
        );
      }
      return result.value;
    },
    networkMode: 'always',
    retry: retryTransientErrors,
  });
}
