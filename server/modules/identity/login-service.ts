import type { FastifyReply } from "fastify";
import type { LoginRequest } from "../../../common/contracts/auth.js";
import type { RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, fieldError } from "../../platform/errors.js";
import { recordAuditEvent } from "../audit/service.js";
import { verifyPassword } from "./passwords.js";
import * as repo from "./repository.js";
import { startSession } from "./session-service.js";
import { verifyTotpForLogin } from "./totp.js";

/** Lockout: this many failed logins for one e-mail within the window lock it for the window. */
export const LOCKOUT = { failures: 5, windowMinutes: 15 } as const;
/** Rate limit per client address, across all e-mails (credential stuffing). */
export const IP_LIMIT = { failures: 30, windowMinutes: 15 } as const;

/**
 * Password (and, when enrolled, TOTP) login. Unknown e-mail and wrong password answer the
 * same, in the same time; lockout is counted per e-mail so it does not reveal accounts either.
 */
export async function login(ctx: AppContext, reply: FastifyReply, input: LoginRequest, origin: RequestOrigin) {
  const { db } = ctx.database;
  const email = input.email;
  const now = ctx.clock.now();

  const ipFailures = await repo.countRecentFailuresForIp(db, origin.ip, IP_LIMIT.windowMinutes, now);
  if (ipFailures >= IP_LIMIT.failures) {
    await recordAuditEvent(db, origin, {
      action: "auth.login",
      outcome: "denied",
      actorLabel: email,
      details: { reason: "ip_rate_limited" },
    });
    throw new AppError("rate_limited", { retryAfterSeconds: IP_LIMIT.windowMinutes * 60 });
  }
  await assertNotLocked(ctx, email, origin, "auth.login");

  const user = await repo.findUserByEmail(db, email);
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordOk || user.disabledAt) {
    await repo.recordLoginAttempt(db, email, origin.ip, "failure", now);
    await recordAuditEvent(db, origin, {
      action: "auth.login",
      outcome: "failure",
      actorUserId: user?.id ?? null,
      actorLabel: email,
      details: { reason: user?.disabledAt ? "disabled" : "invalid_credentials" },
    });
    throw new AppError("invalid_credentials");
  }

  let mfaVerified = false;
  if (user.totpEnabledAt) {
    if (!input.totp) throw new AppError("totp_required", { errors: [fieldError("totp", "required", "Code erforderlich")] });
    if (!(await verifyTotpForLogin(ctx, user, input.totp))) {
      await repo.recordLoginAttempt(db, email, origin.ip, "failure", now);
      await recordAuditEvent(db, origin, {
        action: "auth.login",
        outcome: "failure",
        actorUserId: user.id,
        actorLabel: email,
        details: { reason: "totp_invalid" },
      });
      throw new AppError("totp_invalid", { errors: [fieldError("totp", "invalid", "Code falsch oder abgelaufen")] });
    }
    mfaVerified = true;
  }

  return db.transaction(async (tx) => {
    await repo.recordLoginAttempt(tx, email, origin.ip, "success", now);
    const session = await startSession(ctx, tx, reply, { userId: user.id, mfaVerified, ip: origin.ip, userAgent: origin.userAgent });
    await recordAuditEvent(tx, origin, {
      action: "auth.login",
      outcome: "success",
      actorUserId: user.id,
      actorLabel: user.email,
      recordType: "session",
      recordId: session.sessionId,
      details: { mfa: mfaVerified },
    });
    return { userId: user.id, mfaVerified, ...session };
  });
}

/**
 * Refuses with 429 `account_locked` (and Retry-After) while the e-mail has LOCKOUT.failures
 * failures within the window since its last success or reset; also guards password re-checks.
 */
export async function assertNotLocked(ctx: AppContext, email: string, origin: RequestOrigin, action: string): Promise<void> {
  const now = ctx.clock.now();
  const { unlockAt } = await repo.lockoutState(ctx.database.db, email, LOCKOUT.windowMinutes, LOCKOUT.failures, now);
  if (!unlockAt) return;
  await recordAuditEvent(ctx.database.db, origin, { action, outcome: "denied", actorLabel: email, details: { reason: "locked" } });
  throw new AppError("account_locked", { retryAfterSeconds: Math.max(1, Math.ceil((unlockAt.getTime() - now.getTime()) / 1000)) });
}
