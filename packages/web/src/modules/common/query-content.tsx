import type { ReactNode } from "react";
import { LoadingBlock } from "../../ui";
import { ErrorPanel } from "./error-panel";

/** What QueryContent reads of a react-query result (plain or infinite). */
export type QueryContentQuery = { isPending: boolean; isError: boolean; error: unknown; refetch: () => Promise<unknown> };

export type QueryContentProps = {
  query: QueryContentQuery;
  /** The loaded data has nothing to show. */
  isEmpty: boolean;
  /** Shown instead of the content when `isEmpty`. */
  empty: ReactNode;
  children: ReactNode;
};

/** A panel backed by a query: a spinner while it loads, the error with Retry, the empty state, or the content. */
export function QueryContent({ query, isEmpty, empty, children }: QueryContentProps) {
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  return isEmpty ? empty : children;
}
