import { queryOptions } from '@tanstack/react-query';
import { retryTransientErrors, fetchPublicJson } from '../../app/fetch-public-file';
import { validateTreeIndex } from '../../engine/validate-tree';

export class CatalogInvalidError extends Error {
  override name = 'CatalogInvalidError';
}

/** public/trees/index.json: the trees this deployment offers. */
export function catalogQueryOptions() {
  return queryOptions({
    queryKey: ['catalog'],
    queryFn: async ({ signal }) => {
      const result = validateTreeIndex(await fetchPublicJson('trees/index.json', signal));
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
