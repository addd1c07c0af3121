import { eq } from "drizzle-orm";
import { users } from "../../../db/schema/index.js";
import type { Caller, MatrixContext, Row } from "../../../test/access.js";
import { personas, type TestApp, type TestClient } from "../../../test/harness.js";
import { seedId } from "../../directory/seed.js";

/**
 * Access-matrix rows for the casework routes (tasks, caseload, break-the-glass), against clients
 * of the Berlin demo sub-project. Break-the-glass is tried on a client of Faire Integration
 * Berlin (another sub-project in the same state network), which the Berlin counselor and lead may
 * open with a reason and the Bavarian counselor may not.
 */

const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const fiBerlin = seedId("unit", "fi:be");
const caseworkers: Caller[] = ["leadBerlin", "counselorBerlin", "counselorBavaria"];
const berlinCaseworkers: Caller[] = ["leadBerlin", "counselorBerlin"];
const reason = "Klientin meldet sich bei uns, Akte zur Abstimmung nötig";
let n = 0;

const clientBody = (unitId: string) => ({
  firstName: "Matrix",
  lastName: `Fallarbeit ${++n}`,
  birthYear: 1991,
  nationalities: ["AF"],
  postcode: "10115",
  unitId,
  consent: { processing: true },
});

const fiSessions = new WeakMap<TestApp, TestClient>();
async function fiCounselor(ctx: MatrixContext): Promise<TestClient> {
  if (!fiSessions.has(ctx.t)) fiSessions.set(ctx.t, await ctx.t.login("faireIntegrationBerlin"));
  return fiSessions.get(ctx.t)!;
}

async function created<T>(response: { statusCode: number; body: string; json(): unknown }, what: string): Promise<T> {
  if (response.statusCode !== 201) throw new Error(`${what} not created: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

const freshClient = async (by: TestClient, unitId: string) =>
  created<{ id: string; version: number }>(await by.post("/api/clients", clientBody(unitId)), "client");

const freshBerlinClient = (ctx: MatrixContext) => freshClient(ctx.as("counselorBerlin"), berlinSub);

async function userIdOf(ctx: MatrixContext, persona: keyof typeof personas): Promise<string> {
  const [row] = await ctx.t.database.db.select({ id: users.id }).from(users).where(eq(users.email, personas[persona]));
  return row!.id;
}

export const caseworkAccessRows: Record<string, Row> = {
  "GET /api/clients/:id/tasks": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/clients/${(await freshBerlinClient(ctx)).id}/tasks` }),
  },
  "GET /api/clients/:id/task-assignees": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/clients/${(await freshBerlinClient(ctx)).id}/task-assignees` }),
  },
  "POST /api/clients/:id/tasks": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({
      url: `/api/clients/${(await freshBerlinClient(ctx)).id}/tasks`,
      body: { title: "Unterlagen nachfragen", dueOn: "2099-12-31" },
    }),
  },
  "PATCH /api/clients/:id/tasks/:taskId": {
    allow: berlinCaseworkers,
    request: async (ctx) => {
      const client = await freshBerlinClient(ctx);
      const task = await created<{ id: string; version: number }>(
        await ctx.as("counselorBerlin").post(`/api/clients/${client.id}/tasks`, { title: "Rückruf", dueOn: "2099-12-31" }),
        "task",
      );
      return { url: `/api/clients/${client.id}/tasks/${task.id}`, body: { version: task.version, done: true } };
    },
  },
  "GET /api/tasks/mine": { allow: caseworkers, request: () => ({ url: "/api/tasks/mine?due=today" }) },
  "POST /api/clients/:id/assign": {
    allow: berlinCaseworkers,
    request: async (ctx) => {
      const client = await freshBerlinClient(ctx);
      return {
        url: `/api/clients/${client.id}/assign`,
        body: { counselorId: await userIdOf(ctx, "counselorBerlin"), version: client.version },
      };
    },
  },
  "GET /api/caseload": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/caseload?counselorId=${await userIdOf(ctx, "counselorBerlin")}` }),
  },
  "POST /api/caseload/reassign": {
    allow: ["leadBerlin"],
    request: async (ctx) => ({
      url: "/api/caseload/reassign",
      body: {
        fromCounselorId: await userIdOf(ctx, "leadBerlin"),
        toCounselorId: await userIdOf(ctx, "counselorBerlin"),
        unitId: berlinSub,
      },
    }),
  },
  "POST /api/clients/:id/break-glass": {
    allow: berlinCaseworkers,
    request: async (ctx) => {
      const client = await freshClient(await fiCounselor(ctx), fiBerlin);
      return { url: `/api/clients/${client.id}/break-glass`, body: { reason } };
    },
  },
  "GET /api/clients/:id/access-grants": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/clients/${(await freshBerlinClient(ctx)).id}/access-grants` }),
  },
  "POST /api/clients/:id/access-grants/:grantId/revoke": {
    allow: ["leadBerlin"],
    request: async (ctx) => {
      const client = await freshBerlinClient(ctx);
      const grant = await created<{ id: string }>(
        await (await fiCounselor(ctx)).post(`/api/clients/${client.id}/break-glass`, { reason }),
        "access grant",
      );
      return { url: `/api/clients/${client.id}/access-grants/${grant.id}/revoke`, body: {} };
    },
  },
};
