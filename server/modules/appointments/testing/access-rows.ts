import type { Caller, MatrixContext, Row } from "../../../test/access.js";
import { everyone } from "../../../test/access.js";
import { seedId } from "../../directory/seed.js";

/**
 * Access-matrix rows (server/test/access-matrix.ts) for appointment booking. Slots, booking and
 * the signed-link routes are public (the link's token is the key). A site's hours and calendar
 * belong to casework at the site: the Berlin lead manages everything, the Berlin counselor their
 * own hours; the calendar holds people's contacts, so coordination, monitoring and federal
 * roles do not see it.
 */

const site = seedId("unit", "demo-sub-project:DE-BE:site:0");
const berlinCasework: Caller[] = ["leadBerlin", "counselorBerlin"];

const userIdOf = async (ctx: MatrixContext, caller: Caller) => (await ctx.as(caller).get("/api/auth/session")).json().user.id as string;

/** A fresh booking of the first free slot (the demo's hours run from today for eight weeks). */
const freshBooking = async (ctx: MatrixContext) => {
  const slots = (await ctx.as("anonymous").get(`/api/public/sites/${site}/slots`)).json() as { items: { id: string }[] };
  if (slots.items.length === 0) throw new Error("no free slot at the Berlin demo site");
  const res = await ctx.as("anonymous").post("/api/public/bookings", {
    slotId: slots.items[0]!.id,
    name: "Matrix Person",
    email: "matrix@example.org",
    // The first free slot may be one by phone, which needs a number.
    phone: "+49 30 1234567",
    language: "de",
    topic: "recognition",
    consent: true,
  });
  if (res.statusCode !== 201) throw new Error(`booking failed: ${res.statusCode} ${res.body}`);
  const booking = res.json() as { id: string; manageUrl: string };
  return { id: booking.id, token: new URL(booking.manageUrl).searchParams.get("token")! };
};

const ruleBody = async (ctx: MatrixContext) => ({
  counselorId: await userIdOf(ctx, "counselorBerlin"),
  weekday: 7,
  startsAt: "10:00",
  endsAt: "11:00",
  channels: ["phone"],
  validFrom: "2026-01-01",
});

const closureBody = { start: "2030-01-07T00:00:00Z", end: "2030-01-08T00:00:00Z", kind: "closure" };

export const appointmentAccessRows: Record<string, Row> = {
  "GET /api/public/sites/:id/slots": { allow: everyone, request: () => ({ url: `/api/public/sites/${site}/slots` }) },
  "POST /api/public/bookings": {
    allow: everyone,
    request: async (ctx) => {
      const slots = (await ctx.as("anonymous").get(`/api/public/sites/${site}/slots`)).json() as { items: { id: string }[] };
      return {
        url: "/api/public/bookings",
        body: { slotId: slots.items[0]!.id, name: "Matrix", email: "m@example.org", language: "de", topic: "recognition", consent: true },
      };
    },
  },
  "GET /api/public/bookings/:id": {
    allow: everyone,
    request: async (ctx) => {
      const b = await freshBooking(ctx);
      return { url: `/api/public/bookings/${b.id}?token=${b.token}` };
    },
  },
  "GET /api/public/bookings/:id/ics": {
    allow: everyone,
    request: async (ctx) => {
      const b = await freshBooking(ctx);
      return { url: `/api/public/bookings/${b.id}/ics?token=${b.token}` };
    },
  },
  "POST /api/public/bookings/:id/cancel": {
    allow: everyone,
    request: async (ctx) => {
      const b = await freshBooking(ctx);
      return { url: `/api/public/bookings/${b.id}/cancel`, body: { token: b.token } };
    },
  },
  "POST /api/public/bookings/:id/reschedule": {
    allow: everyone,
    request: async (ctx) => {
      const b = await freshBooking(ctx);
      const slots = (await ctx.as("anonymous").get(`/api/public/sites/${site}/slots`)).json() as { items: { id: string }[] };
      return { url: `/api/public/bookings/${b.id}/reschedule`, body: { token: b.token, slotId: slots.items[0]!.id } };
    },
  },
  "GET /api/appointments/sites/:id": { allow: berlinCasework, request: () => ({ url: `/api/appointments/sites/${site}` }) },
  "PUT /api/appointments/sites/:id/settings": {
    allow: ["leadBerlin"],
    request: async (ctx) => {
      const setup = (await ctx.as("leadBerlin").get(`/api/appointments/sites/${site}`)).json();
      return { url: `/api/appointments/sites/${site}/settings`, body: { ...setup.settings } };
    },
  },
  "POST /api/appointments/sites/:id/rules": {
    allow: berlinCasework,
    request: async (ctx) => ({ url: `/api/appointments/sites/${site}/rules`, body: await ruleBody(ctx) }),
  },
  "DELETE /api/appointments/rules/:id": {
    allow: berlinCasework,
    request: async (ctx) => {
      const res = await ctx.as("leadBerlin").post(`/api/appointments/sites/${site}/rules`, await ruleBody(ctx));
      return { url: `/api/appointments/rules/${res.json().id}` };
    },
  },
  "POST /api/appointments/sites/:id/exceptions": {
    allow: ["leadBerlin"],
    request: () => ({ url: `/api/appointments/sites/${site}/exceptions`, body: closureBody }),
  },
  "DELETE /api/appointments/exceptions/:id": {
    allow: ["leadBerlin"],
    request: async (ctx) => {
      const res = await ctx.as("leadBerlin").post(`/api/appointments/sites/${site}/exceptions`, closureBody);
      return { url: `/api/appointments/exceptions/${res.json().id}` };
    },
  },
  "GET /api/appointments/calendar": {
    allow: berlinCasework,
    request: () => {
      const from = new Date();
      const to = new Date(from.getTime() + 14 * 86_400_000);
      return { url: `/api/appointments/calendar?siteId=${site}&from=${from.toISOString()}&to=${to.toISOString()}` };
    },
  },
  "POST /api/appointments/bookings/:id/status": {
    allow: berlinCasework,
    request: async (ctx) => ({ url: `/api/appointments/bookings/${(await freshBooking(ctx)).id}/status`, body: { status: "cancelled" } }),
  },
};
