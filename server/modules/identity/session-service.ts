import type { FastifyReply, FastifyRequest } from "fastify";
import { type Role, type RoleGrant, rolesReadingPersonalData } from "../../../common/domain/roles.js";
import type { Executor } from "../../db/index.js";
import type { Actor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { createCounter, type MetricsRegistry } from "../../platform/metrics.js";
import { hashToken, randomToken } from "../../platform/secrets.js";
import * as repo from "./repository.js";
import { SessionCache } from "./session-cache.js";

export const SESSION_COOKIE = "lotse_session";
// Only write last_seen_at when it is this old: one write per minute, not per request.
const TOUCH_AFTER_MS = 60_000;

type LiveSession = NonNullable<Awaited<ReturnType<typeof repo.findLiveSession>>>;
export type SessionLookupCache = SessionCache<LiveSession>;

export function createSessionLookupCache(ctx: AppContext, metrics: MetricsRegistry): SessionLookupCache {
  return new SessionCache<LiveSession>(ctx.config.sessionCacheSeconds * 1000, {
    lookups: createCounter(metrics, "lotse_session_cache_lookups_total", "Session lookups by whether this node had them in memory", [
      "result",
    ]),
  });
}

/** Resolves the actor of a request from its session cookie; null when absent, expired or revoked. */
export async function resolveActor(ctx: AppContext, request: FastifyRequest, cache: SessionLookupCache): Promise<Actor | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const now = ctx.clock.now();
  const row = await findSession(ctx, cache, hashToken(token), now);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await repo.touchSession(ctx.database.db, row.sessionId, now);
    row.lastSeenAt = now; // the cached entry too
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

/**
 * The live session from the node's cache or the database. A cached session still has to be
 * within its absolute and idle expiry now; revocation, disabling and grant changes drop the
 * cache (session-cache.ts).
 */
async function findSession(ctx: AppContext, cache: SessionLookupCache, tokenHash: string, now: Date): Promise<LiveSession | null> {
  const nowMs = now.getTime();
  const cached = cache.get(tokenHash, nowMs);
  if (cached) {
    const idleLimit = cached.lastSeenAt.getTime() + ctx.config.sessionIdleMinutes * 60_000;
    if (cached.expiresAt.getTime() > nowMs && idleLimit > nowMs) return cached;
    cache.delete(tokenHash);
    return null;
  }
  const generation = cache.currentGeneration;
  const row = await repo.findLiveSession(ctx.database.db, tokenHash, ctx.config.sessionIdleMinutes, now);
  if (row) cache.set(tokenHash, row, generation, nowMs);
  return row;
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
