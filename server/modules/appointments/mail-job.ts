import type { BookingChannel } from "../../../common/domain/appointments.js";
import type { PublicLanguage } from "../../../common/domain/public-languages.js";
import type { AppContext } from "../../platform/context.js";
import type { EnqueueOptions, JobRunner } from "../../platform/jobs.js";
import { mailSender } from "../../platform/mail.js";
import { getCachedSiteRef, type SiteRef } from "../directory/service.js";
import { type BookingMailFacts, type BookingMailKind, bookingMail, bookingMailKey } from "./mails.js";
import { manageUrl } from "./manage-link.js";
import { addressLine } from "./presenter.js";
import type { BookingRow } from "./repository.js";

export const BOOKING_MAIL_JOB = "appointments.booking-mail";

/**
 * A booking mail as queued: the booking as it stood when it changed (the mail tells of that
 * change, even if the booking changes again before the mail goes out) and the site, read when
 * the mail is rendered. Rendering (text and .ics) happens in the job, after the booking's
 * transaction: the transaction writes a few hundred bytes instead of the whole mail.
 */
export type BookingMailPayload = {
  kind: BookingMailKind;
  booking: Pick<BookingRow, "id" | "siteId" | "name" | "email" | "locale" | "channel" | "sequence"> & { startsAt: string; endsAt: string };
};

/** The job that sends one mail about one change of a booking (its unique key: once per change). */
export function bookingMailJob(kind: BookingMailKind, row: BookingRow): EnqueueOptions {
  const payload: BookingMailPayload = {
    kind,
    booking: {
      id: row.id,
      siteId: row.siteId,
      name: row.name,
      email: row.email,
      locale: row.locale,
      channel: row.channel,
      sequence: row.sequence,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
    },
  };
  return { kind: BOOKING_MAIL_JOB, payload, uniqueKey: bookingMailKey(row.id, kind, row.sequence) };
}

/** Renders and sends a queued booking mail; a refused send throws, and the job runner retries with back-off. */
export function registerBookingMailJob(runner: JobRunner, ctx: AppContext): void {
  const send = mailSender(ctx);
  runner.register(BOOKING_MAIL_JOB, async (payload) => {
    const { kind, booking } = payload as BookingMailPayload;
    const site = await getCachedSiteRef(ctx, booking.siteId);
    if (!site) throw new Error(`booking mail ${booking.id}: site ${booking.siteId} not found`);
    await send(
      bookingMail(kind, mailFacts(ctx, { ...booking, startsAt: new Date(booking.startsAt), endsAt: new Date(booking.endsAt) }, site)),
    );
  });
}

export function mailFacts(
  ctx: AppContext,
  row: Pick<BookingRow, "id" | "name" | "email" | "locale" | "channel" | "sequence" | "startsAt" | "endsAt">,
  site: SiteRef,
): BookingMailFacts {
  // Unreachable for an erased booking (its link answers 410, it has ended): no address to write to.
  if (row.name === null || row.email === null) throw new Error(`booking ${row.id} has no contact data any more`);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    locale: row.locale as PublicLanguage,
    channel: row.channel as BookingChannel,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    sequence: row.sequence,
    site: { name: site.name, address: addressLine(site), timeZone: site.timeZone },
    manageUrl: manageUrl(ctx.config.publicUrl, ctx.secret, row.id, row.locale),
    organizerEmail: /<([^>]+)>/.exec(ctx.config.mailFrom)?.[1] ?? ctx.config.mailFrom,
  };
}
