import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { LoaderFunction, RouteObject } from 'react-router';
import { validatorChunk } from '../data/validator-chunk';
import { preloadStepScreens } from '../features/wizard/step-loader';
import { ChunkLoadError } from '../lib/chunk';
import { paths } from '../lib/paths';
import { RootErrorBoundary } from './root-error-boundary';
import { RootLayout } from './root-layout';
import * as stepRoute from './routes/step-route';

/**
 * What a route module in routes/ exports, as React Router's route modules do: its screen,
 * its error screen if it has its own, and its loader, made for the app's QueryClient.
 */
type RouteModule = {
  Component: ComponentType;
  ErrorBoundary?: ComponentType;
  clientLoader?: (queryClient: QueryClient) => LoaderFunction;
};

/**
 * The route object for a route module. For one loaded on demand (the route's `lazy`), a
 * module that will not load is a ChunkLoadError, which the router's data strategy turns
 * into one reload (lib/chunk.ts): after a redeploy, the old build's files are gone.
 */
function fromModule(queryClient: QueryClient) {
  return ({ Component, ErrorBoundary, clientLoader }: RouteModule) => ({
    Component,
    ...(ErrorBoundary ? { ErrorBoundary } : {}),
    ...(clientLoader ? { loader: clientLoader(queryClient) } : {}),
  });
}

function onDemand(queryClient: QueryClient, load: () => Promise<RouteModule>) {
  return () =>
    load().then(fromModule(queryClient), (error: unknown) => {
      throw new ChunkLoadError(error);
    });
}

const catalogRoute = () => import('./routes/catalog-route');

/**
 * Fetches the step screens and the list of troubleshooters in the background once the
 * first page is up: they are then at hand at once, and still there if the network goes
 * away later (the offline screen is one). The map is left out: with its layout library it
 * is larger than all the rest, and few visits open it. Failures are ignored; code needed
 * later is fetched, and its failure handled, by the router.
 */
export function preloadOnDemandCode(): Promise<unknown> {
  // The validator too: opening another tree needs it, also once the network is gone.
  return Promise.allSettled([preloadStepScreens(), catalogRoute(), validatorChunk()]);
}

/**
 * The app's routes as plain data, shared by the browser router, the tests' memory router
 * and the prerender. Each route is a module in routes/ with its screen and its loader; all
 * but the step's are loaded on demand, with the route's data. Loaders only make sure the
 * data is cached (and, for steps, which screen it is); screens read the files with the
 * same queryOptions, so there is one fetch per file.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      id: 'root',
      path: '/',
      Component: RootLayout,
      ErrorBoundary: RootErrorBoundary,
      children: [
        // The list of troubleshooters: its first page here, the others at /list/<n>.
        { index: true, lazy: onDemand(queryClient, catalogRoute) },
        { path: paths.list.path, lazy: onDemand(queryClient, catalogRoute) },
        {
          path: paths.unmatched.path,
          lazy: onDemand(queryClient, () => import('./routes/unmatched-route')),
        },
        { path: paths.map.path, lazy: onDemand(queryClient, () => import('./routes/map-route')) },
        // The later parts of a large map's list, for pages without JavaScript (ADR 24).
        {
          path: paths.mapPart.path,
          lazy: onDemand(queryClient, () => import('./routes/map-route')),
        },
        // A troubleshooter's report, for authors (issue 25): only with a server.
        {
          path: paths.report.path,
          lazy: onDemand(queryClient, () => import('./routes/report-route')),
        },
        { path: paths.edit.path, lazy: onDemand(queryClient, () => import('./routes/edit-route')) },
        { id: paths.step.id, path: paths.step.path, ...fromModule(queryClient)(stepRoute) },
      ],
    },
  ];
}
