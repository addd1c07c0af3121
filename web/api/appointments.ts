/**
 * Hooks for the staff side of appointment booking: a site's booking settings, weekly hours
 * (Sprechzeiten) and exceptions, and its calendar of bookings. Types come from the zod
 * contracts (type-only imports: no zod in the bundle).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AvailabilityException,
  AvailabilityRule,
  BookingSettings,
  CalendarResponse,
  CreateAvailabilityRuleRequest,
  SiteBookingSetup,
  StaffBooking,
} from "../../common/contracts/appointments.js";
import type { AvailabilityExceptionKind, BookingStatus } from "../../common/domain/appointments.js";
import { del, get, post, put } from "./client.js";

export type { AvailabilityException, AvailabilityExceptionKind, AvailabilityRule, BookingStatus, SiteBookingSetup, StaffBooking };

type NewRule = CreateAvailabilityRuleRequest;
/** Instants as ISO strings on the wire. */
type NewException = {
  counselorId: string | null;
  start: string;
  end: string;
  kind: AvailabilityExceptionKind;
  note: string | null;
};
export type CalendarWindow = { siteId: string; counselorId?: string; from: string; to: string };

const keys = {
  setup: (siteId: string) => ["appointments", "setup", siteId] as const,
  calendar: (window: CalendarWindow) => ["appointments", "calendar", window] as const,
};

export const useBookingSetup = (siteId: string | null) =>
  useQuery({
    queryKey: keys.setup(siteId ?? ""),
    queryFn: () => get<SiteBookingSetup>(`/api/appointments/sites/${siteId}`),
    enabled: Boolean(siteId),
    retry: false,
  });

/**
 * Every change of a site's setup reloads it (hours, exceptions and the settings' version). The
 * reload is not awaited: the caller's success handler runs first, while the row whose button it
 * was (or the form keyed by the old version) is still there.
 */
function useSetupMutation<T>(siteId: string, fn: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.setup(siteId) });
    },
  });
}

export const useUpdateBookingSettings = (siteId: string) =>
  useSetupMutation(siteId, (input: BookingSettings) => put<void>(`/api/appointments/sites/${siteId}/settings`, input));

export const useAddRule = (siteId: string) =>
  useSetupMutation(siteId, (input: NewRule) => post<{ id: string }>(`/api/appointments/sites/${siteId}/rules`, input));

export const useRemoveRule = (siteId: string) => useSetupMutation(siteId, (id: string) => del(`/api/appointments/rules/${id}`));

export const useAddException = (siteId: string) =>
  useSetupMutation(siteId, (input: NewException) => post<{ id: string }>(`/api/appointments/sites/${siteId}/exceptions`, input));

export const useRemoveException = (siteId: string) => useSetupMutation(siteId, (id: string) => del(`/api/appointments/exceptions/${id}`));

/**
 * The bookings of a window. Each read is audited (names and contacts), so the calendar is not
 * refetched on every return to the window; a change of status reloads it.
 */
export const useCalendar = (window: CalendarWindow | null) =>
  useQuery({
    queryKey: keys.calendar(window ?? { siteId: "", from: "", to: "" }),
    queryFn: () =>
      get<CalendarResponse>("/api/appointments/calendar", {
        siteId: window!.siteId,
        counselorId: window!.counselorId,
        from: window!.from,
        to: window!.to,
      }),
    enabled: Boolean(window),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
    staleTime: 30_000,
    retry: false,
  });

/** Reloads every calendar window shown (after a change lost a race). */
export function useReloadCalendar() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["appointments", "calendar"] });
}

export function useSetBookingStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; status: Exclude<BookingStatus, "booked"> }) =>
      post<void>(`/api/appointments/bookings/${input.id}/status`, { status: input.status }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["appointments", "calendar"] }),
  });
}
