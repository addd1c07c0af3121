import { and, eq } from "drizzle-orm";
import QRCode from "qrcode";
import type { TotpSetupResponse } from "../../../common/contracts/auth.js";
import { users } from "../../db/schema/index.js";
import type { Actor, RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, fieldError } from "../../platform/errors.js";
import { ensure } from "../../platform/policy.js";
import { decryptSecret, encryptSecret } from "../../platform/secrets.js";
import { recordAuditEvent } from "../audit/service.js";
import { verifyOwnPassword } from "./password-check.js";
import * as repo from "./repository.js";
import { mfaRequiredFor } from "./session-service.js";
import { claimTotpStep, matchTotpStep, newTotpSecret, TOTP_PURPOSE, totpFor } from "./totp.js";

/** Users act on their own second factor only: every function here takes the actor's own user. */
async function ownUser(ctx: AppContext, actor: Actor) {
  const user = await repo.findUserById(ctx.database.db, actor.userId);
  if (!user) throw new AppError("unauthenticated");
  return user;
}

/** Step 1: a new secret, stored encrypted as pending; login does not ask for it yet. */
export async function startTotpSetup(ctx: AppContext, actor: Actor, origin: RequestOrigin): Promise<TotpSetupResponse> {
  const user = await ownUser(ctx, actor);
  if (user.totpEnabledAt) throw new AppError("invalid_state", { detail: "A second factor is already enabled; disable it first." });
  const secret = newTotpSecret();
  const otpauthUrl = totpFor(secret, user.email).toString();
  const qrSvg = await QRCode.toString(otpauthUrl, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  await ctx.database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpPendingSecretEnc: encryptSecret(ctx.secret, TOTP_PURPOSE, secret), updatedAt: ctx.clock.now() })
      .where(eq(users.id, user.id));
    await recordAuditEvent(tx, origin, {
      action: "identity.totp.setup_started",
      outcome: "success",
      recordType: "user",
      recordId: user.id,
    });
  });
  return { secret, otpauthUrl, qrSvg };
}

/** Step 2: a correct code from the app enables the pending secret and verifies this session. */
export async function enableTotp(ctx: AppContext, actor: Actor, code: string, origin: RequestOrigin): Promise<void> {
  const user = await ownUser(ctx, actor);
  if (user.totpEnabledAt) throw new AppError("invalid_state", { detail: "A second factor is already enabled." });
  const pending = user.totpPendingSecretEnc;
  if (!pending) throw new AppError("invalid_state", { detail: "Start the set-up first (POST /api/me/totp/setup)." });
  const now = ctx.clock.now();
  const step = matchTotpStep(decryptSecret(ctx.secret, TOTP_PURPOSE, pending), code, now);
  if (step === null)
    throw new AppError("validation_failed", { errors: [fieldError("code", "invalid", "Der Code ist falsch oder abgelaufen.")] });
  await ctx.database.db.transaction(async (tx) => {
    const [enabled] = await tx
      .update(users)
      .set({ totpSecretEnc: pending, totpPendingSecretEnc: null, totpEnabledAt: now, totpLastStep: null, updatedAt: now })
      .where(and(eq(users.id, user.id), eq(users.totpPendingSecretEnc, pending)))
      .returning({ id: users.id });
    if (!enabled) throw new AppError("invalid_state", { detail: "The set-up changed meanwhile; start again." });
    // The code that enabled the factor cannot be replayed for a login.
    await claimTotpStep(tx, user.id, step, now);
    await repo.markSessionMfaVerified(tx, actor.sessionId, now);
    await recordAuditEvent(tx, origin, { action: "identity.totp.enabled", outcome: "success", recordType: "user", recordId: user.id });
  });
}

/** Removes the second factor after a password check; refused where the roles demand one. */
export async function disableTotp(ctx: AppContext, actor: Actor, password: string, origin: RequestOrigin): Promise<void> {
  const user = await ownUser(ctx, actor);
  ensure(!mfaRequiredFor(ctx, actor.grants));
  if (!user.totpEnabledAt && !user.totpPendingSecretEnc) throw new AppError("invalid_state", { detail: "No second factor is set up." });
  await verifyOwnPassword(ctx, origin, user, password, "password");
  await ctx.database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecretEnc: null, totpPendingSecretEnc: null, totpEnabledAt: null, totpLastStep: null, updatedAt: ctx.clock.now() })
      .where(eq(users.id, user.id));
    await recordAuditEvent(tx, origin, { action: "identity.totp.disabled", outcome: "success", recordType: "user", recordId: user.id });
  });
}
