/** Hooks of public appointment booking (no session; a booking is reached only with its signed token). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateBookingRequest, PublicBooking, SlotList } from "../../common/contracts/appointments.js";
import type { BookingChannel } from "../../common/domain/appointments.js";
import { get, post } from "./client.js";

export type { PublicBooking, SlotList };
export type Slot = SlotList["items"][number];
export type BookingInput = CreateBookingRequest;

/** The server answers at most 62 days at once; the booking horizon of a site is usually shorter. */
const SLOT_WINDOW_DAYS = 62;

/** The query of a site's free slots from now on, in one channel. */
const slotsQuery = (siteId: string, channel: BookingChannel | null) => ({
  queryKey: ["public", "slots", siteId, channel],
  queryFn: () => {
    const from = new Date();
    const to = new Date(from.getTime() + SLOT_WINDOW_DAYS * 86_400_000);
    return get<SlotList>(`/api/public/sites/${siteId}/slots`, { from: from.toISOString(), to: to.toISOString(), channel });
  },
  // A slot someone else just took should disappear soon.
  staleTime: 30_000,
});

/** Free slots of a site from now on, in one channel. */
export function usePublicSlots(siteId: string, channel: BookingChannel | null) {
  return useQuery({ ...slotsQuery(siteId, channel), enabled: channel !== null && siteId !== "", retry: false });
}

/**
 * Starts fetching a site's free slots before the slot picker is there (the booking page, while
 * its form's code is on the way); the picker then takes the answer. Errors are the picker's to show.
 */
export function usePrefetchPublicSlots(): (siteId: string, channel: BookingChannel) => void {
  const client = useQueryClient();
  return (siteId, channel) => void client.prefetchQuery({ ...slotsQuery(siteId, channel), retry: false });
}

export function useCreateBooking() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BookingInput) => post<PublicBooking>("/api/public/bookings", input),
    onSettled: () => client.invalidateQueries({ queryKey: ["public", "slots"] }),
  });
}

export function usePublicBooking(id: string, token: string) {
  return useQuery({
    queryKey: ["public", "booking", id, token],
    queryFn: () => get<PublicBooking>(`/api/public/bookings/${id}`, { token }),
    enabled: id !== "" && token !== "",
    retry: false,
  });
}

/** Cancel or move a booking through its signed link; the page shows the answer at once. */
export function useChangeBooking(id: string, token: string) {
  const client = useQueryClient();
  const done = (booking: PublicBooking) => {
    client.setQueryData(["public", "booking", id, token], booking);
    void client.invalidateQueries({ queryKey: ["public", "slots"] });
  };
  return {
    cancel: useMutation({ mutationFn: () => post<PublicBooking>(`/api/public/bookings/${id}/cancel`, { token }), onSuccess: done }),
    reschedule: useMutation({
      mutationFn: (slotId: string) => post<PublicBooking>(`/api/public/bookings/${id}/reschedule`, { token, slotId }),
      onSuccess: done,
    }),
  };
}

/** The .ics download of a booking (a plain link; the browser saves or opens it). */
export const bookingIcsUrl = (id: string, token: string) => `/api/public/bookings/${id}/ics?token=${encodeURIComponent(token)}`;
