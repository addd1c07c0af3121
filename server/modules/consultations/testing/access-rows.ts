import { type Caller, type MatrixContext, type Row, signedIn } from "../../../test/access.js";
import type { TestApp, TestClient } from "../../../test/harness.js";
import { newClientBody } from "../../clients/testing/access-rows.js";
import { seedId } from "../../directory/seed.js";

/**
 * Access-matrix rows (server/test/access-matrix.ts) for the consultations routes:
 * - every staff member reads the reference-profession catalogue; only the network administrator
 *   curates it;
 * - consultations of a Berlin client are read and changed by the casework roles covering it (the
 *   Berlin counselor and lead), never by coordination, monitoring, federal or administrators;
 * - group events (counts only) are recorded by the sub-project's casework roles and read also by
 *   the state coordination and monitoring;
 * - second-level support belongs to Faire Integration counselors and the support team, none of
 *   whom is a matrix caller: every caller is denied, against real requests made by them.
 */
let n = 0;
const staff = signedIn.filter((c) => c !== "anonymous");
const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const fiBerlin = seedId("unit", "fi:be");
const berlinCaseworkers: Caller[] = ["leadBerlin", "counselorBerlin"];
const groupEventReaders: Caller[] = ["coordinationBerlin", "leadBerlin", "counselorBerlin", "monitoring"];

/** A fresh Berlin client, recorded by the Berlin counselor (the first consultation rule needs a new one each time). */
async function freshClient(ctx: MatrixContext, who: TestClient = ctx.as("counselorBerlin"), unitId = berlinSub): Promise<string> {
  const res = await who.post("/api/clients", newClientBody(unitId));
  if (res.statusCode !== 201) throw new Error(`client not created: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());

async function freshConsultation(ctx: MatrixContext) {
  const res = await ctx.as("counselorBerlin").post("/api/consultations", { clientId: await freshClient(ctx), date: today() });
  if (res.statusCode !== 201) throw new Error(`consultation not created: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number };
}

// The Faire Integration counselor and the support team, signed in once per test app.
const extraSessions = new WeakMap<TestApp, Map<string, TestClient>>();
async function session(ctx: MatrixContext, who: "faireIntegrationBerlin" | "supportTeam"): Promise<TestClient> {
  const sessions = extraSessions.get(ctx.t) ?? new Map<string, TestClient>();
  extraSessions.set(ctx.t, sessions);
  if (!sessions.has(who)) sessions.set(who, await ctx.t.login(who));
  return sessions.get(who)!;
}

/** A Faire Integration consultation of a client of Faire Integration Berlin. */
async function freshFiConsultation(ctx: MatrixContext): Promise<string> {
  const fi = await session(ctx, "faireIntegrationBerlin");
  const clientId = await freshClient(ctx, fi, fiBerlin);
  const res = await fi.post("/api/consultations", { clientId, date: today(), fiReasons: ["pay"], employerSector: "cleaning" });
  if (res.statusCode !== 201) throw new Error(`FI consultation not created: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

async function freshSupportRequest(ctx: MatrixContext) {
  const fi = await session(ctx, "faireIntegrationBerlin");
  const res = await fi.post(`/api/consultations/${await freshFiConsultation(ctx)}/support-requests`, { question: "Matrix-Frage" });
  if (res.statusCode !== 201) throw new Error(`support request not created: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number };
}

async function freshGroupEvent(ctx: MatrixContext) {
  const res = await ctx.as("counselorBerlin").post("/api/group-events", groupEventBody());
  if (res.statusCode !== 201) throw new Error(`group event not created: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number };
}

const groupEventBody = () => ({
  unitId: berlinSub,
  date: today(),
  title: `Matrix-Infoabend ${++n}`,
  participants: 12,
  refugeeParticipants: 5,
});

export const consultationAccessRows: Record<string, Row> = {
  "GET /api/reference-professions": { allow: staff, request: () => ({ url: "/api/reference-professions?q=pflege" }) },
  "POST /api/reference-professions": {
    allow: ["admin"],
    request: () => ({
      url: "/api/reference-professions",
      body: { name: `Matrix-Beruf ${++n}`, regulated: false, professionalField: "crafts_construction", qualificationKind: "vocational" },
    }),
  },
  "PATCH /api/reference-professions/:id": {
    allow: ["admin"],
    request: async (ctx) => {
      const created = await ctx.as("admin").post("/api/reference-professions", {
        name: `Matrix-Umbenennung ${++n}`,
        regulated: false,
        professionalField: "crafts_construction",
        qualificationKind: "vocational",
      });
      return { url: `/api/reference-professions/${created.json().id}`, body: { regulated: true } };
    },
  },

  "GET /api/consultations": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/consultations?clientId=${await freshClient(ctx)}` }),
  },
  "GET /api/consultations/defaults": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/consultations/defaults?clientId=${await freshClient(ctx)}` }),
  },
  "POST /api/consultations": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: "/api/consultations", body: { clientId: await freshClient(ctx), date: today(), channel: "phone" } }),
  },
  "GET /api/consultations/:id": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/consultations/${(await freshConsultation(ctx)).id}` }),
  },
  "PATCH /api/consultations/:id": {
    allow: berlinCaseworkers,
    request: async (ctx) => {
      const consultation = await freshConsultation(ctx);
      return { url: `/api/consultations/${consultation.id}`, body: { version: consultation.version, durationMinutes: 45 } };
    },
  },

  "POST /api/consultations/:id/support-requests": {
    allow: [],
    request: async (ctx) => ({ url: `/api/consultations/${await freshFiConsultation(ctx)}/support-requests`, body: { question: "Frage" } }),
  },
  "GET /api/support-requests": { allow: [], request: () => ({ url: "/api/support-requests?status=open" }) },
  "POST /api/support-requests/:id/answer": {
    allow: [],
    request: async (ctx) => {
      const request = await freshSupportRequest(ctx);
      return { url: `/api/support-requests/${request.id}/answer`, body: { answer: "Antwort", version: request.version } };
    },
  },

  "GET /api/group-events": { allow: groupEventReaders, request: () => ({ url: `/api/group-events?unitId=${berlinSub}` }) },
  "POST /api/group-events": { allow: berlinCaseworkers, request: () => ({ url: "/api/group-events", body: groupEventBody() }) },
  "PATCH /api/group-events/:id": {
    allow: berlinCaseworkers,
    request: async (ctx) => {
      const event = await freshGroupEvent(ctx);
      return { url: `/api/group-events/${event.id}`, body: { version: event.version, participants: 15 } };
    },
  },
};
