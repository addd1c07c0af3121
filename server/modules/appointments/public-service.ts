import type { CreateBookingRequest, PublicBooking, PublicSlotQuery, Slot } from "../../../common/contracts/appointments.js";
import { type BookingChannel, parseSlotId, type SlotKey } from "../../../common/domain/appointments.js";
import type { PublicLanguage } from "../../../common/domain/public-languages.js";
import { type Executor, isConstraintViolation } from "../../db/index.js";
import type { RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { type EnqueueOptions, enqueueJob } from "../../platform/jobs.js";
import { recordAuditEventWithJobs } from "../audit/service.js";
import { getBookableSiteFacts } from "../directory/public-service.js";
import { getCachedSiteRef, getSiteRef, type SiteRef } from "../directory/service.js";
import { guardBooking, screenBookingRequest } from "./booking-guard.js";
import { bookingMailJob, mailFacts } from "./mail-job.js";
import { type BookingMailKind, bookingMail } from "./mails.js";
import { isManageToken, manageUrl } from "./manage-link.js";
import { forgetNextFreeSlots } from "./next-free.js";
import { addressLine, presentPublicBooking, presentSlot } from "./presenter.js";
import * as repo from "./repository.js";

const DAY_MS = 86_400_000;
export const REMINDER_JOB = "appointments.reminder";
export const REMINDER_LEAD_MS = DAY_MS;

/** Free slots of a public site, one per time and channel (the person does not pick a counselor). */
export async function listPublicSlots(ctx: AppContext, siteId: string, query: PublicSlotQuery) {
  const site = await getBookableSiteFacts(ctx, siteId);
  const now = ctx.clock.now();
  const from = query.from ?? now;
  const to = query.to ?? new Date(from.getTime() + 14 * DAY_MS);
  const rows = await repo.findSlots(ctx.database.db, {
    sites: [{ id: site.id, timeZone: site.timeZone }],
    from,
    to,
    now,
    channel: query.channel,
    onePerTime: true,
  });
  return { items: rows.map(presentSlot), timeZone: site.timeZone };
}

/** Thrown inside the booking transaction when the slot is no longer offered. */
class SlotGone extends Error {}

/**
 * Books a slot. The slot is checked against the published hours inside the transaction, and
 * the exclusion constraint on bookings decides between simultaneous bookings: of any number of
 * people booking one slot at once exactly one gets it; the others get 409 with the next free
 * slots. Confirmation mail and reminder are queued in the same transaction, after the spam
 * protection (booking-guard.ts) let it through.
 */
export async function createBooking(ctx: AppContext, origin: RequestOrigin, input: CreateBookingRequest): Promise<PublicBooking> {
  screenBookingRequest(ctx, input);
  const key = parseSlotId(input.slotId);
  if (!key) throw invalidField("slotId", "unknown_slot", "Diesen Termin gibt es nicht. Bitte wählen Sie einen Termin aus der Liste.");
  // Counseling by phone needs a number to call; checked before the site, so the form shows it at the field.
  if (key.channel === "phone" && !input.phone) {
    throw invalidField("phone", "phone_required", "Für eine Beratung am Telefon brauchen wir Ihre Telefonnummer.");
  }
  const site = await bookableSite(ctx, key.siteId);
  const publicSite = await getBookableSiteFacts(ctx, site.id).catch(() => {
    throw invalidField("slotId", "unknown_slot", "An diesem Standort kann man keine Termine buchen.");
  });
  if (input.language !== "de" && !publicSite.languages.includes(input.language)) {
    throw invalidField("language", "language_not_offered", "In dieser Sprache berät dieser Standort nicht. Bitte wählen Sie eine andere.");
  }
  const now = ctx.clock.now();
  try {
    const row = await ctx.database.db.transaction(async (tx) => {
      await guardBooking(ctx, tx, origin.ip, input);
      return insertBooking(ctx, tx, origin, site, key, { ...input, source: "public" }, now);
    });
    return presentPublicBooking(row, site, manageUrl(ctx.config.publicUrl, ctx.secret, row.id, row.locale), now);
  } catch (error) {
    if (isSlotConflict(error)) throw await slotTaken(ctx.database.db, site, key, now);
    throw error;
  }
}

type BookingFields = Pick<CreateBookingRequest, "name" | "email" | "phone" | "language" | "locale" | "topic" | "message"> & {
  source: "public" | "request";
};

/**
 * Books a slot inside the caller's transaction: staff accepting an online request book the
 * person's first appointment together with the client record (source "request"). The booking
 * runs in a savepoint, so a slot taken meanwhile answers 409 with the next free slots and the
 * caller's transaction rolls back as a whole.
 */
export async function bookSlotWithin(
  ctx: AppContext,
  tx: Executor,
  origin: RequestOrigin,
  /** `slotField`: the slot's field in the caller's form (problem details name it). */
  input: BookingFields & { slotId: string; siteId: string; slotField: string },
): Promise<repo.BookingRow> {
  const key = parseSlotId(input.slotId);
  const unknown = () => invalidField(input.slotField, "unknown_slot", "Bitte wählen Sie einen freien Termin dieses Standorts.");
  if (!key || key.siteId !== input.siteId) throw unknown();
  if (key.channel === "phone" && !input.phone) {
    throw invalidField(input.slotField, "phone_required", "Für einen Termin am Telefon fehlt die Telefonnummer der Person.");
  }
  const site = await getSiteRef(tx, key.siteId);
  if (!site) throw unknown();
  const now = ctx.clock.now();
  try {
    return await tx.transaction((savepoint) => insertBooking(ctx, savepoint, origin, site, key, input, now));
  } catch (error) {
    if (isSlotConflict(error)) throw await slotTaken(tx, site, key, now);
    throw error;
  }
}

/** The slot re-checked, the booking row, its mail, its reminder and the audit entry – one unit of work. */
async function insertBooking(
  ctx: AppContext,
  tx: Executor,
  origin: RequestOrigin,
  site: SiteRef,
  key: SlotKey,
  input: BookingFields,
  now: Date,
): Promise<repo.BookingRow> {
  const booking = await repo.insertBookingIfOffered(tx, offeredSlotSearch(site, key, now), {
    startsAt: key.start,
    name: input.name,
    email: input.email,
    phone: input.phone ?? null,
    language: input.language,
    locale: input.locale,
    topic: input.topic,
    message: input.message ?? null,
    source: input.source,
    consentAt: now,
    createdAt: now,
  });
  if (!booking) throw new SlotGone();
  // The confirmation, the reminder and the audit entry in one statement.
  await recordAuditEventWithJobs(
    tx,
    origin,
    { action: "booking.create", outcome: "success", recordType: "booking", recordId: booking.id },
    [bookingMailJob("confirmed", booking), ...reminderJob(booking, now)],
  );
  forgetNextFreeSlots(ctx, site.id);
  return booking;
}

const isSlotConflict = (error: unknown) => error instanceof SlotGone || isConstraintViolation(error, "23P01", repo.NO_DOUBLE_BOOKING);

/** The person's own view of their booking, through the signed link. */
export async function getBookingByToken(ctx: AppContext, id: string, token: string): Promise<PublicBooking> {
  const row = await bookingByToken(ctx, ctx.database.db, id, token);
  const site = await bookableSiteRef(ctx.database.db, row.siteId);
  return presentPublicBooking(row, site, manageUrl(ctx.config.publicUrl, ctx.secret, row.id, row.locale), ctx.clock.now());
}

export async function cancelBookingByToken(ctx: AppContext, origin: RequestOrigin, id: string, token: string): Promise<PublicBooking> {
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const booking = await bookingByToken(ctx, tx, id, token, true);
    ensureChangeable(booking, now);
    const site = await bookableSiteRef(tx, booking.siteId);
    const cancelled = await repo.setBookingStatus(tx, booking.id, "cancelled", null, now);
    await recordAuditEventWithJobs(tx, origin, { action: "booking.cancel", outcome: "success", recordType: "booking", recordId: id }, [
      bookingMailJob("cancelled", cancelled),
    ]);
    forgetNextFreeSlots(ctx, site.id);
    return cancelled;
  });
  return presentPublicBooking(
    row,
    await bookableSiteRef(ctx.database.db, row.siteId),
    manageUrl(ctx.config.publicUrl, ctx.secret, row.id, row.locale),
    now,
  );
}

/**
 * Moves a booking to another slot of the same site, in place: the booking keeps its id (so the
 * link and the calendar entry stay), its old time is free the moment the move commits, and a
 * reminder for the new time replaces the old one.
 */
export async function rescheduleBookingByToken(
  ctx: AppContext,
  origin: RequestOrigin,
  id: string,
  token: string,
  newSlotId: string,
): Promise<PublicBooking> {
  const now = ctx.clock.now();
  const key = parseSlotId(newSlotId);
  if (!key) throw invalidField("slotId", "unknown_slot", "Diesen Termin gibt es nicht. Bitte wählen Sie einen Termin aus der Liste.");
  const site = await bookableSite(ctx, key.siteId);
  try {
    const row = await ctx.database.db.transaction(async (tx) => {
      const booking = await bookingByToken(ctx, tx, id, token, true);
      ensureChangeable(booking, now);
      if (booking.siteId !== key.siteId) throw invalidField("slotId", "other_site", "Bitte wählen Sie einen Termin am selben Standort.");
      const slot = await offeredSlot(tx, site, key, now, booking.id);
      const moved = await repo.moveBooking(tx, booking.id, {
        counselorId: key.counselorId,
        startsAt: key.start,
        endsAt: slot.endsAt,
        channel: key.channel,
      });
      await recordAuditEventWithJobs(
        tx,
        origin,
        {
          action: "booking.reschedule",
          outcome: "success",
          recordType: "booking",
          recordId: id,
          details: { from: booking.startsAt.toISOString(), to: moved.startsAt.toISOString() },
        },
        [bookingMailJob("moved", moved), ...reminderJob(moved, now)],
      );
      forgetNextFreeSlots(ctx, site.id);
      return moved;
    });
    return presentPublicBooking(row, site, manageUrl(ctx.config.publicUrl, ctx.secret, row.id, row.locale), now);
  } catch (error) {
    if (error instanceof SlotGone || isConstraintViolation(error, "23P01", repo.NO_DOUBLE_BOOKING)) {
      throw await slotTaken(ctx.database.db, site, key, now);
    }
    throw error;
  }
}

/** The booking's calendar entry (.ics) for the manage page's "add to calendar". */
export async function bookingIcsByToken(ctx: AppContext, id: string, token: string): Promise<string> {
  const row = await bookingByToken(ctx, ctx.database.db, id, token);
  const site = await bookableSiteRef(ctx.database.db, row.siteId);
  const message = bookingMail(row.status === "cancelled" ? "cancelled" : "confirmed", mailFacts(ctx, row, site));
  return message.attachments![0]!.content;
}

// --- shared with the staff service and the reminder job ----------------------------------------

/** Queues the mail about a booking in the caller's transaction (once per change of the booking). */
export async function notify(exec: Executor, kind: BookingMailKind, row: repo.BookingRow): Promise<void> {
  await enqueueJob(exec, bookingMailJob(kind, row));
}

/**
 * A durable job 24 hours before the appointment (none when it is less than a day ahead: the
 * confirmation is the reminder). Its unique key holds the start, so a moved booking gets a new
 * reminder and the old one finds nothing to do.
 */
function reminderJob(row: repo.BookingRow, now: Date): EnqueueOptions[] {
  const runAt = new Date(row.startsAt.getTime() - REMINDER_LEAD_MS);
  if (runAt <= now) return [];
  return [
    {
      kind: REMINDER_JOB,
      payload: { bookingId: row.id, startsAt: row.startsAt.toISOString() },
      runAt,
      uniqueKey: `booking-reminder:${row.id}:${row.startsAt.toISOString()}`,
    },
  ];
}

export async function bookableSiteRef(exec: Executor, siteId: string): Promise<SiteRef> {
  const site = await getSiteRef(exec, siteId);
  if (!site) throw new AppError("not_found");
  return site;
}

// --- helpers -----------------------------------------------------------------------------------

async function bookableSite(ctx: AppContext, siteId: string): Promise<SiteRef> {
  const site = await getCachedSiteRef(ctx, siteId);
  if (!site) throw invalidField("slotId", "unknown_slot", "Diesen Termin gibt es nicht. Bitte wählen Sie einen Termin aus der Liste.");
  return site;
}

/** The slot the key names if it is offered right now; SlotGone otherwise (taken, or never was). */
async function offeredSlot(exec: Executor, site: SiteRef, key: SlotKey, now: Date, ignoreBookingId?: string): Promise<repo.SlotRow> {
  const [slot] = await repo.findSlots(exec, offeredSlotSearch(site, key, now, ignoreBookingId));
  if (!slot || slot.startsAt.getTime() !== key.start.getTime()) throw new SlotGone();
  return slot;
}

/** The slot search that finds exactly the slot the key names, if it is offered. */
const offeredSlotSearch = (site: SiteRef, key: SlotKey, now: Date, ignoreBookingId?: string): repo.SlotSearch => ({
  sites: [{ id: site.id, timeZone: site.timeZone }],
  from: key.start,
  to: new Date(key.start.getTime() + 1000),
  now,
  channel: key.channel,
  counselorId: key.counselorId,
  ignoreBookingId,
});

/** 409 with the next free slots of the site from the wanted time on, so the person can pick again. */
async function slotTaken(exec: Executor, site: SiteRef, key: SlotKey, now: Date): Promise<AppError> {
  const next = await repo.findSlots(exec, {
    sites: [{ id: site.id, timeZone: site.timeZone }],
    from: key.start > now ? key.start : now,
    to: new Date(Math.max(key.start.getTime(), now.getTime()) + 28 * DAY_MS),
    now,
    onePerTime: true,
  });
  const nextSlots: Slot[] = next.slice(0, 5).map(presentSlot);
  return new AppError("slot_taken", { extra: { nextSlots, timeZone: site.timeZone } });
}

async function bookingByToken(ctx: AppContext, exec: Executor, id: string, token: string, forUpdate = false) {
  // A wrong token and an unknown booking look the same: nothing to learn by guessing.
  if (!isManageToken(ctx.secret, id, token)) throw new AppError("token_invalid");
  const row = forUpdate ? await repo.getBookingForUpdate(exec, id) : await repo.getBooking(exec, id);
  if (!row) throw new AppError("token_invalid");
  // The retention job blanked it (long over): the link says so instead of showing an empty booking.
  if (row.contactErasedAt) throw new AppError("booking_erased");
  return row;
}

function ensureChangeable(row: repo.BookingRow, now: Date): void {
  if (row.status !== "booked") throw new AppError("invalid_state", { detail: "Dieser Termin ist bereits abgesagt oder vorbei." });
  if (row.startsAt <= now) throw new AppError("invalid_state", { detail: "Dieser Termin hat schon begonnen." });
}
