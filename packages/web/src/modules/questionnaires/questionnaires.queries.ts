import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { TQuestionnaireStatus } from "@jiaofu/contracts";
import { api } from "../../api";

export type QuestionnaireFilters = { q?: string | undefined; status?: TQuestionnaireStatus | undefined };

export const questionnaireKeys = {
  all: ["questionnaires"] as const,
  project: (projectId: string) => ["questionnaires", "list", projectId] as const,
  list: (projectId: string, filters: QuestionnaireFilters) => ["questionnaires", "list", projectId, filters] as const,
  detail: (id: string) => ["questionnaires", "detail", id] as const,
  results: (id: string) => ["questionnaires", "results", id] as const,
  form: (id: string) => ["questionnaires", "form", id] as const,
  publicForm: (token: string, language: string) => ["questionnaires", "public", token, language] as const,
};

const PAGE_SIZE = 25;

/** A project's questionnaires (a client contact: those published to the portal), recently changed first. */
export function useQuestionnaireList(projectId: string, filters: QuestionnaireFilters) {
  return useInfiniteQuery({
    queryKey: questionnaireKeys.list(projectId, filters),
    queryFn: ({ pageParam }) => api.questionnaires.list(projectId, { ...filters, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useQuestionnaire(id: string) {
  return useQuery({ queryKey: questionnaireKeys.detail(id), queryFn: () => api.questionnaires.get(id) });
}

export function useQuestionnaireResults(id: string) {
  return useQuery({ queryKey: questionnaireKeys.results(id), queryFn: () => api.questionnaires.results(id) });
}

/** The form a client contact answers in the portal. */
export function usePortalForm(id: string) {
  return useQuery({ queryKey: questionnaireKeys.form(id), queryFn: () => api.questionnaires.getForm(id) });
}

/**
 * The form behind a public link; never retried (a bad or closed link answers 404/410 at once). Keyed by the UI
 * language, so the API's messages (e.g. "closed") follow the language switch.
 */
export function usePublicForm(token: string, language: string) {
  return useQuery({
    queryKey: questionnaireKeys.publicForm(token, language),
    queryFn: () => api.publicQuestionnaires.get(token),
    retry: false,
    // Keep the form (and what the person typed) on screen while the other language's copy loads.
    placeholderData: (previous) => previous,
  });
}
