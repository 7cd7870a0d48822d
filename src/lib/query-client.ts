import { QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { retryDelay } from './fetch-public-file';

/** The app's QueryClient; `queries` overrides its defaults (tests turn off the retry delay). */
export function createQueryClient(queries: DefaultOptions['queries'] = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Tree and config files change only on deployment; one fetch per visit is enough.
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        retryDelay,
        ...queries,
      },
    },
  });
}
