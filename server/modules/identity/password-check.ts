import type { RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, fieldError } from "../../platform/errors.js";
import { recordAuditEvent } from "../audit/service.js";
import { assertNotLocked } from "./login-service.js";
import { verifyPassword } from "./passwords.js";
import * as repo from "./repository.js";

/**
 * Re-checks the signed-in user's password before a sensitive change (disable TOTP, change
 * password). Wrong answers count towards the login lockout, so a stolen session cannot be used
 * to guess the password; the error names the form field.
 */
export async function verifyOwnPassword(
  ctx: AppContext,
  origin: RequestOrigin,
  user: { id: string; email: string; passwordHash: string | null },
  password: string,
  field: string,
): Promise<void> {
  await assertNotLocked(ctx, user.email, origin, "auth.password_check");
  if (await verifyPassword(user.passwordHash, password)) return;
  await repo.recordLoginAttempt(ctx.database.db, user.email, origin.ip, "failure", ctx.clock.now());
  await recordAuditEvent(ctx.database.db, origin, {
    action: "auth.password_check",
    outcome: "failure",
    recordType: "user",
    recordId: user.id,
  });
  throw new AppError("validation_failed", { errors: [fieldError(field, "invalid", "Das Passwort ist falsch.")] });
}
