import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Role } from "../../../common/domain/roles.js";
import { type Executor, queryRows } from "../../db/index.js";
import { loginAttempts, roleAssignments, sessions, users } from "../../db/schema/index.js";
import { unitPathSql } from "../directory/service.js";

/** A session's grant with its unit's path (null if the unit is gone). */
type RawGrant = { role: Role; unitId: string; unitPath: string | null };

/**
 * The live session for a token hash with its user and active role grants in one query (it runs
 * on every authenticated request); the units' paths come from an expression the directory
 * module provides. `now` is the app clock.
 */
export async function findLiveSession(exec: Executor, tokenHash: string, idleMinutes: number, now: Date) {
  const at = now.toISOString();
  const rows = await queryRows<{
    session_id: string;
    user_id: string;
    csrf_token: string;
    expires_at: string;
    last_seen_at: string;
    mfa_verified_at: string | null;
    email: string;
    display_name: string;
    preferred_language: string;
    totp_enabled_at: string | null;
    grants: RawGrant[] | string;
  }>(
    exec,
    sql`
    select s.id as session_id, s.user_id, s.csrf_token, s.expires_at, s.last_seen_at, s.mfa_verified_at,
           u.email, u.display_name, u.preferred_language, u.totp_enabled_at,
           coalesce((select json_agg(json_build_object('role', ra.role, 'unitId', ra.unit_id, 'unitPath', ${unitPathSql(sql`ra.unit_id`)}))
                       from ${roleAssignments} ra
                      where ra.user_id = u.id and ra.revoked_at is null), '[]'::json) as grants
      from ${sessions} s join ${users} u on u.id = s.user_id
     where s.token_hash = ${tokenHash}
       and s.revoked_at is null
       and s.expires_at > ${at}::timestamptz
       and s.last_seen_at > ${at}::timestamptz - make_interval(mins => ${idleMinutes})
       and u.disabled_at is null`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    sessionId: row.session_id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
    lastSeenAt: new Date(row.last_seen_at),
    mfaVerifiedAt: row.mfa_verified_at ? new Date(row.mfa_verified_at) : null,
    email: row.email,
    displayName: row.display_name,
    preferredLanguage: row.preferred_language,
    totpEnabledAt: row.totp_enabled_at ? new Date(row.totp_enabled_at) : null,
    grants: (typeof row.grants === "string" ? JSON.parse(row.grants) : row.grants) as RawGrant[],
  };
}

export async function touchSession(exec: Executor, sessionId: string, now: Date): Promise<void> {
  await exec.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

export async function insertSession(
  exec: Executor,
  values: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date; mfaVerified: boolean; ip: string; userAgent?: string },
  now: Date,
) {
  const [row] = await exec
    .insert(sessions)
    .values({
      tokenHash: values.tokenHash,
      userId: values.userId,
      csrfToken: values.csrfToken,
      expiresAt: values.expiresAt,
      createdAt: now,
      lastSeenAt: now,
      mfaVerifiedAt: values.mfaVerified ? now : null,
      ip: values.ip,
      userAgent: values.userAgent?.slice(0, 400),
    })
    .returning();
  return row!;
}

export async function revokeSession(exec: Executor, sessionId: string, now: Date, userId?: string): Promise<boolean> {
  const rows = await exec
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), userId ? eq(sessions.userId, userId) : undefined))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function revokeAllSessions(exec: Executor, userId: string, now: Date, exceptSessionId?: string): Promise<number> {
  const rows = await exec
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(eq(sessions.userId, userId), isNull(sessions.revokedAt), exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

export async function markSessionMfaVerified(exec: Executor, sessionId: string, now: Date): Promise<void> {
  await exec.update(sessions).set({ mfaVerifiedAt: now }).where(eq(sessions.id, sessionId));
}

/** Sessions of a user that are neither revoked nor past their absolute or idle expiry. */
export async function listActiveSessions(exec: Executor, userId: string, now: Date, idleMinutes: number) {
  return exec
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - idleMinutes * 60_000)),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
}

export async function findUserByEmail(exec: Executor, email: string) {
  const [row] = await exec.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export async function findUserById(exec: Executor, id: string) {
  const [row] = await exec.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export type AttemptOutcome = "failure" | "success" | "reset";

export async function recordLoginAttempt(
  exec: Executor,
  email: string,
  ip: string | null,
  outcome: AttemptOutcome,
  now: Date,
): Promise<void> {
  await exec.insert(loginAttempts).values({ email, ip, outcome, attemptedAt: now });
}

/**
 * Failed logins for this e-mail within the window since its last success or password reset.
 * `unlockAt` is when the count drops below `threshold` again: the moment the threshold-th newest
 * failure leaves the window (null while below the threshold).
 */
export async function lockoutState(exec: Executor, email: string, windowMinutes: number, threshold: number, now: Date) {
  const at = now.toISOString();
  const rows = await queryRows<{ attempted_at: string }>(
    exec,
    sql`
    select attempted_at from ${loginAttempts}
     where email = ${email} and outcome = 'failure'
       and attempted_at > ${at}::timestamptz - make_interval(mins => ${windowMinutes})
       and attempted_at > coalesce((select max(attempted_at) from ${loginAttempts}
                                     where email = ${email} and outcome in ('success', 'reset')), '-infinity')
     order by attempted_at desc
     limit ${threshold}`,
  );
  const nth = rows.length >= threshold ? rows[threshold - 1] : undefined;
  return { failures: rows.length, unlockAt: nth ? new Date(new Date(nth.attempted_at).getTime() + windowMinutes * 60_000) : null };
}

/** Failed logins from this address within the window (any e-mail). */
export async function countRecentFailuresForIp(exec: Executor, ip: string, windowMinutes: number, now: Date): Promise<number> {
  const [row] = await queryRows<{ failures: number }>(
    exec,
    sql`
    select count(*)::int as failures from ${loginAttempts}
     where ip = ${ip} and outcome = 'failure' and attempted_at > ${now.toISOString()}::timestamptz - make_interval(mins => ${windowMinutes})`,
  );
  return Number(row!.failures);
}

export async function findSessionById(exec: Executor, sessionId: string) {
  const [row] = await exec.select().from(sessions).where(eq(sessions.id, sessionId));
  return row ?? null;
}
