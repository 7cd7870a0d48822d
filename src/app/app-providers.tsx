import {
  HydrationBoundary,
  QueryClientProvider,
  type DehydratedState,
  type QueryClient,
} from '@tanstack/react-query';
import type { ReactNode } from 'react';

/** The same providers on the server and in the browser, so hydration matches. */
export function AppProviders({
  queryClient,
  dehydratedState,
  children,
}: {
  queryClient: QueryClient;
  dehydratedState?: DehydratedState;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <HydrationBoundary state={dehydratedState}>{children}</HydrationBoundary>
    </QueryClientProvider>
  );
}
