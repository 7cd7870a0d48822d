import { queryOptions } from '@tanstack/react-query';
import { catalogPage, type CatalogPage } from '../engine/catalog-pages';
import { fetchPublicJson, FileNotFoundError, retryTransientErrors } from '../lib/fetch-public-file';
import { catalogQueryOptions } from './catalog-query';
import { validatorChunk } from './validator-chunk';

class CatalogPageInvalidError extends Error {
  override name = 'CatalogPageInvalidError';
}

const isCount = (value: unknown) => Number.isInteger(value) && Number(value) >= 0;

/**
 * trees/list/<n>.json, one page of the list of troubleshooters, written by the build
 * (docs/decisions/0019-list-in-pages.md). Its entries get the same checks as index.json's;
 * its numbers must agree with each other and with the page asked for.
 */
async function readPageFile(page: number, json: unknown): Promise<CatalogPage> {
  const file = json as Partial<CatalogPage> | null;
  const { validateTreeIndex } = await validatorChunk();
  const result = validateTreeIndex({ trees: file?.trees });
  const problems = result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  const { pages, total, first } = file ?? {};
  if (
    file?.page !== page ||
    !isCount(pages) ||
    !isCount(total) ||
    !isCount(first) ||
    page > Number(pages)
  ) {
    problems.push('$: page, pages, total and first do not describe this page');
  }
  if (!result.ok || problems.length > 0) {
    throw new CatalogPageInvalidError(`trees/list/${page}.json: ${problems.join('; ')}`);
  }
  return {
    page,
    pages: Number(pages),
    total: Number(total),
    first: Number(first),
    trees: result.value.trees,
  };
}

/**
 * One page of the list of troubleshooters, or null when the list has no such page. The
 * prerendered page of the list carries its own, so only a navigation fetches one. Where the
 * build wrote no pages (a dev server), the page is cut from index.json as the build would
 * have cut it.
 */
export function catalogPageQueryOptions(page: number) {
  return queryOptions({
    queryKey: ['catalog-page', page],
    queryFn: async ({ signal, client }): Promise<CatalogPage | null> => {
      const fetchPage = async (number: number) => {
        try {
          return await fetchPublicJson(`trees/list/${number}.json`, signal);
        } catch (error) {
          if (error instanceof FileNotFoundError) return undefined;
          throw error;
        }
      };
      const json = await fetchPage(page);
      if (json !== undefined) return readPageFile(page, json);
      // The build writes every page from the first: with a first page, this one is past the last.
      if (page > 1 && (await fetchPage(1)) !== undefined) return null;
      const index = await client.ensureQueryData(catalogQueryOptions());
      return catalogPage(index.trees, page) ?? null;
    },
    networkMode: 'always',
    retry: retryTransientErrors,
  });
}
