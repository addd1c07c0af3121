import {
  calendarQuery,
  calendarResponse,
  createAvailabilityExceptionRequest,
  createAvailabilityRuleRequest,
  setBookingStatusRequest,
  siteBookingSetupSchema,
  updateBookingSettingsRequest,
} from "../../../common/contracts/appointments.js";
import { idParams } from "../../../common/contracts/shared.js";
import { requestOrigin, requireActor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import { registerPublicBookingRoutes } from "./public-routes.js";
import * as appointments from "./service.js";

const tags = ["appointments"];
const staff = { access: "staff" as const };

/** Availability (Sprechzeiten) and the booking calendar of a site, for its staff. */
export function registerAppointmentRoutes(app: HttpApp, ctx: AppContext): void {
  registerPublicBookingRoutes(app, ctx);

  app.get(
    "/api/appointments/sites/:id",
    {
      config: staff,
      schema: {
        tags,
        summary: "A site's booking settings, weekly hours, exceptions and bookable counselors",
        params: idParams,
        response: { 200: siteBookingSetupSchema },
      },
    },
    async (request) => appointments.getSiteSetup(ctx, requireActor(request), request.params.id),
  );

  app.put(
    "/api/appointments/sites/:id/settings",
    {
      config: staff,
      schema: {
        tags,
        summary: "Appointment length per channel, buffer, minimum notice, booking horizon (sub-project lead)",
        params: idParams,
        body: updateBookingSettingsRequest,
      },
    },
    async (request, reply) => {
      requireActor(request);
      await appointments.updateSettings(ctx, requestOrigin(request), request.params.id, request.body);
      return reply.code(204).send();
    },
  );

  app.post(
    "/api/appointments/sites/:id/rules",
    {
      config: staff,
      schema: { tags, summary: "Publish weekly hours of a counselor at a site", params: idParams, body: createAvailabilityRuleRequest },
    },
    async (request, reply) => {
      requireActor(request);
      const id = await appointments.addRule(ctx, requestOrigin(request), request.params.id, request.body);
      return reply.code(201).send({ id });
    },
  );

  app.delete(
    "/api/appointments/rules/:id",
    { config: staff, schema: { tags, summary: "Withdraw weekly hours (booked appointments stay)", params: idParams } },
    async (request, reply) => {
      requireActor(request);
      await appointments.removeRule(ctx, requestOrigin(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    "/api/appointments/sites/:id/exceptions",
    {
      config: staff,
      schema: {
        tags,
        summary: "A holiday or closure of the site, or a counselor's absence",
        params: idParams,
        body: createAvailabilityExceptionRequest,
      },
    },
    async (request, reply) => {
      requireActor(request);
      const id = await appointments.addException(ctx, requestOrigin(request), request.params.id, request.body);
      return reply.code(201).send({ id });
    },
  );

  app.delete(
    "/api/appointments/exceptions/:id",
    { config: staff, schema: { tags, summary: "Remove a holiday, closure or absence", params: idParams } },
    async (request, reply) => {
      requireActor(request);
      await appointments.removeException(ctx, requestOrigin(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/api/appointments/calendar",
    {
      config: staff,
      schema: {
        tags,
        summary: "Bookings of a site or one counselor in a window of up to 31 days (audited)",
        querystring: calendarQuery,
        response: { 200: calendarResponse },
      },
    },
    async (request) => {
      requireActor(request);
      return appointments.getCalendar(ctx, requestOrigin(request), request.query);
    },
  );

  app.post(
    "/api/appointments/bookings/:id/status",
    {
      config: staff,
      schema: {
        tags,
        summary: "Mark a booking attended or no-show (after its start) or cancel it (before)",
        params: idParams,
        body: setBookingStatusRequest,
      },
    },
    async (request, reply) => {
      requireActor(request);
      await appointments.setStatus(ctx, requestOrigin(request), request.params.id, request.body.status);
      return reply.code(204).send();
    },
  );
}
