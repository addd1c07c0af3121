import * as OTPAuth from "otpauth";
import type { AppContext } from "../../platform/context.js";
import { decryptSecret } from "../../platform/secrets.js";
import type { users } from "../../db/schema/index.js";
import { sql } from "drizzle-orm";
import { users as usersTable } from "../../db/schema/index.js";
import { and, eq, or, isNull, lt } from "drizzle-orm";

export const TOTP_PURPOSE = "totp-secret";
const PERIOD = 30;

export function totpFor(secretBase32: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: "Lotse", label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: OTPAuth.Secret.fromBase32(secretBase32) });
}

/**
 * Checks a login code against the user's enrolled secret, allowing one step of clock drift,
 * and accepts each time step once only (replay of an observed code fails).
 */
export async function verifyTotpForLogin(ctx: AppContext, user: typeof users.$inferSelect, code: string): Promise<boolean> {
  if (!user.totpSecretEnc) return false;
  const secret = decryptSecret(ctx.secret, TOTP_PURPOSE, user.totpSecretEnc);
  const totp = totpFor(secret, user.email);
  const nowMs = ctx.clock.now().getTime();
  const delta = totp.validate({ token: code, window: 1, timestamp: nowMs });
  if (delta === null) return false;
  const step = Math.floor(nowMs / 1000 / PERIOD) + delta;
  // Claim the step atomically: a concurrent or repeated use of the same code loses.
  const claimed = await ctx.database.db
    .update(usersTable)
    .set({ totpLastStep: step, updatedAt: sql`now()` })
    .where(and(eq(usersTable.id, user.id), or(isNull(usersTable.totpLastStep), lt(usersTable.totpLastStep, step))))
    .returning({ id: usersTable.id });
  return claimed.length === 1;
}
