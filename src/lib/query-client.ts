import { QueryClient } from '@tanstack/react-query';
import { retryDelay } from './fetch-public-file';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Tree and config files change only on deployment; one fetch per visit is enough.
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        retryDelay,
      },
    },
  });
}
