import type {
  CalendarQuery,
  CalendarResponse,
  CreateAvailabilityExceptionRequest,
  CreateAvailabilityRuleRequest,
  SiteBookingSetup,
  UpdateBookingSettingsRequest,
} from "../../../common/contracts/appointments.js";
import type { BookingChannel } from "../../../common/domain/appointments.js";
import type { Executor } from "../../db/index.js";
import type { Actor, RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { authorize, ensure } from "../../platform/policy.js";
import { recordAuditEvent } from "../audit/service.js";
import { getSiteRef, type SiteRef } from "../directory/service.js";
import { listStaffCovering } from "../identity/user-repository.js";
import { forgetNextFreeSlots } from "./next-free.js";
import {
  canManageAllAvailability,
  canManageAvailabilityOf,
  canManageOwnAvailability,
  canReadCalendar,
  canSeeBookingSetup,
} from "./policy.js";
import { presentException, presentRule, presentStaffBooking } from "./presenter.js";
import { notify } from "./public-service.js";
import * as repo from "./repository.js";

/** The counselors who can be booked at a site: holders of the counselor role on it or above. */
async function counselorsAt(exec: Executor, site: SiteRef) {
  return listStaffCovering(exec, site.path, ["counselor"]);
}

/** A site the actor may see in this role; anything else is "not found" (no existence leak). */
async function siteFor(ctx: AppContext, siteId: string, visible: (site: SiteRef) => boolean): Promise<SiteRef> {
  const site = await getSiteRef(ctx.database.db, siteId);
  if (!site || !visible(site)) throw new AppError("not_found");
  return site;
}

export async function getSiteSetup(ctx: AppContext, actor: Actor, siteId: string): Promise<SiteBookingSetup> {
  const { db } = ctx.database;
  const site = await siteFor(ctx, siteId, (s) => canSeeBookingSetup(actor, s));
  const [settings, rules, exceptions, counselors] = await Promise.all([
    repo.getSettings(db, site.id),
    repo.listRules(db, site.id),
    repo.listExceptions(db, site.id, ctx.clock.now()),
    counselorsAt(db, site),
  ]);
  const names = new Map(counselors.map((c) => [c.id, c.displayName]));
  return {
    siteId: site.id,
    siteName: site.name,
    timeZone: site.timeZone,
    settings: settings
      ? {
          durations: settings.durations as Record<BookingChannel, number>,
          bufferMinutes: settings.bufferMinutes,
          minNoticeHours: settings.minNoticeHours,
          horizonDays: settings.horizonDays,
          version: settings.version,
        }
      : repo.DEFAULT_SETTINGS,
    rules: rules.map((r) => presentRule(r, names)),
    exceptions: exceptions.map((e) => presentException(e, names)),
    counselors: counselors.map((c) => ({ id: c.id, displayName: c.displayName })),
    abilities: { manageAll: canManageAllAvailability(actor, site), manageOwn: canManageOwnAvailability(actor, site) },
  };
}

export async function updateSettings(ctx: AppContext, origin: RequestOrigin, siteId: string, input: UpdateBookingSettingsRequest) {
  const actor = origin.actor!;
  const site = await siteFor(ctx, siteId, (s) => canSeeBookingSetup(actor, s));
  ensure(canManageAllAvailability(actor, site));
  await ctx.database.db.transaction(async (tx) => {
    const { version, ...values } = input;
    if (!(await repo.saveSettings(tx, site.id, values, version, ctx.clock.now()))) throw new AppError("conflict");
    forgetNextFreeSlots(ctx);
    await recordAuditEvent(tx, origin, { action: "booking_settings.update", outcome: "success", recordType: "unit", recordId: site.id });
  });
}

export async function addRule(ctx: AppContext, origin: RequestOrigin, siteId: string, input: CreateAvailabilityRuleRequest) {
  const actor = origin.actor!;
  const { db } = ctx.database;
  const site = await siteFor(ctx, siteId, (s) => canSeeBookingSetup(actor, s));
  ensure(canManageAvailabilityOf(actor, site, input.counselorId));
  await ensureCounselorAt(db, site, input.counselorId);
  return db.transaction(async (tx) => {
    const rule = await repo.insertRule(tx, {
      siteId: site.id,
      counselorId: input.counselorId,
      weekday: input.weekday,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      channels: input.channels,
      validFrom: input.validFrom,
      validUntil: input.validUntil ?? null,
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
    });
    forgetNextFreeSlots(ctx);
    await recordAuditEvent(tx, origin, {
      action: "availability.add",
      outcome: "success",
      recordType: "availability_rule",
      recordId: rule.id,
    });
    return rule.id;
  });
}

/** Removing hours frees no booking: appointments already booked in them stay. */
export async function removeRule(ctx: AppContext, origin: RequestOrigin, ruleId: string) {
  const actor = origin.actor!;
  const { db } = ctx.database;
  const rule = await repo.getRule(db, ruleId);
  const site = rule ? await getSiteRef(db, rule.siteId) : null;
  authorize({
    visible: Boolean(rule && site && canSeeBookingSetup(actor, site)),
    allowed: Boolean(rule && site && canManageAvailabilityOf(actor, site, rule.counselorId)),
  });
  await db.transaction(async (tx) => {
    await repo.deleteRule(tx, ruleId);
    forgetNextFreeSlots(ctx);
    await recordAuditEvent(tx, origin, {
      action: "availability.remove",
      outcome: "success",
      recordType: "availability_rule",
      recordId: ruleId,
    });
  });
}

export async function addException(ctx: AppContext, origin: RequestOrigin, siteId: string, input: CreateAvailabilityExceptionRequest) {
  const actor = origin.actor!;
  const { db } = ctx.database;
  const site = await siteFor(ctx, siteId, (s) => canSeeBookingSetup(actor, s));
  const counselorId = input.counselorId ?? null;
  // Holidays and closures concern the whole site: the lead's call. Absences: one's own or the lead's.
  ensure(counselorId ? canManageAvailabilityOf(actor, site, counselorId) : canManageAllAvailability(actor, site));
  if (counselorId) await ensureCounselorAt(db, site, counselorId);
  return db.transaction(async (tx) => {
    const row = await repo.insertException(tx, {
      siteId: site.id,
      counselorId,
      startsAt: input.start,
      endsAt: input.end,
      kind: input.kind,
      note: input.note ?? null,
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
    });
    forgetNextFreeSlots(ctx);
    await recordAuditEvent(tx, origin, {
      action: "availability_exception.add",
      outcome: "success",
      recordType: "availability_exception",
      recordId: row.id,
    });
    return row.id;
  });
}

export async function removeException(ctx: AppContext, origin: RequestOrigin, exceptionId: string) {
  const actor = origin.actor!;
  const { db } = ctx.database;
  const row = await repo.getException(db, exceptionId);
  const site = row ? await getSiteRef(db, row.siteId) : null;
  const allowed = Boolean(
    row && site && (row.counselorId ? canManageAvailabilityOf(actor, site, row.counselorId) : canManageAllAvailability(actor, site)),
  );
  authorize({ visible: Boolean(row && site && canSeeBookingSetup(actor, site)), allowed });
  await db.transaction(async (tx) => {
    await repo.deleteException(tx, exceptionId);
    forgetNextFreeSlots(ctx);
    await recordAuditEvent(tx, origin, {
      action: "availability_exception.remove",
      outcome: "success",
      recordType: "availability_exception",
      recordId: exceptionId,
    });
  });
}

/** The bookings of a site (or one counselor) in a window; names and contacts, so the read is audited. */
export async function getCalendar(ctx: AppContext, origin: RequestOrigin, query: CalendarQuery): Promise<CalendarResponse> {
  const actor = origin.actor!;
  const { db } = ctx.database;
  const site = await siteFor(ctx, query.siteId, (s) => canReadCalendar(actor, s));
  const [rows, counselors] = await Promise.all([
    repo.listBookings(db, site.id, query.from, query.to, query.counselorId),
    counselorsAt(db, site),
  ]);
  const names = new Map(counselors.map((c) => [c.id, c.displayName]));
  const missing = rows.filter((r) => !names.has(r.counselorId)).map((r) => r.counselorId);
  if (missing.length > 0) {
    // Counselors who left still appear by name on their past appointments.
    for (const staff of await listStaffCovering(db, site.path, ["counselor"], missing)) names.set(staff.id, staff.displayName);
  }
  await recordAuditEvent(db, origin, {
    action: "booking.calendar_read",
    outcome: "success",
    recordType: "unit",
    recordId: site.id,
    details: { from: query.from.toISOString(), to: query.to.toISOString(), bookings: rows.length },
  });
  return {
    timeZone: site.timeZone,
    items: rows.map((r) => presentStaffBooking(r, names)),
    counselors: counselors.map((c) => ({ id: c.id, displayName: c.displayName })),
  };
}

/**
 * Staff mark what happened: attended or no-show once the appointment has begun; cancelled
 * before it (the person is told by mail, in their language).
 */
export async function setStatus(ctx: AppContext, origin: RequestOrigin, bookingId: string, status: "attended" | "no_show" | "cancelled") {
  const actor = origin.actor!;
  const { db } = ctx.database;
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    const row = await repo.getBookingForUpdate(tx, bookingId);
    const site = row ? await getSiteRef(tx, row.siteId) : null;
    authorize({ visible: Boolean(row && site && canReadCalendar(actor, site)), allowed: true });
    const booking = row!;
    if (booking.status === "cancelled") throw new AppError("invalid_transition", { detail: "Der Termin ist abgesagt." });
    if (status === "cancelled" && booking.startsAt <= now) {
      throw new AppError("invalid_transition", {
        detail: "Ein Termin, der begonnen hat, wird als wahrgenommen oder nicht erschienen markiert.",
      });
    }
    if (status !== "cancelled" && booking.startsAt > now) {
      throw new AppError("invalid_transition", { detail: "Erst ab Beginn des Termins lässt sich sagen, ob die Person gekommen ist." });
    }
    const changed = await repo.setBookingStatus(tx, booking.id, status, actor.userId, now);
    if (status === "cancelled") await notify(tx, "cancelled", changed);
    forgetNextFreeSlots(ctx);
    await recordAuditEvent(tx, origin, {
      action: `booking.${status}`,
      outcome: "success",
      recordType: "booking",
      recordId: booking.id,
    });
  });
}

async function ensureCounselorAt(exec: Executor, site: SiteRef, counselorId: string): Promise<void> {
  const [found] = await listStaffCovering(exec, site.path, ["counselor"], [counselorId]);
  if (!found) throw invalidField("counselorId", "not_a_counselor_here", "Diese Person berät nicht an diesem Standort.");
}
