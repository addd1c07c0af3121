import { and, count, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "../../db/index.js";
import { passwordResetRequests, passwordResetTokens, users } from "../../db/schema/index.js";

export type TokenPurpose = "reset" | "invitation";

export async function insertToken(
  exec: Executor,
  values: { userId: string; tokenHash: string; purpose: TokenPurpose; now: Date; expiresAt: Date },
) {
  await exec.insert(passwordResetTokens).values({
    userId: values.userId,
    tokenHash: values.tokenHash,
    purpose: values.purpose,
    createdAt: values.now,
    expiresAt: values.expiresAt,
  });
}

/** An unused, unexpired token with its user; null for anything else. */
export async function findOpenToken(exec: Executor, tokenHash: string, now: Date) {
  const [row] = await exec
    .select({
      id: passwordResetTokens.id,
      purpose: passwordResetTokens.purpose,
      userId: users.id,
      email: users.email,
      disabledAt: users.disabledAt,
    })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(and(eq(passwordResetTokens.tokenHash, tokenHash), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)));
  return row ?? null;
}

/** Marks the token used if it still is open; false when another request used it first. */
export async function claimToken(exec: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await exec
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.id, id), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
    .returning({ id: passwordResetTokens.id });
  return rows.length === 1;
}

/** Ends every open link of a user (after the password was set another way). */
export async function closeOpenTokens(exec: Executor, userId: string, now: Date): Promise<void> {
  await exec
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}

export async function recordResetRequest(exec: Executor, email: string, ip: string | null, now: Date): Promise<void> {
  await exec.insert(passwordResetRequests).values({ email, ip, requestedAt: now });
}

export async function countResetRequests(exec: Executor, by: { email: string } | { ip: string }, since: Date): Promise<number> {
  const match = "email" in by ? eq(passwordResetRequests.email, by.email) : eq(passwordResetRequests.ip, by.ip);
  const [row] = await exec
    .select({ n: count() })
    .from(passwordResetRequests)
    .where(and(match, gt(passwordResetRequests.requestedAt, since)));
  return Number(row?.n ?? 0);
}
