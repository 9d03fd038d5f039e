import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TUpdateNotificationSettingsRequest } from "@jiaofu/contracts";
import { api } from "../../api";

export const notificationKeys = {
  all: ["notifications"] as const,
  unreadCount: ["notifications", "unread-count"] as const,
  recent: ["notifications", "recent"] as const,
  list: (unreadOnly: boolean) => ["notifications", "list", unreadOnly] as const,
  settings: ["notifications", "settings"] as const,
};

/** How often the bell asks for news: every 30 s, and whenever the window gets focus again. */
const POLL_MS = 30_000;

export function useUnreadNotificationCount() {
  return useQuery({ queryKey: notificationKeys.unreadCount, queryFn: () => api.notifications.unreadCount(), refetchInterval: POLL_MS, refetchOnWindowFocus: true });
}

/** The newest few, for the bell's panel (fetched while it is open). */
export function useRecentNotifications(enabled: boolean) {
  return useQuery({ queryKey: notificationKeys.recent, queryFn: () => api.notifications.list({ limit: 8 }), enabled, refetchOnWindowFocus: true });
}

export function useNotificationList(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: ({ pageParam }) => api.notifications.list({ limit: 30, ...(unreadOnly ? { unread: "true" as const } : {}), ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Every notification query again (count, panel, page) after something was read. */
function useNotificationsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}

export function useMarkNotificationRead() {
  const changed = useNotificationsChanged();
  return useMutation({ mutationFn: (id: string) => api.notifications.markRead(id), onSuccess: changed });
}

export function useMarkAllNotificationsRead() {
  const changed = useNotificationsChanged();
  return useMutation({ mutationFn: () => api.notifications.markAllRead(), onSuccess: changed });
}

export function useNotificationSettings() {
  return useQuery({ queryKey: notificationKeys.settings, queryFn: () => api.notifications.settings() });
}

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateNotificationSettingsRequest) => api.notifications.updateSettings(body),
    onSuccess: (settings) => queryClient.setQueryData(notificationKeys.settings, settings),
  });
}
