/**
 * Spam protection of public booking (decision 0005, "Booking"): the shared guard of public forms,
 * but with the form token optional (partner sites book through the API), limits of its own, and a
 * cap on the live bookings of one e-mail address — the check that keeps a bot from filling a site's
 * slots. Moving a booking is not a new one and passes none of this.
 */
import type { CreateBookingRequest } from "../../../common/contracts/appointments.js";
import type { Executor } from "../../db/index.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, fieldError, invalidField } from "../../platform/errors.js";
import { ensureFormToken, limitPublicFormSubmission } from "../../platform/public-form-guard.js";
import * as repo from "./repository.js";

/** The form name its limits count under (table public_form_submissions). */
export const BOOKING_FORM = "booking";

type GuardedFields = Pick<CreateBookingRequest, "email" | "formToken" | "website">;

/**
 * Checks that need no database, before any work: a filled honeypot is refused (not answered with a
 * fake booking: a person whose browser filled the hidden field must not believe they have an
 * appointment), and a token, when sent, must be genuine, old enough and not expired.
 */
export function screenBookingRequest(ctx: AppContext, input: GuardedFields): void {
  if (input.website?.trim()) {
    throw invalidField(
      "website",
      "form_rejected",
      "Das Formular konnte nicht geprüft werden. Bitte laden Sie die Seite neu und buchen Sie noch einmal.",
    );
  }
  if (input.formToken) ensureFormToken(ctx, input.formToken);
}

/**
 * In the booking transaction, before the slot is taken: the cap on live bookings of the e-mail
 * address (400 on `email`), then the limits per client address and per e-mail (429 with
 * Retry-After), recording this booking and its token. A booking refused later (slot taken) rolls
 * all of it back: it counts nothing and its token still works.
 */
export async function guardBooking(ctx: AppContext, tx: Executor, ip: string, input: GuardedFields): Promise<void> {
  const { perIp, perEmail, windowMinutes, maxLivePerEmail } = ctx.config.bookingLimits;
  // The bookings of one e-mail address take turns (the cap and the e-mail limit are exact).
  await repo.lockBookingsOfEmail(tx, input.email);
  await limitPublicFormSubmission(ctx, tx, {
    form: BOOKING_FORM,
    ip,
    email: input.email,
    token: input.formToken,
    limits: { perIp, perEmail, windowMinutes },
    // Bookings of one address do not wait for each other: behind a shared address (a shelter, or a
    // proxy without TRUST_PROXY) they would all queue until commit. The e-mail is counted exactly,
    // under the lock taken above for the cap.
    exactPerIp: false,
    emailLockedByCaller: true,
    // The cap, counted in the limits' statement.
    precheck: {
      count: repo.liveBookingsOfEmailCount(input.email, ctx.clock.now()),
      max: maxLivePerEmail,
      refusal: () => tooManyBookings(maxLivePerEmail),
    },
  });
}

function tooManyBookings(maxLivePerEmail: number): AppError {
  const booked = maxLivePerEmail === 1 ? "einen gebuchten Termin" : `${maxLivePerEmail} gebuchte Termine`;
  const message = `Für diese E-Mail-Adresse gibt es schon ${booked}. Mehr sind nicht möglich. Um einen Termin zu verschieben oder abzusagen, nutzen Sie bitte den Link in Ihrer Bestätigungs-E-Mail.`;
  return new AppError("validation_failed", {
    errors: [fieldError("email", "too_many_bookings", message)],
    extra: { maxLiveBookings: maxLivePerEmail },
  });
}
