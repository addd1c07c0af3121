/**
 * Hooks of saved queries (Sonderanfragen): the list the caller sees, one query, and saving,
 * changing, deleting. Running one is the report hook (monitoring.ts) with its parameters.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateSavedQueryRequest,
  SavedQuery,
  SavedQueryList,
  SavedQuerySharing,
  SavedReportQuery,
  UpdateSavedQueryRequest,
} from "../../common/contracts/monitoring.js";
import { del, get, patch, post } from "./client.js";

export type { SavedQuery, SavedQuerySharing, SavedReportQuery };

const keys = {
  all: ["monitoring", "queries"] as const,
  one: (id: string) => ["monitoring", "queries", id] as const,
};

export const useSavedQueries = () => useQuery({ queryKey: keys.all, queryFn: () => get<SavedQueryList>("/api/monitoring/queries") });

export const useSavedQuery = (id: string | undefined) =>
  useQuery({ queryKey: keys.one(id ?? ""), queryFn: () => get<SavedQuery>(`/api/monitoring/queries/${id}`), enabled: Boolean(id) });

export function useCreateSavedQuery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSavedQueryRequest) => post<SavedQuery>("/api/monitoring/queries", input),
    onSuccess: (saved) => {
      client.setQueryData(keys.one(saved.id), saved);
      void client.invalidateQueries({ queryKey: keys.all, exact: true });
    },
  });
}

export function useUpdateSavedQuery(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSavedQueryRequest) => patch<SavedQuery>(`/api/monitoring/queries/${id}`, input),
    onSuccess: (saved) => {
      client.setQueryData(keys.one(saved.id), saved);
      void client.invalidateQueries({ queryKey: keys.all, exact: true });
    },
  });
}

export function useDeleteSavedQuery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => del(`/api/monitoring/queries/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all, exact: true }),
  });
}
