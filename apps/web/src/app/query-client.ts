import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../shared/api/api-client.ts';

/** A client error (4xx) will not change on retry; the network and 5xx may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export type QueryClientOptions = {
  /**
   * Called for every failed query or mutation (with its `meta`), e.g. to notice a 401: the session
   * is gone (see features/auth/lib/session.ts).
   */
  onError?: (error: unknown, meta: Record<string, unknown> | undefined, client: QueryClient) => void;
};

export function createQueryClient(options: QueryClientOptions = {}): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => options.onError?.(error, query.meta, client),
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => options.onError?.(error, mutation.meta, client),
    }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}
