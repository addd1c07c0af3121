import { eq } from "drizzle-orm";
import { passwordResetTokens, roleAssignments, sessions, users } from "../../../db/schema/index.js";
import { hashToken, randomToken } from "../../../platform/secrets.js";
import { type Caller, everyone, type MatrixContext, type Row, signedIn } from "../../../test/access.js";
import { DEMO_PASSWORD, personas } from "../../../test/harness.js";
import { hashPassword } from "../passwords.js";
import { totpFor } from "../totp.js";

/**
 * Rows of the access matrix (server/test/access-matrix.ts) for the identity routes, written from
 * the role descriptions: user administration belongs to administrators, state coordination and
 * sub-project leads within their scope; one's own account belongs to every signed-in user, who
 * acts on their own record (a second session, a TOTP code of their own set-up, their password),
 * undone after the call so later rows start from the seeded state.
 */

const managersOfBerlin: readonly Caller[] = ["admin", "coordinationBerlin", "leadBerlin"];

let serial = 0;
const berlinSubProject = async (ctx: MatrixContext) =>
  (await ctx.as("leadBerlin").get("/api/auth/session")).json().user.grants[0].unitId as string;

/** A fresh user with one grant in the Berlin demo sub-project, so each caller acts on an untouched record. */
async function freshBerlinUser(ctx: MatrixContext, role: "counselor" | "sub_project_lead" = "counselor") {
  const { db } = ctx.t.database;
  const [user] = await db
    .insert(users)
    .values({ email: `matrix-${Date.now()}-${++serial}@lotse.demo`, displayName: `Matrix ${serial}` })
    .returning();
  const [grant] = await db
    .insert(roleAssignments)
    .values({ userId: user!.id, role, unitId: await berlinSubProject(ctx) })
    .returning();
  return { userId: user!.id, grantId: grant!.id };
}

/** Starts TOTP set-up as the caller and returns a currently valid code for the pending secret. */
async function startTotpSetup(ctx: MatrixContext, caller: Caller): Promise<string> {
  if (caller === "anonymous") return "123456";
  const setup = await ctx.as(caller).post("/api/me/totp/setup");
  return totpFor(setup.json().secret as string, "matrix").generate();
}

async function userIdOf(ctx: MatrixContext, caller: Exclude<Caller, "anonymous">): Promise<string> {
  const [row] = await ctx.t.database.db.select({ id: users.id }).from(users).where(eq(users.email, personas[caller]));
  return row!.id;
}

/** Leaves the persona without a second factor, as the demo seed made it, for the rows after. */
async function resetSecondFactor(ctx: MatrixContext, caller: Caller): Promise<void> {
  if (caller === "anonymous") return;
  await ctx.t.database.db
    .update(users)
    .set({ totpSecretEnc: null, totpPendingSecretEnc: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, await userIdOf(ctx, caller)));
}

async function restoreDemoPassword(ctx: MatrixContext, caller: Caller): Promise<void> {
  if (caller === "anonymous") return;
  await ctx.t.database.db
    .update(users)
    .set({ passwordHash: await hashPassword(DEMO_PASSWORD) })
    .where(eq(users.id, await userIdOf(ctx, caller)));
}

/** Signs the caller in a second time and returns that second session's id. */
async function freshSessionOf(ctx: MatrixContext, caller: Exclude<Caller, "anonymous">): Promise<string> {
  const second = await ctx.freshLogin(caller);
  const sessions = (await second.get("/api/me/sessions")).json().items as { id: string; current: boolean }[];
  return sessions.find((x) => x.current)!.id;
}

export const identityAccessRows: Record<string, Row> = {
  "POST /api/auth/password-reset/request": {
    allow: everyone,
    request: () => ({ url: "/api/auth/password-reset/request", body: { email: `matrix-reset-${++serial}@lotse.demo` } }),
  },
  "POST /api/auth/password-reset/confirm": {
    allow: everyone,
    request: async (ctx) => {
      const { userId } = await freshBerlinUser(ctx);
      const token = randomToken();
      await ctx.t.database.db
        .insert(passwordResetTokens)
        .values({ userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 3_600_000) });
      return { url: "/api/auth/password-reset/confirm", body: { token, password: "Matrix-Passwort-2026" } };
    },
  },

  "POST /api/me/totp/setup": { allow: signedIn, request: () => ({ url: "/api/me/totp/setup" }) },
  "POST /api/me/totp/enable": {
    allow: signedIn,
    request: async (ctx, caller) => ({ url: "/api/me/totp/enable", body: { code: await startTotpSetup(ctx, caller) } }),
    after: resetSecondFactor,
  },
  "POST /api/me/totp/disable": {
    allow: signedIn,
    request: async (ctx, caller) => {
      const code = await startTotpSetup(ctx, caller);
      if (caller !== "anonymous") await ctx.as(caller).post("/api/me/totp/enable", { code });
      return { url: "/api/me/totp/disable", body: { password: DEMO_PASSWORD } };
    },
    after: resetSecondFactor,
  },
  "GET /api/me/sessions": { allow: signedIn, request: () => ({ url: "/api/me/sessions" }) },
  "DELETE /api/me/sessions/:id": {
    // Each caller ends another session of their own (made by signing in a second time).
    allow: signedIn,
    request: async (ctx, caller) => {
      if (caller === "anonymous") return { url: `/api/me/sessions/${(await freshSessionOf(ctx, "counselorBerlin")) ?? ""}` };
      return { url: `/api/me/sessions/${await freshSessionOf(ctx, caller)}` };
    },
  },
  "POST /api/me/password": {
    allow: signedIn,
    request: () => ({ url: "/api/me/password", body: { currentPassword: DEMO_PASSWORD, newPassword: "Matrix-Passwort-2026-neu" } }),
    after: restoreDemoPassword,
  },

  "GET /api/users": { allow: managersOfBerlin, request: () => ({ url: "/api/users" }) },
  "GET /api/users/:id": {
    // The Berlin counselor sees their own record.
    allow: [...managersOfBerlin, "counselorBerlin"],
    request: async (ctx) => {
      const [ben] = await ctx.t.database.db.select({ id: users.id }).from(users).where(eq(users.email, personas.counselorBerlin));
      return { url: `/api/users/${ben!.id}` };
    },
  },
  "POST /api/users": {
    allow: managersOfBerlin,
    request: async (ctx) => ({
      url: "/api/users",
      body: { email: `matrix-new-${++serial}@lotse.demo`, displayName: "Neu", role: "counselor", unitId: await berlinSubProject(ctx) },
    }),
  },
  "PATCH /api/users/:id": {
    allow: managersOfBerlin,
    request: async (ctx) => ({ url: `/api/users/${(await freshBerlinUser(ctx)).userId}`, body: { version: 1, displayName: "Umbenannt" } }),
  },
  "POST /api/users/:id/roles": {
    allow: managersOfBerlin,
    request: async (ctx) => ({
      url: `/api/users/${(await freshBerlinUser(ctx, "sub_project_lead")).userId}/roles`,
      body: { role: "counselor", unitId: await berlinSubProject(ctx) },
    }),
  },
  "DELETE /api/users/:id/roles/:grantId": {
    allow: managersOfBerlin,
    request: async (ctx) => {
      const { userId, grantId } = await freshBerlinUser(ctx);
      return { url: `/api/users/${userId}/roles/${grantId}` };
    },
  },
  "DELETE /api/users/:id/sessions": {
    allow: managersOfBerlin,
    request: async (ctx) => ({ url: `/api/users/${(await freshBerlinUser(ctx)).userId}/sessions` }),
  },
  "GET /api/roles/grantable": {
    allow: managersOfBerlin,
    request: async (ctx) => ({ url: `/api/roles/grantable?unitId=${await berlinSubProject(ctx)}` }),
  },
};
