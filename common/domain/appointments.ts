/** Appointment booking (Terminbuchung): the channels a slot can be booked for and its life cycle. */
export const bookingChannels = ["in_person", "phone", "video"] as const;
export type BookingChannel = (typeof bookingChannels)[number];

/** The channels of a site in which appointments can be booked (not: written, mobile). */
export const bookableChannels = (siteChannels: readonly string[]): BookingChannel[] =>
  bookingChannels.filter((c) => siteChannels.includes(c));

/** booked → attended | no_show (staff, after the time) or cancelled (person or staff, before). */
export const bookingStatuses = ["booked", "cancelled", "attended", "no_show"] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** Holiday and closure hold for the whole site; absence for one counselor. */
export const availabilityExceptionKinds = ["holiday", "closure", "absence"] as const;
export type AvailabilityExceptionKind = (typeof availabilityExceptionKinds)[number];

export const defaultDurations: Record<BookingChannel, number> = { in_person: 60, phone: 45, video: 45 };

/** What a slot is: one counselor, one start, one channel at one site. Its id spells that out. */
export type SlotKey = { siteId: string; counselorId: string; start: Date; channel: BookingChannel };

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const SLOT_ID_RE = new RegExp(`^(${UUID})\\.(${UUID})\\.(\\d{8,12})\\.(in_person|phone|video)$`);

/**
 * Slots are computed, not stored: the id carries site, counselor, start (Unix seconds) and
 * channel, and the server checks on booking that the slot is still offered.
 */
export function slotId(key: SlotKey): string {
  return `${key.siteId}.${key.counselorId}.${Math.floor(key.start.getTime() / 1000)}.${key.channel}`;
}

export function parseSlotId(id: string): SlotKey | null {
  const match = SLOT_ID_RE.exec(id);
  if (!match) return null;
  return {
    siteId: match[1]!,
    counselorId: match[2]!,
    start: new Date(Number(match[3]) * 1000),
    channel: match[4] as BookingChannel,
  };
}
