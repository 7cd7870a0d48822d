import { QueryClient } from '@tanstack/react-query';
import { expect, test, vi } from 'vitest';
import { fetchPublicFile, fetchPublicFileExcept } from '../testing/fetch-public-file-from-disk';
import { catalogPageQueryOptions } from './catalog-page-query';

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
const entry = { id: 'printer', title: 'Printer', description: 'Does not print.' };

function serve(pathname: string, body: unknown) {
  vi.mocked(fetch).mockImplementation(fetchPublicFileExcept(pathname, () => Response.json(body)));
}

test('reads a page of the list as the build wrote it', async () => {
  const page = { page: 2, pages: 2, total: 2, first: 1, trees: [entry] };
  serve('/trees/list/2.json', page);
  await expect(client().fetchQuery(catalogPageQueryOptions(2))).resolves.toEqual(page);
});

test.each([
  ['another page', { page: 3, pages: 3, total: 3, first: 2, trees: [entry] }],
  ['a page past its own last', { page: 2, pages: 1, total: 1, first: 1, trees: [entry] }],
  ['no count', { page: 2, pages: 2, first: 1, trees: [entry] }],
  ['an entry without a title', { page: 2, pages: 2, total: 2, first: 1, trees: [{ id: 'a' }] }],
])('refuses a file for page 2 that describes %s', async (_, body) => {
  serve('/trees/list/2.json', body);
  await expect(client().fetchQuery(catalogPageQueryOptions(2))).rejects.toThrow(
    /^trees\/list\/2\.json: /,
  );
});

test('past the last page the build wrote, there is no page (null), whatever index.json holds', async () => {
  vi.mocked(fetch).mockImplementation(async (input) => {
    const { pathname } = new URL(String(input), 'http://localhost/');
    if (pathname === '/trees/list/1.json') {
      return Response.json({ page: 1, pages: 1, total: 1, first: 0, trees: [entry] });
    }
    return fetchPublicFile(input);
  });
  await expect(client().fetchQuery(catalogPageQueryOptions(2))).resolves.toBeNull();
  const fetched = vi.mocked(fetch).mock.calls.map(([input]) => String(input));
  expect(fetched).not.toContain('/trees/index.json');
});
