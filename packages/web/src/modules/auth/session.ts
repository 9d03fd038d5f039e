import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { TMe } from "@jiaofu/contracts";
import { CSRF_COOKIE, api, readCookie } from "../../api";

export const meQueryKey = ["me"] as const;

/**
 * The signed-in person; errors with 401 when nobody is signed in. `onlyIfSession` skips the request when the
 * browser holds no session (no CSRF cookie), e.g. on the sign-in page.
 */
export function useMe({ onlyIfSession = false }: { onlyIfSession?: boolean } = {}) {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => api.me.get(),
    staleTime: 5 * 60_000,
    retry: false,
    enabled: !onlyIfSession || readCookie(CSRF_COOKIE) !== undefined,
  });
}

/** Use inside the signed-in shells, where the guard has already loaded the person. */
export function useSignedInMe(): TMe {
  const { data } = useMe();
  if (!data) throw new Error("useSignedInMe used outside a signed-in route");
  return data;
}

export const isAdmin = (me: Pick<TMe, "role">) => me.role === "owner" || me.role === "admin";
export const isStaff = (me: Pick<TMe, "role">) => me.role !== "client";

/** Where a person lands after signing in. */
export function homePathFor(me: Pick<TMe, "role">): string {
  return isStaff(me) ? "/" : "/portal";
}

export function useSignOut(onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.auth.signOut(),
    onSettled: () => {
      queryClient.clear();
      onDone();
    },
  });
}
