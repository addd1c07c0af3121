import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/index.js";
import { loginAttempts, roleAssignments, sessions, units, users } from "../../db/schema/index.js";
import type { Role, RoleGrant } from "../../../common/domain/roles.js";

export type SessionRow = {
  sessionId: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  mfaVerifiedAt: Date | null;
  email: string;
  displayName: string;
  preferredLanguage: string;
  totpEnabledAt: Date | null;
  grants: RoleGrant[];
};

/**
 * The live session for a token hash with its user and role grants, in one round trip:
 * this runs on every authenticated request.
 */
export async function findLiveSession(exec: Executor, tokenHash: string, idleMinutes: number): Promise<SessionRow | null> {
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
    grants: RoleGrant[] | string;
  }>(exec, sql`
    select s.id as session_id, s.user_id, s.csrf_token, s.expires_at, s.last_seen_at, s.mfa_verified_at,
           u.email, u.display_name, u.preferred_language, u.totp_enabled_at,
           coalesce((select json_agg(json_build_object('role', ra.role, 'unitId', ra.unit_id, 'unitPath', un.path))
                       from ${roleAssignments} ra join ${units} un on un.id = ra.unit_id
                      where ra.user_id = u.id and ra.revoked_at is null), '[]'::json) as grants
      from ${sessions} s join ${users} u on u.id = s.user_id
     where s.token_hash = ${tokenHash}
       and s.revoked_at is null
       and s.expires_at > now()
       and s.last_seen_at > now() - make_interval(mins => ${idleMinutes})
       and u.disabled_at is null`);
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
    grants: typeof row.grants === "string" ? JSON.parse(row.grants) : row.grants,
  };
}

export async function touchSession(exec: Executor, sessionId: string): Promise<void> {
  await exec.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
}

export async function insertSession(
  exec: Executor,
  values: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date; mfaVerified: boolean; ip: string; userAgent?: string },
) {
  const [row] = await exec
    .insert(sessions)
    .values({
      tokenHash: values.tokenHash,
      userId: values.userId,
      csrfToken: values.csrfToken,
      expiresAt: values.expiresAt,
      mfaVerifiedAt: values.mfaVerified ? sql`now()` : null,
      ip: values.ip,
      userAgent: values.userAgent?.slice(0, 400),
    })
    .returning();
  return row!;
}

export async function revokeSession(exec: Executor, sessionId: string, userId?: string): Promise<boolean> {
  const rows = await exec
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), userId ? eq(sessions.userId, userId) : undefined))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function revokeAllSessions(exec: Executor, userId: string, exceptSessionId?: string): Promise<number> {
  const rows = await exec
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

export async function markSessionMfaVerified(exec: Executor, sessionId: string): Promise<void> {
  await exec.update(sessions).set({ mfaVerifiedAt: sql`now()` }).where(eq(sessions.id, sessionId));
}

export async function listActiveSessions(exec: Executor, userId: string) {
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
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}

export async function findUserByEmail(exec: Executor, email: string) {
  const [row] = await exec.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export async function findUserById(exec: Executor, id: string) {
  const [row] = await exec.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function recordLoginAttempt(exec: Executor, email: string, ip: string, succeeded: boolean): Promise<void> {
  await exec.insert(loginAttempts).values({ email, ip, succeeded });
}

/** Failed logins for this e-mail since its last success, within the window. */
export async function countRecentFailuresForEmail(exec: Executor, email: string, windowMinutes: number) {
  const [row] = await queryRows<{ failures: number; last_failure: string | null }>(exec, sql`
    select count(*)::int as failures, max(attempted_at) as last_failure
      from ${loginAttempts}
     where email = ${email} and not succeeded
       and attempted_at > now() - make_interval(mins => ${windowMinutes})
       and attempted_at > coalesce((select max(attempted_at) from ${loginAttempts} where email = ${email} and succeeded), '-infinity')`);
  return { failures: Number(row!.failures), lastFailure: row!.last_failure ? new Date(row!.last_failure) : null };
}

export async function countRecentFailuresForIp(exec: Executor, ip: string, windowMinutes: number): Promise<number> {
  const [row] = await queryRows<{ failures: number }>(exec, sql`
    select count(*)::int as failures from ${loginAttempts}
     where ip = ${ip} and not succeeded and attempted_at > now() - make_interval(mins => ${windowMinutes})`);
  return Number(row!.failures);
}

/** Active grants of a user with the names of their units (for the session response). */
export async function listGrantsWithUnits(exec: Executor, userId: string) {
  return exec
    .select({ role: roleAssignments.role, unitId: units.id, unitName: units.name, unitType: units.type, unitPath: units.path })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(eq(roleAssignments.userId, userId), isNull(roleAssignments.revokedAt)))
    .orderBy(units.depth, units.name) as Promise<{ role: Role; unitId: string; unitName: string; unitType: string; unitPath: string }[]>;
}
