import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { ensureTree } from '../../data/tree-query';
import { MapErrorBoundary } from '../../features/map/map-error-boundary';
import { MapPage } from '../../features/map/map-page';

/** A tree's map (/map/<tree>): drawn from the tree file, which the loader makes sure of. */
export const Component = MapPage;
export const ErrorBoundary = MapErrorBoundary;
export function clientLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    await ensureTree(queryClient, params.treeId ?? '');
    return null;
  };
}
