import { eq, sql } from "drizzle-orm";
import { type PasswordChangeRequest, passwordContainsEmail } from "../../../common/contracts/auth.js";
import { users } from "../../db/schema/index.js";
import type { Actor, RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, fieldError } from "../../platform/errors.js";
import { recordAuditEvent } from "../audit/service.js";
import { verifyOwnPassword } from "./password-check.js";
import { hashPassword } from "./passwords.js";
import * as repo from "./repository.js";
import { closeOpenTokens } from "./token-repository.js";

/** The signed-in user's own account: sessions and password. Nobody reaches another user's here. */

export function listOwnSessions(ctx: AppContext, actor: Actor) {
  return repo.listActiveSessions(ctx.database.db, actor.userId, ctx.clock.now(), ctx.config.sessionIdleMinutes);
}

/** Revokes one of the actor's own sessions; another user's session id is "not found". */
export async function revokeOwnSession(ctx: AppContext, actor: Actor, sessionId: string, origin: RequestOrigin): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    if (!(await repo.revokeSession(tx, sessionId, ctx.clock.now(), actor.userId))) throw new AppError("not_found");
    await recordAuditEvent(tx, origin, { action: "auth.session.revoked", outcome: "success", recordType: "session", recordId: sessionId });
  });
}

/** Changes the password after checking the current one; every other session of the user ends. */
export async function changeOwnPassword(ctx: AppContext, actor: Actor, input: PasswordChangeRequest, origin: RequestOrigin): Promise<void> {
  const user = await repo.findUserById(ctx.database.db, actor.userId);
  if (!user) throw new AppError("unauthenticated");
  await verifyOwnPassword(ctx, origin, user, input.currentPassword, "currentPassword");
  if (passwordContainsEmail(input.newPassword, user.email)) {
    throw new AppError("validation_failed", {
      errors: [fieldError("newPassword", "contains_email", "Das Passwort darf die E-Mail-Adresse nicht enthalten.")],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: now, version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    const revoked = await repo.revokeAllSessions(tx, user.id, now, actor.sessionId);
    await closeOpenTokens(tx, user.id, now);
    await recordAuditEvent(tx, origin, {
      action: "identity.password.changed",
      outcome: "success",
      recordType: "user",
      recordId: user.id,
      details: { sessionsRevoked: revoked },
    });
  });
}
