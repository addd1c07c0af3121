/** TanStack Query hooks for every API the web app uses; keys are grouped per resource. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AccessibilityFeedbackList } from "../../common/contracts/feedback.js";
import { ApiError, del, get, patch, post, setCsrfToken } from "./client.js";
import type {
  AuditPage,
  Client,
  ClientChanges,
  ClientSummary,
  DuplicateCandidate,
  DuplicateCheck,
  NewClient,
  NewConsent,
  PostcodePlace,
  Provider,
  Role,
  Session,
  TotpSetup,
  Unit,
  UnitDetail,
  UnitHistoryEntry,
  User,
  UserPage,
  UserSession,
} from "./types.js";

const keys = {
  session: ["session"] as const,
  mySessions: ["me", "sessions"] as const,
  units: (filter: object) => ["units", "list", filter] as const,
  unit: (id: string) => ["units", "detail", id] as const,
  unitHistory: (id: string) => ["units", "history", id] as const,
  providers: (q: string) => ["providers", q] as const,
  users: (filter: object) => ["users", "list", filter] as const,
  user: (id: string) => ["users", "detail", id] as const,
  grantable: (unitId: string) => ["roles", "grantable", unitId] as const,
  audit: (filter: object) => ["audit", filter] as const,
  accessibilityFeedback: ["accessibility-feedback"] as const,
  clientSearch: (q: string) => ["clients", "search", q] as const,
  clientDuplicates: (input: DuplicateCheck | null) => ["clients", "duplicates", input] as const,
  client: (id: string) => ["clients", "detail", id] as const,
};

// --- session ---------------------------------------------------------------------------

/** The current session, or null when signed out (401). */
export function useSession() {
  return useQuery({
    queryKey: keys.session,
    queryFn: async () => {
      try {
        const session = await get<Session>("/api/auth/session");
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string; totp?: string }) => post<Session>("/api/auth/login", input),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.clear();
      client.setQueryData(keys.session, session);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => post<void>("/api/auth/logout"),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(keys.session, null);
    },
  });
}

export const usePasswordResetRequest = () =>
  useMutation({ mutationFn: (email: string) => post<void>("/api/auth/password-reset/request", { email }) });

export const usePasswordResetConfirm = () =>
  useMutation({
    mutationFn: (input: { token: string; password: string }) => post<void>("/api/auth/password-reset/confirm", input),
  });

// --- my account ------------------------------------------------------------------------

export const useMySessions = () =>
  useQuery({ queryKey: keys.mySessions, queryFn: () => get<{ items: UserSession[] }>("/api/me/sessions") });

export function useRevokeMySession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del(`/api/me/sessions/${id}`),
    // Ending the current session signs out: the session query then answers null.
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: keys.mySessions }), client.invalidateQueries({ queryKey: keys.session })]),
  });
}

export const useChangePassword = () =>
  useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => post<void>("/api/me/password", input),
  });

export const useTotpSetup = () => useMutation({ mutationFn: () => post<TotpSetup>("/api/me/totp/setup") });

/** Enabling or disabling the second factor changes the session (mfaPending, mfaEnabled). */
export function useTotpEnable() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => post<void>("/api/me/totp/enable", { code }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.session }),
  });
}

export function useTotpDisable() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => post<void>("/api/me/totp/disable", { password }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.session }),
  });
}

// --- directory -------------------------------------------------------------------------

export type UnitFilter = { type?: string; parentId?: string; q?: string; includeClosed?: boolean };

export const useUnits = (filter: UnitFilter, enabled = true) =>
  useQuery({
    queryKey: keys.units(filter),
    queryFn: () => get<{ items: Unit[] }>("/api/units", filter),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useUnit = (id: string) => useQuery({ queryKey: keys.unit(id), queryFn: () => get<UnitDetail>(`/api/units/${id}`) });

export const useUnitHistory = (id: string) =>
  useQuery({
    queryKey: keys.unitHistory(id),
    queryFn: () => get<{ items: UnitHistoryEntry[] }>(`/api/units/${id}/history`),
  });

export const useProviders = (q: string) =>
  useQuery({
    queryKey: keys.providers(q),
    queryFn: () => get<{ items: Provider[] }>("/api/providers", { q }),
    placeholderData: keepPreviousData,
  });

export const fetchPostcode = (postcode: string) => get<{ items: PostcodePlace[] }>(`/api/postcodes/${postcode}`);

/** Every unit mutation refreshes the directory lists, the unit and its history. */
function useUnitMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Also after errors: a 409 means our copy is stale, so dialogs pick up the new version.
    onSettled: () => client.invalidateQueries({ queryKey: ["units"] }),
  });
}

export const useCreateUnit = () => useUnitMutation((input: Record<string, unknown>) => post<UnitDetail>("/api/units", input));
export const useUpdateUnit = (id: string) =>
  useUnitMutation((input: Record<string, unknown> & { version: number }) => patch<UnitDetail>(`/api/units/${id}`, input));
export const useMoveUnit = (id: string) =>
  useUnitMutation((input: { version: number; parentId: string }) => post<UnitDetail>(`/api/units/${id}/move`, input));
export const useCloseUnit = (id: string) =>
  useUnitMutation((input: { version: number; closedOn: string; cascade?: boolean }) => post<UnitDetail>(`/api/units/${id}/close`, input));
export const useReopenUnit = (id: string) =>
  useUnitMutation((input: { version: number }) => post<UnitDetail>(`/api/units/${id}/reopen`, input));

// --- users -----------------------------------------------------------------------------

export type UserFilter = { q?: string; unitId?: string };

export const useUsers = (filter: UserFilter) =>
  useInfiniteQuery({
    queryKey: keys.users(filter),
    queryFn: ({ pageParam }) => get<UserPage>("/api/users", { ...filter, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useUser = (id: string) => useQuery({ queryKey: keys.user(id), queryFn: () => get<User>(`/api/users/${id}`) });

export const useGrantableRoles = (unitId: string | null) =>
  useQuery({
    queryKey: keys.grantable(unitId ?? ""),
    queryFn: () => get<{ roles: Role[] }>("/api/roles/grantable", { unitId: unitId ?? undefined }),
    enabled: Boolean(unitId),
  });

function useUserMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ["users"] }) });
}

export const useCreateUser = () =>
  useUserMutation((input: { email: string; displayName: string; role: Role; unitId: string }) => post<User>("/api/users", input));
export const useUpdateUser = (id: string) =>
  useUserMutation((input: { version: number; displayName?: string; disabled?: boolean }) => patch<User>(`/api/users/${id}`, input));
export const useGrantRole = (id: string) =>
  useUserMutation((input: { role: Role; unitId: string }) => post<unknown>(`/api/users/${id}/roles`, input));
export const useRevokeRole = (id: string) => useUserMutation((grantId: string) => del(`/api/users/${id}/roles/${grantId}`));
export const useRevokeUserSessions = (id: string) => useUserMutation(() => del(`/api/users/${id}/sessions`));

// --- audit -----------------------------------------------------------------------------

export type AuditFilter = {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  recordType?: string;
  recordId?: string;
  outcome?: string;
};

export const useAuditEvents = (filter: AuditFilter, before: number | undefined) =>
  useQuery({
    queryKey: keys.audit({ ...filter, before }),
    queryFn: () => get<AuditPage>("/api/audit/events", { ...filter, before, limit: 50 }),
    placeholderData: keepPreviousData,
  });

// --- reported barriers ------------------------------------------------------------------

export const useAccessibilityFeedback = () =>
  useInfiniteQuery({
    queryKey: keys.accessibilityFeedback,
    queryFn: ({ pageParam }) => get<AccessibilityFeedbackList>("/api/accessibility-feedback", { before: pageParam, limit: 50 }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

// --- clients (Ratsuchende) -------------------------------------------------------------------
// Names go to the server in request bodies or the search parameter, never into the page URL.

/** Search by name or client number; runs only for a searchable text (see the search page). */
export const useClientSearch = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.clientSearch(q),
    queryFn: () => get<{ items: ClientSummary[] }>("/api/clients", { q, limit: 20 }),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });

/** Possible duplicates of a person about to be recorded; null = nothing to check yet. */
export const useDuplicateCheck = (input: DuplicateCheck | null) =>
  useQuery({
    queryKey: keys.clientDuplicates(input),
    queryFn: () => post<{ items: DuplicateCandidate[] }>("/api/clients/duplicate-check", input),
    enabled: input !== null,
    staleTime: 30_000,
    retry: false,
  });

export const useClient = (id: string) =>
  useQuery({ queryKey: keys.client(id), queryFn: () => get<Client>(`/api/clients/${id}`), retry: false });

/** Every change answers with the whole client: it becomes the cached detail at once. */
function useClientMutation<I>(fn: (input: I) => Promise<Client>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      client.setQueryData(keys.client(data.id), data);
      return client.invalidateQueries({ queryKey: ["clients", "search"] });
    },
  });
}

export const useCreateClient = () => useClientMutation((input: NewClient) => post<Client>("/api/clients", input));
export function useUpdateClient(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ClientChanges & { version: number }) => patch<Client>(`/api/clients/${id}`, input),
    onSuccess: (data) => client.setQueryData(keys.client(id), data),
    // A 409 means our copy is stale: refetch so a reload offers the current version.
    onError: () => client.invalidateQueries({ queryKey: keys.client(id) }),
  });
}
export const useGiveConsent = (id: string) => useClientMutation((input: NewConsent) => post<Client>(`/api/clients/${id}/consents`, input));
export const useWithdrawConsent = (id: string) =>
  useClientMutation((consentId: string) => post<Client>(`/api/clients/${id}/consents/${consentId}/withdraw`));
