import type { FastifyReply, FastifyRequest } from "fastify";
import { rolesReadingPersonalData } from "../../../common/domain/roles.js";
import type { Actor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { hashToken, randomToken } from "../../platform/secrets.js";
import type { Executor } from "../../db/index.js";
import * as repo from "./repository.js";

export const SESSION_COOKIE = "lotse_session";
// Only write last_seen_at when it is this old: one write per minute, not per request.
const TOUCH_AFTER_MS = 60_000;

/** Resolves the actor of a request from its session cookie; null when absent, expired or revoked. */
export async function resolveActor(ctx: AppContext, request: FastifyRequest): Promise<Actor | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const row = await repo.findLiveSession(ctx.database.db, hashToken(token), ctx.config.sessionIdleMinutes);
  if (!row) return null;
  if (ctx.clock.now().getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await repo.touchSession(ctx.database.db, row.sessionId);
  }
  const mfaRequired = ctx.config.requireMfa && row.grants.some((g) => rolesReadingPersonalData.has(g.role));
  const mfaVerified = row.mfaVerifiedAt !== null;
  return {
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    grants: row.grants,
    mfaVerified,
    mfaPending: mfaRequired && !mfaVerified,
  };
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
  const expiresAt = new Date(ctx.clock.now().getTime() + ctx.config.sessionTtlHours * 3_600_000);
  const session = await repo.insertSession(exec, { ...input, tokenHash: hashToken(token), csrfToken, expiresAt });
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
