import { useQuery, type QueryClient } from "@tanstack/react-query";
import { api } from "../../api";
import { collaborationKeys } from "../collaboration/collaboration.queries";
import { requirementKeys } from "../requirements/requirements.queries";

export const confirmationKeys = {
  all: ["confirmations"] as const,
  list: (requirementId: string) => ["confirmations", "requirement", requirementId] as const,
  pending: (projectId: string) => ["confirmations", "pending", projectId] as const,
};

/** A requirement's confirmations by the client, newest first. */
export function useConfirmations(requirementId: string) {
  return useQuery({ queryKey: confirmationKeys.list(requirementId), queryFn: async () => (await api.confirmations.list(requirementId)).items });
}

/** What awaits the client's answer in a project, longest waiting first. */
export function usePendingConfirmations(projectId: string) {
  return useQuery({ queryKey: confirmationKeys.pending(projectId), queryFn: () => api.confirmations.pending(projectId) });
}

/**
 * After a contact answered: the requirement moved (approved, or back to the team), so its page, the register, the
 * pending list and its history are out of date. After a question the requirement has left the portal: what was
 * cached about it is only marked stale, not refetched now (the contact may no longer read it; opening it again asks
 * the server, which says so).
 */
export async function requirementConfirmed(queryClient: QueryClient, input: { requirementId: string; projectId: string; leftPortal: boolean }): Promise<void> {
  const ofRequirement = [
    requirementKeys.detail(input.requirementId),
    requirementKeys.versions(input.requirementId),
    confirmationKeys.list(input.requirementId),
    collaborationKeys.comments("requirement", input.requirementId),
  ];
  await Promise.all([
    ...ofRequirement.map((queryKey) => queryClient.invalidateQueries({ queryKey, refetchType: input.leftPortal ? "none" : "active" })),
    queryClient.invalidateQueries({ queryKey: requirementKeys.lists(input.projectId) }),
    queryClient.invalidateQueries({ queryKey: confirmationKeys.pending(input.projectId) }),
  ]);
}
