/**
 * Hooks for casework around a client: referrals (Verweise), follow-up tasks (Wiedervorlagen),
 * the caseload (Fallbestand), break-the-glass access and the data subject rights (access export,
 * merge, erasure). Types come from the zod contracts (type-only imports: no zod in the bundle).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AccessGrant,
  CaseloadEntry,
  CaseloadReassignment,
  createTaskRequest,
  MyTask,
  ReassignCaseloadRequest,
  Task,
  TaskDueFilter,
} from "../../common/contracts/casework.js";
import type { ClientExport, EraseClientResponse, MergeClientResponse } from "../../common/contracts/client-lifecycle.js";
import type {
  createReferralRequest,
  Referral,
  ReferralPartner,
  ReferralSummary,
  SharedClientData,
} from "../../common/contracts/referrals.js";
import type { ReferralStatus } from "../../common/domain/referrals.js";
import { get, patch, post } from "./client.js";

export type {
  AccessGrant,
  CaseloadEntry,
  CaseloadReassignment,
  ClientExport,
  MyTask,
  Referral,
  ReferralPartner,
  ReferralStatus,
  ReferralSummary,
  SharedClientData,
  Task,
  TaskDueFilter,
};
export type NewReferral = z.input<typeof createReferralRequest>;
export type NewTask = z.input<typeof createTaskRequest>;
export type ReferralBox = "inbox" | "outbox";
export type ReferralFilter = { status?: ReferralStatus; overdue?: boolean };

const keys = {
  box: (box: ReferralBox, filter: ReferralFilter) => ["referrals", box, filter] as const,
  referral: (id: string) => ["referrals", "detail", id] as const,
  partners: (q: string) => ["referrals", "partners", q] as const,
  clientTasks: (clientId: string) => ["tasks", "client", clientId] as const,
  myTasks: (due: TaskDueFilter) => ["tasks", "mine", due] as const,
  taskAssignees: (clientId: string) => ["taskAssignees", clientId] as const,
  caseload: ["caseload"] as const,
  accessGrants: (clientId: string) => ["accessGrants", clientId] as const,
  /** The client detail of web/api/hooks.ts: refreshed after break-the-glass, merge and erasure. */
  client: (id: string) => ["clients", "detail", id] as const,
};

// --- referrals -------------------------------------------------------------------------------

export const useReferralBox = (box: ReferralBox, filter: ReferralFilter) =>
  useQuery({
    queryKey: keys.box(box, filter),
    queryFn: () =>
      get<{ items: ReferralSummary[] }>(`/api/referrals/${box}`, {
        status: filter.status,
        overdue: filter.overdue ? "true" : undefined,
      }),
    placeholderData: keepPreviousData,
  });

/** Open sub-projects of every state network by name: a referral crosses state networks. */
export const useReferralPartners = (q: string) =>
  useQuery({
    queryKey: keys.partners(q),
    queryFn: () => get<{ items: ReferralPartner[] }>("/api/referrals/partners", { q, limit: 50 }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

/** One referral; for the recipient an audited read of exactly the shared fields. */
export const useReferral = (id: string) =>
  useQuery({ queryKey: keys.referral(id), queryFn: () => get<Referral>(`/api/referrals/${id}`), retry: false });

export function useCreateReferral() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewReferral) => post<Referral>("/api/referrals", input),
    onSuccess: (data) => {
      client.setQueryData(keys.referral(data.id), data);
      return client.invalidateQueries({ queryKey: ["referrals"] });
    },
  });
}

export function useChangeReferralStatus(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { status: ReferralStatus; reason?: string | null; version: number }) =>
      post<Referral>(`/api/referrals/${id}/status`, input),
    onSuccess: (data) => {
      client.setQueryData(keys.referral(id), data);
      return client.invalidateQueries({ queryKey: ["referrals"], predicate: (q) => q.queryKey[1] !== "detail" });
    },
  });
}

// --- tasks (Wiedervorlagen) ------------------------------------------------------------------

export const useClientTasks = (clientId: string, enabled = true) =>
  useQuery({
    queryKey: keys.clientTasks(clientId),
    queryFn: () => get<{ items: Task[] }>(`/api/clients/${clientId}/tasks`),
    enabled,
    retry: false,
  });

/** The caseworkers of the client's sub-project a task can go to (names change rarely: cached a while). */
export const useTaskAssignees = (clientId: string) =>
  useQuery({
    queryKey: keys.taskAssignees(clientId),
    queryFn: () => get<{ items: { id: string; name: string }[] }>(`/api/clients/${clientId}/task-assignees`),
    staleTime: 5 * 60_000,
    retry: false,
  });

export const useMyTasks = (due: TaskDueFilter) =>
  useQuery({
    queryKey: keys.myTasks(due),
    queryFn: () => get<{ today: string; items: MyTask[] }>("/api/tasks/mine", { due }),
  });

export function useCreateTask(clientId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewTask) => post<Task>(`/api/clients/${clientId}/tasks`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["tasks"] }),
  });
}

/** Closes or reopens a task (optimistic locking: a stale version answers 409). */
export function useSetTaskDone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { clientId: string; taskId: string; version: number; done: boolean }) =>
      patch<Task>(`/api/clients/${input.clientId}/tasks/${input.taskId}`, { done: input.done, version: input.version }),
    // Also after errors: a 409 means the list is stale.
    onSettled: () => client.invalidateQueries({ queryKey: ["tasks"] }),
  });
}

// --- caseload (Fallbestand) ------------------------------------------------------------------

export const useCaseload = (enabled = true) =>
  useQuery({ queryKey: keys.caseload, queryFn: () => get<{ items: CaseloadEntry[] }>("/api/caseload"), enabled });

export function useReassignCaseload() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReassignCaseloadRequest) => post<CaseloadReassignment>("/api/caseload/reassign", input),
    onSettled: () =>
      Promise.all([client.invalidateQueries({ queryKey: keys.caseload }), client.invalidateQueries({ queryKey: ["tasks"] })]),
  });
}

// --- break-the-glass -------------------------------------------------------------------------

export function useBreakGlass(clientId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => post<AccessGrant>(`/api/clients/${clientId}/break-glass`, { reason }),
    // The refused read of the client is cached as an error: read it again now.
    onSuccess: () => client.invalidateQueries({ queryKey: keys.client(clientId) }),
  });
}

export const useAccessGrants = (clientId: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.accessGrants(clientId),
    queryFn: () => get<{ items: AccessGrant[] }>(`/api/clients/${clientId}/access-grants`),
    enabled,
    retry: false,
  });

export function useRevokeAccessGrant(clientId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (grantId: string) => post<AccessGrant>(`/api/clients/${clientId}/access-grants/${grantId}/revoke`),
    onSettled: () => client.invalidateQueries({ queryKey: keys.accessGrants(clientId) }),
  });
}

// --- data subject rights ---------------------------------------------------------------------

/** Everything stored about the client (Art. 15 GDPR); an audited read. */
export const fetchClientExport = (clientId: string) => get<ClientExport>(`/api/clients/${clientId}/export`);

export function useEraseClient(clientId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => post<EraseClientResponse>(`/api/clients/${clientId}/erase`, { version }),
    onSettled: () =>
      Promise.all([client.invalidateQueries({ queryKey: keys.client(clientId) }), client.invalidateQueries({ queryKey: ["tasks"] })]),
  });
}

export function useMergeClient(clientId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { duplicateId: string; version: number; duplicateVersion: number }) =>
      post<MergeClientResponse>(`/api/clients/${clientId}/merge`, input),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ["clients"] }),
        client.invalidateQueries({ queryKey: ["tasks"] }),
        client.invalidateQueries({ queryKey: ["referrals"] }),
      ]),
  });
}
