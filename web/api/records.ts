/**
 * Hooks for the records kept about a client's case: the timeline, consultations (with
 * second-level support), recognition procedures with their checklist, and group events.
 * Types come from the zod contracts (type-only imports: no zod in the browser bundle).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Consultation,
  ConsultationDefaults,
  createConsultationRequest,
  createGroupEventRequest,
  GroupEvent,
  ReferenceProfession,
  SupportQueueItem,
  SupportRequest,
  updateConsultationRequest,
} from "../../common/contracts/consultations.js";
import type {
  createProcedureRequest,
  documentInput,
  Procedure,
  ProcedureChecklist,
  updateProcedureRequest,
} from "../../common/contracts/procedures.js";
import type { TimelineEntry } from "../../common/contracts/timeline.js";
import type { ChecklistLanguage } from "../../common/domain/procedure-checklist-i18n.js";
import { get, patch, post, put } from "./client.js";

export type {
  Consultation,
  ConsultationDefaults,
  GroupEvent,
  Procedure,
  ProcedureChecklist,
  SupportQueueItem,
  SupportRequest,
  TimelineEntry,
};
export type NewConsultation = z.input<typeof createConsultationRequest>;
type ConsultationChanges = z.input<typeof updateConsultationRequest>;
type NewProcedure = z.input<typeof createProcedureRequest>;
type ProcedureChanges = z.input<typeof updateProcedureRequest>;
export type DocumentEntry = z.input<typeof documentInput>;
type NewGroupEvent = z.input<typeof createGroupEventRequest>;

const keys = {
  timeline: (clientId: string) => ["timeline", clientId] as const,
  consultation: (id: string) => ["consultations", "detail", id] as const,
  defaults: (clientId: string) => ["consultations", "defaults", clientId] as const,
  professions: (q: string) => ["referenceProfessions", q] as const,
  supportQueue: (status: string) => ["supportQueue", status] as const,
  procedure: (id: string) => ["procedures", "detail", id] as const,
  checklist: (id: string, lang: string) => ["procedures", "checklist", id, lang] as const,
  groupEvents: (unitId: string) => ["groupEvents", unitId] as const,
};

// --- timeline --------------------------------------------------------------------------------

/** One audited read of everything recorded about the client, newest first. */
export const useTimeline = (clientId: string, enabled = true) =>
  useQuery({
    queryKey: keys.timeline(clientId),
    queryFn: () => get<{ items: TimelineEntry[] }>(`/api/clients/${clientId}/timeline`),
    enabled,
    retry: false,
  });

// --- consultations ---------------------------------------------------------------------------

/** Prefill of the recording form; never cached (the kind depends on what was recorded meanwhile). */
export const useConsultationDefaults = (clientId: string) =>
  useQuery({
    queryKey: keys.defaults(clientId),
    queryFn: () => get<ConsultationDefaults>("/api/consultations/defaults", { clientId }),
    gcTime: 0,
    staleTime: 0,
    retry: false,
  });

export const useConsultation = (id: string) =>
  useQuery({ queryKey: keys.consultation(id), queryFn: () => get<Consultation>(`/api/consultations/${id}`), retry: false });

export function useCreateConsultation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewConsultation) => post<Consultation>("/api/consultations", input),
    onSuccess: (data) => {
      client.setQueryData(keys.consultation(data.id), data);
      return client.invalidateQueries({ queryKey: keys.timeline(data.clientId) });
    },
  });
}

export function useUpdateConsultation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ConsultationChanges & { version: number }) => patch<Consultation>(`/api/consultations/${id}`, input),
    onSuccess: (data) => {
      client.setQueryData(keys.consultation(id), data);
      return client.invalidateQueries({ queryKey: keys.timeline(data.clientId) });
    },
    // A 409 means our copy is stale: refetch so a reload offers the current version.
    onError: () => client.invalidateQueries({ queryKey: keys.consultation(id) }),
  });
}

/** The catalogue, searched as one types (names and former names). */
export const useReferenceProfessions = (q: string) =>
  useQuery({
    queryKey: keys.professions(q),
    queryFn: () => get<{ items: ReferenceProfession[] }>("/api/reference-professions", { q, limit: 30 }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

// --- second-level support (Faire Integration) ------------------------------------------------

export function useAskSupport(consultationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (question: string) => post<SupportRequest>(`/api/consultations/${consultationId}/support-requests`, { question }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.consultation(consultationId) }),
  });
}

export const useSupportQueue = (status: "open" | "answered") =>
  useQuery({
    queryKey: keys.supportQueue(status),
    queryFn: () => get<{ items: SupportQueueItem[] }>("/api/support-requests", { status, limit: 100 }),
    placeholderData: keepPreviousData,
  });

export function useAnswerSupport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; answer: string; version: number }) =>
      post<SupportQueueItem>(`/api/support-requests/${id}/answer`, body),
    // Also after a 409 (someone else answered): the queue shows the current state.
    onSettled: () => client.invalidateQueries({ queryKey: ["supportQueue"] }),
  });
}

// --- recognition procedures ------------------------------------------------------------------

export const useProcedure = (id: string) =>
  useQuery({ queryKey: keys.procedure(id), queryFn: () => get<Procedure>(`/api/procedures/${id}`), retry: false });

/** Every change answers with the whole procedure: it becomes the cached one at once. */
function useProcedureMutation<I>(fn: (input: I) => Promise<Procedure>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => {
      client.setQueryData(keys.procedure(data.id), data);
      return Promise.all([
        client.invalidateQueries({ queryKey: keys.timeline(data.clientId) }),
        client.invalidateQueries({ queryKey: ["procedures", "checklist", data.id] }),
      ]);
    },
  });
}

export const useCreateProcedure = () => useProcedureMutation((input: NewProcedure) => post<Procedure>("/api/procedures", input));
export const useUpdateProcedure = (id: string) =>
  useProcedureMutation((input: ProcedureChanges) => patch<Procedure>(`/api/procedures/${id}`, input));
export const useReplaceDocuments = (id: string) =>
  useProcedureMutation((input: { version: number; documents: DocumentEntry[] }) =>
    put<Procedure>(`/api/procedures/${id}/documents`, input),
  );

/** The printable checklist; without a language the server takes the client's. */
export const useChecklist = (id: string, lang: ChecklistLanguage | undefined) =>
  useQuery({
    queryKey: keys.checklist(id, lang ?? ""),
    queryFn: () => get<ProcedureChecklist>(`/api/procedures/${id}/checklist`, { lang }),
    placeholderData: keepPreviousData,
    retry: false,
  });

// --- group information events ----------------------------------------------------------------

export const useGroupEvents = (unitId: string | null) =>
  useQuery({
    queryKey: keys.groupEvents(unitId ?? ""),
    queryFn: () => get<{ items: GroupEvent[] }>("/api/group-events", { unitId: unitId ?? undefined, limit: 100 }),
    enabled: Boolean(unitId),
  });

export function useCreateGroupEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewGroupEvent) => post<GroupEvent>("/api/group-events", input),
    onSuccess: () => client.invalidateQueries({ queryKey: ["groupEvents"] }),
  });
}
