import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "@jiaofu/contracts";

/** A session that ended (expired, signed out elsewhere) answers 401 `unauthenticated` to any call. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === "unauthenticated";
}

/**
 * Server state lives in react-query. Client errors (4xx) are not retried; a 401 from any call hands over to
 * `onUnauthenticated`, which sends the person to sign in.
 */
export function createQueryClient(onUnauthenticated: () => void): QueryClient {
  const handleError = (error: unknown) => {
    if (isUnauthenticated(error)) onUnauthenticated();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Forms hold what the person typed; a background refetch must not pull the record from under them.
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
