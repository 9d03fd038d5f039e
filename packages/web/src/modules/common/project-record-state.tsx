import type { ReactElement } from "react";
import { LoadingBlock } from "../../ui";
import { isNotFound } from "../../lib/api-errors";
import { ErrorPanel } from "./error-panel";
import { NotFoundPanel, type NotFoundPanelProps } from "./not-found-panel";

/** The parts of a react-query result a record page reads. */
type LoadedQuery<T> = { data: T | undefined; error: unknown; isPending: boolean; refetch: () => Promise<unknown> };

export type ProjectRecordState<P, R> = { ready: true; project: P; record: R } | { ready: false; fallback: ReactElement };

/**
 * A page showing one record of a project (a requirement, a change request): ready with both, or what to show instead —
 * loading, an error with a retry of both queries, or "not found" when either is missing or the record belongs to
 * another project than the address says (the API answers what a person may not see with 404 too).
 */
export function projectRecordState<P, R extends { projectId: string }>(
  projectId: string,
  project: LoadedQuery<P>,
  record: LoadedQuery<R>,
  notFound: NotFoundPanelProps,
): ProjectRecordState<P, R> {
  if (project.isPending || record.isPending) return { ready: false, fallback: <LoadingBlock /> };
  const failed = project.error ?? record.error;
  if (failed || !project.data || !record.data || record.data.projectId !== projectId) {
    const fallback =
      failed && !isNotFound(failed) ? (
        <ErrorPanel
          error={failed}
          onRetry={() => {
            void project.refetch();
            void record.refetch();
          }}
        />
      ) : (
        <NotFoundPanel {...notFound} />
      );
    return { ready: false, fallback };
  }
  return { ready: true, project: project.data, record: record.data };
}
