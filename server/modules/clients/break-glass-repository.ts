import { and, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/index.js";
import { clientAccessGrants } from "../../db/schema/index.js";

/** SQL of break-the-glass access grants (the check itself is access.ts: hasActiveAccessGrant). */

export type AccessGrantRow = typeof clientAccessGrants.$inferSelect;

export async function insertAccessGrant(exec: Executor, values: typeof clientAccessGrants.$inferInsert): Promise<AccessGrantRow> {
  const [row] = await exec.insert(clientAccessGrants).values(values).returning();
  return row!;
}

/** Every justified access to a client, newest first: the owning sub-project's record of who looked. */
export async function listAccessGrants(exec: Executor, clientId: string): Promise<AccessGrantRow[]> {
  return exec
    .select()
    .from(clientAccessGrants)
    .where(eq(clientAccessGrants.clientId, clientId))
    .orderBy(desc(clientAccessGrants.grantedAt), desc(clientAccessGrants.id));
}

export async function findAccessGrant(exec: Executor, clientId: string, grantId: string): Promise<AccessGrantRow | null> {
  const [row] = await exec
    .select()
    .from(clientAccessGrants)
    .where(and(eq(clientAccessGrants.id, grantId), eq(clientAccessGrants.clientId, clientId)))
    .for("update");
  return row ?? null;
}

/** Ends a grant now; null when it had already been revoked (a retry changes nothing). */
export async function revokeAccessGrant(exec: Executor, grantId: string, now: Date): Promise<AccessGrantRow | null> {
  const [row] = await exec
    .update(clientAccessGrants)
    .set({ revokedAt: now })
    .where(and(eq(clientAccessGrants.id, grantId), isNull(clientAccessGrants.revokedAt)))
    .returning();
  return row ?? null;
}
