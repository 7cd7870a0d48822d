import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { ensureTree } from '../data/tree-query';
import { createStepLoader, preloadStepScreens } from '../features/wizard/step-loader';
import { StepPage } from '../features/wizard/step-page';
import { chunk } from '../lib/chunk';
import { validatorChunk } from '../data/validator-chunk';
import { paths } from '../lib/paths';
import { RootErrorBoundary } from './root-error-boundary';
import { RootLayout } from './root-layout';

// Route code loaded on demand. The router loads it with the route's data, keeps the
// current page on screen meanwhile, and (main.tsx) before hydrating a page that shows it.
const catalogPage = chunk(() =>
  Promise.all([
    import('../features/catalog/catalog-page'),
    import('../features/catalog/catalog-error-boundary'),
  ]),
);
const mapPage = chunk(async () => {
  const [{ MapPage }, { MapErrorBoundary }] = await Promise.all([
    import('../features/map/map-page'),
    import('../features/map/map-error-boundary'),
  ]);
  return { Component: MapPage, ErrorBoundary: MapErrorBoundary };
});
// The tree editor: for knowledge managers only, never in the first paint
// (docs/decisions/0017-tree-editor.md). Its loader comes with its code.
const editorRoute = chunk(() => import('./editor-route'));
const unmatchedAddress = chunk(async () => ({
  Component: (await import('../components/unmatched-address-screen')).UnmatchedAddressScreen,
}));

/**
 * Fetches the step screens and the list of troubleshooters in the background once the
 * first page is up: they are then at hand at once, and still there if the network goes
 * away later (the offline screen is one). The map is left out: with its layout library it
 * is larger than all the rest, and few visits open it. Failures are ignored; code needed
 * later is fetched, and its failure handled, by the router.
 */
export function preloadOnDemandCode(): Promise<unknown> {
  // The validator too: opening another tree needs it, also once the network is gone.
  return Promise.allSettled([preloadStepScreens(), catalogPage(), validatorChunk()]);
}

/**
 * The app's routes as plain data, shared by the browser router, the tests' memory router
 * and the prerender. Loaders only make sure the data is cached (and, for steps, which
 * screen it is); components read the files with the same queryOptions, so there is one
 * fetch per file.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  // Its loader comes with its code: the list's queries are needed nowhere else.
  const catalogRoute = async () => {
    const [{ CatalogPage, createCatalogLoader }, { CatalogErrorBoundary }] = await catalogPage();
    return {
      Component: CatalogPage,
      ErrorBoundary: CatalogErrorBoundary,
      loader: createCatalogLoader(queryClient),
    };
  };
  const mapLoader = async ({ params }: LoaderFunctionArgs) => {
    await ensureTree(queryClient, params.treeId ?? '');
    return null;
  };
  return [
    {
      id: 'root',
      path: '/',
      Component: RootLayout,
      ErrorBoundary: RootErrorBoundary,
      children: [
        // The list of troubleshooters: its first page here, the others at /list/<n>.
        { index: true, lazy: catalogRoute },
        { path: paths.list.path, lazy: catalogRoute },
        {
          path: paths.unmatched.path,
          lazy: async () => unmatchedAddress(),
        },
        { path: paths.map.path, lazy: async () => mapPage(), loader: mapLoader },
        // The later parts of a large map's list, for pages without JavaScript (ADR 24).
        { path: paths.mapPart.path, lazy: async () => mapPage(), loader: mapLoader },
        {
          path: paths.edit.path,
          lazy: async () => (await editorRoute()).editorRoute(queryClient),
        },
        {
          id: paths.step.id,
          path: paths.step.path,
          Component: StepPage,
          loader: createStepLoader(queryClient),
        },
      ],
    },
  ];
}
