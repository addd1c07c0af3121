import type { AvailabilityException, AvailabilityRule, PublicBooking, Slot, StaffBooking } from "../../../common/contracts/appointments.js";
import { slotId } from "../../../common/domain/appointments.js";
import type { PublicLanguage } from "../../../common/domain/public-languages.js";
import type { PublicTopic } from "../../../common/domain/units.js";
import type { SiteRef } from "../directory/service.js";
import type { BookingRow, ExceptionRow, RuleRow, SlotRow } from "./repository.js";

export const presentSlot = (row: SlotRow): Slot => ({
  id: slotId({ siteId: row.siteId, counselorId: row.counselorId, start: row.startsAt, channel: row.channel }),
  start: row.startsAt.toISOString(),
  end: row.endsAt.toISOString(),
  counselorId: row.counselorId,
  channel: row.channel,
});

/** A site's address on one line, as in mails and calendar entries. */
export const addressLine = (site: Pick<SiteRef, "street" | "postcode" | "city">): string =>
  [site.street, [site.postcode, site.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");

/** The booking as the person who made it sees it (no counselor, no staff data). */
export function presentPublicBooking(row: BookingRow, site: SiteRef, manageUrl: string, now: Date): PublicBooking {
  return {
    id: row.id,
    siteId: row.siteId,
    siteName: site.name,
    address: { street: site.street, postcode: site.postcode, city: site.city },
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    timeZone: site.timeZone,
    channel: row.channel as PublicBooking["channel"],
    status: row.status as PublicBooking["status"],
    language: row.language,
    topic: row.topic as PublicTopic,
    locale: row.locale as PublicLanguage,
    manageUrl,
    changeable: row.status === "booked" && row.startsAt > now,
  };
}

export function presentStaffBooking(row: BookingRow, counselorNames: Map<string, string>): StaffBooking {
  return {
    id: row.id,
    siteId: row.siteId,
    counselorId: row.counselorId,
    counselorName: counselorNames.get(row.counselorId) ?? "—",
    start: row.startsAt.toISOString(),
    end: row.endsAt.toISOString(),
    channel: row.channel as StaffBooking["channel"],
    status: row.status as StaffBooking["status"],
    name: row.name,
    email: row.email,
    phone: row.phone,
    language: row.language,
    topic: row.topic as PublicTopic,
    message: row.message,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    contactErasedAt: row.contactErasedAt?.toISOString() ?? null,
  };
}

export const presentRule = (row: RuleRow, counselorNames: Map<string, string>): AvailabilityRule => ({
  id: row.id,
  counselorId: row.counselorId,
  counselorName: counselorNames.get(row.counselorId) ?? "—",
  weekday: row.weekday,
  startsAt: row.startsAt.slice(0, 5),
  endsAt: row.endsAt.slice(0, 5),
  channels: row.channels as AvailabilityRule["channels"],
  validFrom: row.validFrom,
  validUntil: row.validUntil,
});

export const presentException = (row: ExceptionRow, counselorNames: Map<string, string>): AvailabilityException => ({
  id: row.id,
  counselorId: row.counselorId,
  counselorName: row.counselorId ? (counselorNames.get(row.counselorId) ?? "—") : null,
  start: row.startsAt.toISOString(),
  end: row.endsAt.toISOString(),
  kind: row.kind as AvailabilityException["kind"],
  note: row.note,
});
