import type { FastifyReply, FastifyRequest } from "fastify";
import { type Role, type RoleGrant, rolesReadingPersonalData } from "../../../common/domain/roles.js";
import type { Executor } from "../../db/index.js";
import type { Actor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { hashToken, randomToken } from "../../platform/secrets.js";
import * as repo from "./repository.js";

export const SESSION_COOKIE = "lotse_session";
// Only write last_seen_at when it is this old: one write per minute, not per request.
const TOUCH_AFTER_MS = 60_000;

/** Resolves the actor of a request from its session cookie; null when absent, expired or revoked. */
export async function resolveActor(ctx: AppContext, request: FastifyRequest): Promise<Actor | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const now = ctx.clock.now();
  const row = await repo.findLiveSession(ctx.database.db, hashToken(token), ctx.config.sessionIdleMinutes, now);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await repo.touchSession(ctx.database.db, row.sessionId, now);
  }
  // Unit paths come with the session row (one round trip per request); a grant whose unit is
  // gone has no path and grants nothing.
  const grants: RoleGrant[] = row.grants.flatMap((g) => (g.unitPath ? [{ role: g.role, unitId: g.unitId, unitPath: g.unitPath }] : []));
  const mfaRequired = mfaRequiredFor(ctx, grants);
  const mfaVerified = row.mfaVerifiedAt !== null;
  return {
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    grants,
    mfaVerified,
    mfaPending: mfaRequired && !mfaVerified,
  };
}

/** The user's roles read personal data and the instance demands a second factor for them (REQUIRE_MFA). */
export function mfaRequiredFor(ctx: AppContext, grants: readonly { role: Role }[]): boolean {
  return ctx.config.requireMfa && grants.some((g) => rolesReadingPersonalData.has(g.role));
}

/** Starts a session: stores the token's hash, sets the cookie, returns the CSRF token. */
export async function startSession(
  ctx: AppContext,
  exec: Executor,
  reply: FastifyReply,
  input: { userId: string; mfaVerified: boolean; ip: string; userAgent?: string },
) {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000);
  const session = await repo.insertSession(exec, { ...input, tokenHash: hashToken(token), csrfToken, expiresAt }, now);
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    secure: ctx.config.secureCookies,
    sameSite: "lax",
    expires: expiresAt,
  });
  return { sessionId: session.id, csrfToken, expiresAt };
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, secure: ctx.config.secureCookies, sameSite: "lax" });
}
