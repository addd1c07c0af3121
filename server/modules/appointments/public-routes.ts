import {
  cancelBookingRequest,
  createBookingRequest,
  manageTokenQuery,
  publicBookingSchema,
  publicSlotQuery,
  rescheduleBookingRequest,
  slotListResponse,
} from "../../../common/contracts/appointments.js";
import { idParams } from "../../../common/contracts/shared.js";
import { requestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import * as booking from "./public-service.js";

const tags = ["public"];
const open = { access: "public" as const };

/**
 * Booking without an account. Free slots are public; a booking is reached only through the
 * signed link of its mails (the token), never by id alone.
 */
export function registerPublicBookingRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/public/sites/:id/slots",
    {
      config: open,
      schema: {
        tags,
        summary: "Free appointment slots of a site (default: the next 14 days)",
        params: idParams,
        querystring: publicSlotQuery,
        response: { 200: slotListResponse },
      },
    },
    async (request) => booking.listPublicSlots(ctx, request.params.id, request.query),
  );

  app.post(
    "/api/public/bookings",
    {
      config: open,
      schema: {
        tags,
        summary: "Book a free slot (409 with the next free slots when it was just taken)",
        description:
          "No sign-in and no form token needed (`formToken`, when sent, is checked like a public form's). Limited per client address (BOOKING_LIMIT_PER_IP) and per e-mail address (BOOKING_LIMIT_PER_EMAIL) in BOOKING_LIMIT_WINDOW_MINUTES: 429 with Retry-After. An e-mail address with BOOKING_MAX_LIVE_PER_EMAIL bookings that are not cancelled and still to come gets 400 with a field error on `email` (`too_many_bookings`): move or cancel one through its link first. A filled honeypot (`website`) gets 400 and nothing is stored.",
        body: createBookingRequest,
        response: { 201: publicBookingSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await booking.createBooking(ctx, requestOrigin(request), request.body)),
  );

  app.get(
    "/api/public/bookings/:id",
    {
      config: open,
      schema: {
        tags,
        summary: "A booking, through the signed link of its mails",
        params: idParams,
        querystring: manageTokenQuery,
        response: { 200: publicBookingSchema },
      },
    },
    async (request) => booking.getBookingByToken(ctx, request.params.id, request.query.token),
  );

  app.get(
    "/api/public/bookings/:id/ics",
    {
      config: open,
      schema: { tags, summary: "A booking as an iCalendar file (RFC 5545)", params: idParams, querystring: manageTokenQuery },
    },
    async (request, reply) =>
      reply
        .type("text/calendar; charset=utf-8")
        .header("content-disposition", 'attachment; filename="termin.ics"')
        .send(await booking.bookingIcsByToken(ctx, request.params.id, request.query.token)),
  );

  app.post(
    "/api/public/bookings/:id/cancel",
    {
      config: open,
      schema: {
        tags,
        summary: "Cancel a booking through its signed link",
        params: idParams,
        body: cancelBookingRequest,
        response: { 200: publicBookingSchema },
      },
    },
    async (request) => booking.cancelBookingByToken(ctx, requestOrigin(request), request.params.id, request.body.token),
  );

  app.post(
    "/api/public/bookings/:id/reschedule",
    {
      config: open,
      schema: {
        tags,
        summary: "Move a booking to another free slot of the same site through its signed link",
        params: idParams,
        body: rescheduleBookingRequest,
        response: { 200: publicBookingSchema },
      },
    },
    async (request) =>
      booking.rescheduleBookingByToken(ctx, requestOrigin(request), request.params.id, request.body.token, request.body.slotId),
  );
}
