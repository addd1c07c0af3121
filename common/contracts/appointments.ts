import { z } from "zod";
import { availabilityExceptionKinds, bookingChannels, bookingStatuses } from "../domain/appointments.js";
import { publicLanguages } from "../domain/public-languages.js";
import { publicTopics } from "../domain/units.js";
import { optionalPublicFormGuardFields } from "./public-forms.js";
import { emailSchema, idSchema, isoDate, languageCode, optionalText, text } from "./shared.js";

/**
 * Appointment booking (issue 4): counselors publish availability per site, the public books
 * a free slot, staff keep the calendar. Times are ISO 8601 instants (UTC on the wire); the
 * site's time zone says how to show them.
 */

const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Uhrzeit als HH:MM");

// --- public ------------------------------------------------------------------------------------

export const publicSlotQuery = z
  .object({
    from: instant.optional(),
    to: instant.optional(),
    channel: z.enum(bookingChannels).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ["to"], message: "„bis“ muss nach „von“ liegen" })
  .refine((q) => !q.from || !q.to || q.to.getTime() - q.from.getTime() <= 62 * 86_400_000, {
    path: ["to"],
    message: "höchstens 62 Tage auf einmal",
  });

export const slotSchema = z
  .object({
    id: z.string(),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    counselorId: idSchema,
    channel: z.enum(bookingChannels),
  })
  .meta({ id: "Slot" });

export const slotListResponse = z
  .object({
    items: z.array(slotSchema),
    /** The site's time zone: show every time in it. */
    timeZone: z.string(),
  })
  .meta({ id: "SlotList" });

export const createBookingRequest = z
  .object({
    slotId: z.string().min(1).max(200),
    name: text(200),
    email: emailSchema,
    phone: optionalText(40),
    /** The language to be counseled in. */
    language: languageCode,
    topic: z.enum(publicTopics),
    message: optionalText(1000),
    /** The language of mails and of the manage page; defaults to German. */
    locale: z.enum(publicLanguages).default("de"),
    consent: z.literal(true, "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu."),
    ...optionalPublicFormGuardFields,
  })
  .meta({ id: "CreateBookingRequest" });

export const publicBookingSchema = z
  .object({
    id: idSchema,
    siteId: idSchema,
    siteName: z.string(),
    address: z.object({ street: z.string().nullable(), postcode: z.string().nullable(), city: z.string().nullable() }),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    timeZone: z.string(),
    channel: z.enum(bookingChannels),
    status: z.enum(bookingStatuses),
    language: z.string(),
    topic: z.enum(publicTopics),
    locale: z.enum(publicLanguages),
    /** The signed link to see, cancel or move this booking (also in the confirmation mail). */
    manageUrl: z.string(),
    /** Cancel and reschedule are possible until the appointment starts. */
    changeable: z.boolean(),
  })
  .meta({ id: "PublicBooking" });

export const manageTokenQuery = z.object({ token: z.string().min(10).max(200) });
export const cancelBookingRequest = z.object({ token: z.string().min(10).max(200) });
export const rescheduleBookingRequest = z.object({ token: z.string().min(10).max(200), slotId: z.string().min(1).max(200) });

// --- staff -------------------------------------------------------------------------------------

export const durationsSchema = z.object({
  in_person: z.number().int().min(10).max(240),
  phone: z.number().int().min(10).max(240),
  video: z.number().int().min(10).max(240),
});

export const bookingSettingsSchema = z
  .object({
    durations: durationsSchema,
    bufferMinutes: z.number().int().min(0).max(240),
    minNoticeHours: z.number().int().min(0).max(720),
    horizonDays: z.number().int().min(1).max(365),
    version: z.number().int(),
  })
  .meta({ id: "BookingSettings" });

export const updateBookingSettingsRequest = bookingSettingsSchema.meta({ id: "UpdateBookingSettingsRequest" });

export const availabilityRuleSchema = z
  .object({
    id: idSchema,
    counselorId: idSchema,
    counselorName: z.string(),
    weekday: z.number().int().min(1).max(7),
    startsAt: wallTime,
    endsAt: wallTime,
    channels: z.array(z.enum(bookingChannels)),
    validFrom: isoDate,
    validUntil: isoDate.nullable(),
  })
  .meta({ id: "AvailabilityRule" });

export const createAvailabilityRuleRequest = z
  .object({
    counselorId: idSchema,
    weekday: z.number().int().min(1).max(7),
    startsAt: wallTime,
    endsAt: wallTime,
    channels: z.array(z.enum(bookingChannels)).min(1).max(3),
    validFrom: isoDate,
    validUntil: isoDate.nullable().optional(),
  })
  .refine((r) => r.startsAt < r.endsAt, { path: ["endsAt"], message: "Ende muss nach Beginn liegen" })
  .refine((r) => !r.validUntil || r.validUntil >= r.validFrom, { path: ["validUntil"], message: "„gültig bis“ vor „gültig ab“" })
  .meta({ id: "CreateAvailabilityRuleRequest" });

export const availabilityExceptionSchema = z
  .object({
    id: idSchema,
    counselorId: idSchema.nullable(),
    counselorName: z.string().nullable(),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    kind: z.enum(availabilityExceptionKinds),
    note: z.string().nullable(),
  })
  .meta({ id: "AvailabilityException" });

export const createAvailabilityExceptionRequest = z
  .object({
    counselorId: idSchema.nullable().optional(),
    start: instant,
    end: instant,
    kind: z.enum(availabilityExceptionKinds),
    note: optionalText(300),
  })
  .refine((e) => e.start < e.end, { path: ["end"], message: "Ende muss nach Beginn liegen" })
  .refine((e) => (e.kind === "absence") === Boolean(e.counselorId), {
    path: ["counselorId"],
    message: "Abwesenheit gilt für eine Beraterin oder einen Berater; Feiertag und Schließung für den ganzen Standort",
  })
  .meta({ id: "CreateAvailabilityExceptionRequest" });

export const siteBookingSetupSchema = z
  .object({
    siteId: idSchema,
    siteName: z.string(),
    timeZone: z.string(),
    settings: bookingSettingsSchema,
    rules: z.array(availabilityRuleSchema),
    exceptions: z.array(availabilityExceptionSchema),
    counselors: z.array(z.object({ id: idSchema, displayName: z.string() })),
    /** What the caller may change: every counselor's hours, or only their own. */
    abilities: z.object({ manageAll: z.boolean(), manageOwn: z.boolean() }),
  })
  .meta({ id: "SiteBookingSetup" });

export const calendarQuery = z
  .object({
    siteId: idSchema,
    counselorId: idSchema.optional(),
    from: instant,
    to: instant,
  })
  .refine((q) => q.from < q.to, { path: ["to"], message: "„bis“ muss nach „von“ liegen" })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 31 * 86_400_000, { path: ["to"], message: "höchstens 31 Tage auf einmal" });

export const staffBookingSchema = z
  .object({
    id: idSchema,
    siteId: idSchema,
    counselorId: idSchema,
    counselorName: z.string(),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    channel: z.enum(bookingChannels),
    status: z.enum(bookingStatuses),
    /** Name and e-mail (and phone, message) are null once the retention job erased the contact data. */
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    language: z.string(),
    topic: z.enum(publicTopics),
    message: z.string().nullable(),
    source: z.string(),
    createdAt: z.iso.datetime(),
    /** When the contact data was erased (BOOKING_CONTACT_RETENTION_DAYS after the end); null while kept. */
    contactErasedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "StaffBooking" });

export const calendarResponse = z
  .object({
    timeZone: z.string(),
    items: z.array(staffBookingSchema),
    counselors: z.array(z.object({ id: idSchema, displayName: z.string() })),
  })
  .meta({ id: "Calendar" });

export const setBookingStatusRequest = z
  .object({ status: z.enum(["attended", "no_show", "cancelled"]) })
  .meta({ id: "SetBookingStatusRequest" });

export type PublicSlotQuery = z.infer<typeof publicSlotQuery>;
export type Slot = z.infer<typeof slotSchema>;
export type SlotList = z.infer<typeof slotListResponse>;
export type CreateBookingRequest = z.infer<typeof createBookingRequest>;
export type PublicBooking = z.infer<typeof publicBookingSchema>;
export type BookingSettings = z.infer<typeof bookingSettingsSchema>;
export type UpdateBookingSettingsRequest = z.infer<typeof updateBookingSettingsRequest>;
export type AvailabilityRule = z.infer<typeof availabilityRuleSchema>;
export type CreateAvailabilityRuleRequest = z.infer<typeof createAvailabilityRuleRequest>;
export type AvailabilityException = z.infer<typeof availabilityExceptionSchema>;
export type CreateAvailabilityExceptionRequest = z.infer<typeof createAvailabilityExceptionRequest>;
export type SiteBookingSetup = z.infer<typeof siteBookingSetupSchema>;
export type CalendarQuery = z.infer<typeof calendarQuery>;
export type StaffBooking = z.infer<typeof staffBookingSchema>;
export type CalendarResponse = z.infer<typeof calendarResponse>;
