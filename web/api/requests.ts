/** Hooks of the online-request inbox (staff): list, one request, accept, forward, close. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AcceptOnlineRequestInput,
  AcceptOnlineRequestResponse,
  ForwardTargets,
  OnlineRequest,
  OnlineRequestSummary,
} from "../../common/contracts/requests.js";
import { get, post } from "./client.js";

export type { AcceptOnlineRequestInput, OnlineRequest, OnlineRequestSummary };
export type RequestStatusFilter = "open" | "new" | "forwarded" | "accepted" | "closed" | "all";

const keys = {
  list: (status: RequestStatusFilter) => ["requests", "list", status] as const,
  detail: (id: string) => ["requests", "detail", id] as const,
  targets: (q: string) => ["requests", "targets", q] as const,
};

export const useOnlineRequests = (status: RequestStatusFilter) =>
  useQuery({
    queryKey: keys.list(status),
    queryFn: () => get<{ items: OnlineRequestSummary[] }>("/api/requests", { status }),
    placeholderData: keepPreviousData,
  });

export const useOnlineRequest = (id: string) =>
  useQuery({ queryKey: keys.detail(id), queryFn: () => get<OnlineRequest>(`/api/requests/${id}`), retry: false });

export const useForwardTargets = (q: string) =>
  useQuery({
    queryKey: keys.targets(q),
    queryFn: () => get<ForwardTargets>("/api/requests/forward-targets", { q }),
    placeholderData: keepPreviousData,
  });

/** After any move the inbox and the request are read again. */
function useRequestMutation<TInput, TResult>(path: (id: string) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: TInput }) => post<TResult>(path(id), input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["requests"] }),
  });
}

export const useAcceptRequest = () =>
  useRequestMutation<AcceptOnlineRequestInput, AcceptOnlineRequestResponse>((id) => `/api/requests/${id}/accept`);
export const useForwardRequest = () =>
  useRequestMutation<{ siteId: string; note?: string }, OnlineRequest>((id) => `/api/requests/${id}/forward`);
export const useCloseRequest = () => useRequestMutation<{ answer: string }, OnlineRequest>((id) => `/api/requests/${id}/close`);
