import { and, eq, isNull, lt, or } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import type { Executor } from "../../db/index.js";
import { users } from "../../db/schema/index.js";
import type { AppContext } from "../../platform/context.js";
import { decryptSecret } from "../../platform/secrets.js";

export const TOTP_PURPOSE = "totp-secret";
const PERIOD = 30;

export function totpFor(secretBase32: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: "Lotse",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

/** The time step a code belongs to at `now`, allowing one step of clock drift; null when wrong. */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totpFor(secretBase32, "check").validate({ token: code, window: 1, timestamp: now.getTime() });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/**
 * Records `step` as the user's last accepted step unless an equal or later one was accepted
 * already: a concurrent or repeated use of the same code loses. True when claimed.
 */
export async function claimTotpStep(exec: Executor, userId: string, step: number, now: Date): Promise<boolean> {
  const claimed = await exec
    .update(users)
    .set({ totpLastStep: step, updatedAt: now })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return claimed.length === 1;
}

/** Checks a login code against the user's enrolled secret; each time step is accepted once only. */
export async function verifyTotpForLogin(ctx: AppContext, user: typeof users.$inferSelect, code: string): Promise<boolean> {
  if (!user.totpSecretEnc) return false;
  const now = ctx.clock.now();
  const step = matchTotpStep(decryptSecret(ctx.secret, TOTP_PURPOSE, user.totpSecretEnc), code, now);
  return step !== null && (await claimTotpStep(ctx.database.db, user.id, step, now));
}
