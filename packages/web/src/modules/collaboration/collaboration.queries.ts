import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { TEntityType } from "@jiaofu/contracts";
import { api } from "../../api";

export const collaborationKeys = {
  comments: (type: TEntityType, id: string) => ["comments", type, id] as const,
  attachments: (type: TEntityType, id: string) => ["attachments", type, id] as const,
  audit: (type: TEntityType, id: string) => ["audit", type, id] as const,
};

export function useComments(entityType: TEntityType, entityId: string) {
  return useInfiniteQuery({
    queryKey: collaborationKeys.comments(entityType, entityId),
    queryFn: ({ pageParam }) => api.comments.list(entityType, entityId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAttachments(entityType: TEntityType, entityId: string) {
  return useQuery({
    queryKey: collaborationKeys.attachments(entityType, entityId),
    queryFn: () => api.attachments.list(entityType, entityId),
  });
}

export function useAuditLog(entityType: TEntityType, entityId: string) {
  return useInfiniteQuery({
    queryKey: collaborationKeys.audit(entityType, entityId),
    queryFn: ({ pageParam }) => api.audit.list(entityType, entityId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
