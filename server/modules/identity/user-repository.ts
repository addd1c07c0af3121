import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Role } from "../../../common/domain/roles.js";
import type { Executor } from "../../db/index.js";
import { roleAssignments, users } from "../../db/schema/index.js";

/** SQL of the user administration: users and their role grants. */

export type UserRow = typeof users.$inferSelect;
export type GrantRow = { id: string; userId: string; role: Role; unitId: string; grantedAt: Date };

const grantColumns = {
  id: roleAssignments.id,
  userId: roleAssignments.userId,
  role: roleAssignments.role,
  unitId: roleAssignments.unitId,
  grantedAt: roleAssignments.grantedAt,
};

/** Units that carry at least one active grant: the candidates for a scope filter. */
export async function listGrantedUnitIds(exec: Executor): Promise<string[]> {
  const rows = await exec.selectDistinct({ unitId: roleAssignments.unitId }).from(roleAssignments).where(isNull(roleAssignments.revokedAt));
  return rows.map((r) => r.unitId);
}

export type UserSearch = {
  /** Only users with an active grant on one of these units; "all" for no unit restriction. */
  unitIds: string[] | "all";
  q?: string;
  after?: { name: string; id: string };
  limit: number;
};

/** A page of users ordered by name (case-insensitive), then id; keyset paging. */
export async function searchUsers(exec: Executor, search: UserSearch): Promise<UserRow[]> {
  if (search.unitIds !== "all" && search.unitIds.length === 0) return [];
  const conditions: SQL[] = [];
  if (search.unitIds !== "all") {
    conditions.push(sql`exists (select 1 from ${roleAssignments} ra
      where ra.user_id = ${users.id} and ra.revoked_at is null and ${inArray(sql`ra.unit_id`, search.unitIds)})`);
  }
  if (search.q) {
    const pattern = `%${search.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(${users.displayName} ilike ${pattern} or ${users.email} ilike ${pattern})`);
  }
  if (search.after) {
    conditions.push(sql`(lower(${users.displayName}), ${users.id}) > (lower(${search.after.name}), ${search.after.id}::uuid)`);
  }
  return exec
    .select()
    .from(users)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(sql`lower(${users.displayName})`, asc(users.id))
    .limit(search.limit);
}

export async function listActiveGrantsOf(exec: Executor, userIds: string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  return (await exec
    .select(grantColumns)
    .from(roleAssignments)
    .where(and(inArray(roleAssignments.userId, userIds), isNull(roleAssignments.revokedAt)))
    .orderBy(roleAssignments.grantedAt, roleAssignments.id)) as GrantRow[];
}

/** Inserts the user unless the e-mail is taken (then null; no error aborts the transaction). */
export async function insertUser(exec: Executor, values: { email: string; displayName: string; preferredLanguage: string; now: Date }) {
  const [row] = await exec
    .insert(users)
    .values({ ...values, createdAt: values.now, updatedAt: values.now })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** Grants a role unless the same active grant exists (then null). */
export async function insertGrant(exec: Executor, values: { userId: string; role: Role; unitId: string; grantedBy: string; now: Date }) {
  const [row] = await exec
    .insert(roleAssignments)
    .values({ userId: values.userId, role: values.role, unitId: values.unitId, grantedBy: values.grantedBy, grantedAt: values.now })
    .onConflictDoNothing()
    .returning({ id: roleAssignments.id });
  return row ?? null;
}

/** Ends a grant; the row stays as history. False when it was not active. */
export async function revokeGrant(exec: Executor, grantId: string, userId: string, revokedBy: string, now: Date): Promise<boolean> {
  const rows = await exec
    .update(roleAssignments)
    .set({ revokedAt: now, revokedBy })
    .where(and(eq(roleAssignments.id, grantId), eq(roleAssignments.userId, userId), isNull(roleAssignments.revokedAt)))
    .returning({ id: roleAssignments.id });
  return rows.length === 1;
}

/** Applies a change if the version still matches (optimistic concurrency); null on a stale version. */
export async function updateUserVersioned(
  exec: Executor,
  id: string,
  version: number,
  changes: { displayName?: string; disabledAt?: Date | null; now: Date },
) {
  const [row] = await exec
    .update(users)
    .set({
      ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
      ...(changes.disabledAt !== undefined ? { disabledAt: changes.disabledAt } : {}),
      updatedAt: changes.now,
      version: sql`${users.version} + 1`,
    })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// For other modules (clients: task assignees, caseload, break-the-glass notices)
// ---------------------------------------------------------------------------------------------

/** What another module may know about a staff member: enough to label them and to mail them. */
export type StaffRef = { id: string; email: string; displayName: string };

/**
 * Enabled users holding one of the roles on the unit with this path or on a unit above it (a
 * grant holds for its subtree; a path lists the ids of the unit and its ancestors), optionally
 * only among `userIds`. Ordered by name.
 */
export async function listStaffCovering(
  exec: Executor,
  unitPath: string,
  roles: readonly Role[],
  userIds?: readonly string[],
): Promise<StaffRef[]> {
  if (roles.length === 0 || userIds?.length === 0) return [];
  return exec
    .selectDistinct({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        isNull(users.disabledAt),
        isNull(roleAssignments.revokedAt),
        inArray(roleAssignments.role, [...roles]),
        inArray(roleAssignments.unitId, unitPath.split("/")),
        userIds ? inArray(users.id, [...userIds]) : undefined,
      ),
    )
    .orderBy(users.displayName, users.id);
}
