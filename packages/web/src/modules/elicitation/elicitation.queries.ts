import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { TElicitationSessionKind, TProject } from "@jiaofu/contracts";
import { api } from "../../api";
import { useProjectMembers } from "../projects/projects.queries";
import { userKeys } from "../people/users.queries";

export type SessionFilters = { q?: string | undefined; kind?: TElicitationSessionKind | undefined };

export const elicitationKeys = {
  all: ["elicitation"] as const,
  sessions: (projectId: string) => ["elicitation", "sessions", projectId] as const,
  list: (projectId: string, filters: SessionFilters) => ["elicitation", "sessions", projectId, filters] as const,
  session: (id: string) => ["elicitation", "session", id] as const,
  passages: (id: string) => ["elicitation", "passages", id] as const,
};

const PAGE_SIZE = 25;

/** A project's sessions, newest first, a page at a time. */
export function useSessionList(projectId: string, filters: SessionFilters) {
  return useInfiniteQuery({
    queryKey: elicitationKeys.list(projectId, filters),
    queryFn: ({ pageParam }) => api.elicitation.listSessions(projectId, { ...filters, cursor: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSession(id: string) {
  return useQuery({ queryKey: elicitationKeys.session(id), queryFn: () => api.elicitation.getSession(id) });
}

export function usePassages(id: string) {
  return useQuery({ queryKey: elicitationKeys.passages(id), queryFn: () => api.elicitation.listPassages(id) });
}

/** Someone who can take part in a session: a member of the delivery team on the project, or a client contact. */
export type ParticipantOption = { id: string; name: string; detail: string; kind: "staff" | "contact" };

/**
 * Who may take part in a project's sessions, as the server allows it: the project's delivery team (members that
 * are not client contacts) and the contacts of the project's client.
 */
export function useParticipantOptions(project: Pick<TProject, "id" | "clientId">) {
  const members = useProjectMembers(project.id);
  const contacts = useQuery({
    queryKey: userKeys.list({ clientId: project.clientId }),
    queryFn: () => api.users.list({ clientId: project.clientId, limit: 200 }),
  });
  const team: ParticipantOption[] = (members.data?.items ?? [])
    .filter((member) => member.role !== "client")
    .map((member) => ({ id: member.userId, name: member.name, detail: member.email, kind: "staff" }));
  const clientContacts: ParticipantOption[] = (contacts.data?.items ?? [])
    .filter((user) => user.active)
    .map((user) => ({ id: user.id, name: user.name, detail: user.title || user.email, kind: "contact" }));
  return {
    team,
    contacts: clientContacts,
    isPending: members.isPending || contacts.isPending,
    error: members.error ?? contacts.error,
  };
}
