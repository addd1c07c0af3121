import { eq, sql } from "drizzle-orm";
import { type PasswordResetConfirm, passwordContainsEmail } from "../../../common/contracts/auth.js";
import type { Executor } from "../../db/index.js";
import { users } from "../../db/schema/index.js";
import type { RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, fieldError } from "../../platform/errors.js";
import { enqueueMail } from "../../platform/mail.js";
import { hashToken, randomToken } from "../../platform/secrets.js";
import { recordAuditEvent } from "../audit/service.js";
import { passwordResetMail } from "./mails.js";
import { hashPassword } from "./passwords.js";
import * as repo from "./repository.js";
import * as tokens from "./token-repository.js";

export const RESET_TOKEN_MINUTES = 60;
export const INVITATION_TOKEN_DAYS = 7;
/** Reset requests per e-mail (beyond: answered alike, no mail) and per client address (beyond: 429). */
export const RESET_LIMITS = { perEmail: 3, perIp: 20, windowMinutes: 60 } as const;

/** Creates a single-use set-password link (only its hash is stored) and returns the URL for the mail. */
export async function issueSetPasswordLink(ctx: AppContext, exec: Executor, userId: string, purpose: tokens.TokenPurpose): Promise<string> {
  const token = randomToken();
  const now = ctx.clock.now();
  const validMs = purpose === "invitation" ? INVITATION_TOKEN_DAYS * 86_400_000 : RESET_TOKEN_MINUTES * 60_000;
  await tokens.insertToken(exec, { userId, tokenHash: hashToken(token), purpose, now, expiresAt: new Date(now.getTime() + validMs) });
  return `${ctx.config.publicUrl}/staff/reset-password?token=${encodeURIComponent(token)}`;
}

/**
 * Always answers alike whether the e-mail belongs to an account (no enumeration). A known,
 * enabled account gets a mail with a link valid for RESET_TOKEN_MINUTES, queued in the same
 * transaction and sent by the job runner after commit.
 */
export async function requestPasswordReset(ctx: AppContext, email: string, origin: RequestOrigin): Promise<void> {
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - RESET_LIMITS.windowMinutes * 60_000);
  await ctx.database.db.transaction(async (tx) => {
    if ((await tokens.countResetRequests(tx, { ip: origin.ip }, since)) >= RESET_LIMITS.perIp) {
      throw new AppError("rate_limited", { retryAfterSeconds: RESET_LIMITS.windowMinutes * 60 });
    }
    const earlier = await tokens.countResetRequests(tx, { email }, since);
    await tokens.recordResetRequest(tx, email, origin.ip, now);
    if (earlier >= RESET_LIMITS.perEmail) return;
    const user = await repo.findUserByEmail(tx, email);
    if (!user || user.disabledAt) return;
    const link = await issueSetPasswordLink(ctx, tx, user.id, "reset");
    await enqueueMail(tx, passwordResetMail(user, link, RESET_TOKEN_MINUTES));
    await recordAuditEvent(tx, origin, {
      action: "identity.password.reset_requested",
      outcome: "success",
      actorUserId: null,
      actorLabel: email,
      recordType: "user",
      recordId: user.id,
    });
  });
}

/**
 * Sets the password from a reset or invitation link: uses the token up, ends every session of
 * the user and clears a login lockout. Unknown, used or expired tokens answer 410.
 */
export async function confirmPasswordReset(ctx: AppContext, input: PasswordResetConfirm, origin: RequestOrigin): Promise<void> {
  const { db } = ctx.database;
  const found = await tokens.findOpenToken(db, hashToken(input.token), ctx.clock.now());
  if (!found || found.disabledAt) throw new AppError("token_invalid");
  if (passwordContainsEmail(input.password, found.email)) {
    throw new AppError("validation_failed", {
      errors: [fieldError("password", "contains_email", "Das Passwort darf die E-Mail-Adresse nicht enthalten.")],
    });
  }
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  await db.transaction(async (tx) => {
    if (!(await tokens.claimToken(tx, found.id, now))) throw new AppError("token_invalid");
    await tokens.closeOpenTokens(tx, found.userId, now);
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: now, version: sql`${users.version} + 1` })
      .where(eq(users.id, found.userId));
    const revoked = await repo.revokeAllSessions(tx, found.userId, now);
    await repo.recordLoginAttempt(tx, found.email, origin.ip, "reset", now);
    await recordAuditEvent(tx, origin, {
      action: found.purpose === "invitation" ? "identity.password.set_from_invitation" : "identity.password.reset",
      outcome: "success",
      actorUserId: found.userId,
      actorLabel: found.email,
      recordType: "user",
      recordId: found.userId,
      details: { sessionsRevoked: revoked },
    });
  });
}
