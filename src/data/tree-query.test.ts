import { QueryClient } from '@tanstack/react-query';
import { expect, test, vi } from 'vitest';
import printerV1 from '../testing/fixtures/trees/printer.v1.json';
import { fetchPublicFileExcept } from '../testing/fetch-public-file-from-disk';
import { archivedTreeQueryOptions, TreeInvalidError, treeQueryOptions } from './tree-query';

// The rules themselves are the engine's (validateTreeFile); this checks that the query
// applies them to the file it asked for, so a file whose name and content disagree is
// refused in the browser as it is at build time.

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

function serve(pathname: string, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      fetchPublicFileExcept(pathname, () =>
        Response.json(body, { headers: { 'content-type': 'application/json' } }),
      ),
    ),
  );
}

async function problemsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(TreeInvalidError);
  return (error as TreeInvalidError).problems;
}

test('a tree file whose id is not its name is invalid', async () => {
  serve('/trees/scanner.json', printerV1);
  expect(await problemsOf(client().fetchQuery(treeQueryOptions('scanner')))).toEqual([
    { path: '$.id', message: 'is "printer", so the file must be named printer.json' },
  ]);
});

test('an archived copy whose version is not the one in its name is invalid', async () => {
  serve('/trees/printer.v3.json', printerV1);
  expect(await problemsOf(client().fetchQuery(archivedTreeQueryOptions('printer', 3)))).toEqual([
    { path: '$.version', message: 'is 1, so an archived copy must be named printer.v1.json' },
  ]);
});

test('a file that follows the rules is read', async () => {
  const tree = await client().fetchQuery(archivedTreeQueryOptions('printer', 1));
  expect(tree).toEqual(printerV1);
});
