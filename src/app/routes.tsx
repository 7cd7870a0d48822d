import type { QueryClient } from '@tanstack/react-query';
import { data, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { CatalogPage, MapPage } from '../components/lazy-screens';
import { CatalogErrorBoundary } from '../features/catalog/catalog-error-boundary';
import { catalogQueryOptions } from '../data/catalog-query';
import { StepErrorBoundary } from '../features/wizard/step-error-boundary';
import { StepPage } from '../features/wizard/step-page';
import { archivedTreeQueryOptions, isTreeId, treeQueryOptions } from '../data/tree-query';
import { loadChunk } from '../lib/load-chunk';
import { parseVersion, paths } from '../lib/paths';
import { RootErrorBoundary } from './root-error-boundary';
import { LoadingScreen, RootLayout } from './root-layout';

/**
 * The app's routes as plain data, shared by the browser router, the tests' memory
 * router and static rendering. Loaders only make sure the data is cached; components
 * read it with the same queryOptions, so there is one fetch per file.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  /**
   * The validator's code, which reading a tree or the catalog needs (tree-query.ts). Loaded
   * here, where the address being opened is known: if a redeploy removed it, that address
   * is opened afresh, not the page being left (whose click would be lost). Only for a file
   * still to be fetched: awaiting even a loaded chunk costs a task, which would show (and
   * announce) "Loading…" on every answer.
   */
  const loadValidator = (request: Request, queryKey: readonly unknown[]) =>
    queryClient.getQueryData(queryKey) === undefined
      ? loadChunk(() => import('../engine/validate-tree'), request.url)
      : undefined;

  /** Step and map routes: the tree (and, for a link made with an older version, that version). */
  const loadTree = async ({ params, request }: LoaderFunctionArgs) => {
    const treeId = params.treeId ?? '';
    if (!isTreeId(treeId)) throw data(null, { status: 404 });
    const options = treeQueryOptions(treeId);
    await loadValidator(request, options.queryKey);
    const tree = await queryClient.ensureQueryData(options);
    // A link made with an earlier version: fetch that version too, to explain what
    // changed. Missing or broken, the link is read against the current one.
    const version = parseVersion(new URL(request.url).search);
    if (version && version !== tree.version) {
      await queryClient
        .ensureQueryData(archivedTreeQueryOptions(treeId, version))
        .catch(() => undefined);
    }
    return null;
  };

  return [
    {
      id: 'root',
      path: '/',
      element: <RootLayout />,
      errorElement: <RootErrorBoundary />,
      hydrateFallbackElement: <LoadingScreen />,
      children: [
        {
          index: true,
          element: <CatalogPage />,
          errorElement: <CatalogErrorBoundary />,
          loader: async ({ request }) => {
            const options = catalogQueryOptions();
            await loadValidator(request, options.queryKey);
            await queryClient.ensureQueryData(options);
            return null;
          },
        },
        {
          path: paths.map.path,
          element: <MapPage />,
          errorElement: <StepErrorBoundary />,
          loader: loadTree,
        },
        {
          path: paths.step.path,
          element: <StepPage />,
          errorElement: <StepErrorBoundary />,
          loader: loadTree,
        },
      ],
    },
  ];
}
