import { queryOptions } from '@tanstack/react-query';
import { fetchPublicJson, retryTransientErrors } from '../lib/fetch-public-file';
import { validatorChunk } from './validator-chunk';

class CatalogInvalidError extends Error {
  override name = 'CatalogInvalidError';
}

/** public/trees/index.json: the trees this deployment offers. */
export function catalogQueryOptions() {
  return queryOptions({
    queryKey: ['catalog'],
    queryFn: async ({ signal }) => {
      const json = await fetchPublicJson('trees/index.json', signal);
      const { validateTreeIndex } = await validatorChunk();
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
