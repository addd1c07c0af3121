import { z } from "zod";
import { roles } from "../domain/roles.js";
import { emailSchema, idSchema } from "./shared.js";

export const loginRequest = z
  .object({
    email: emailSchema,
    password: z.string().min(1).max(1024),
    totp: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "sechs Ziffern")
      .optional(),
  })
  .meta({ id: "LoginRequest" });

export const roleGrantSchema = z.object({
  role: z.enum(roles),
  unitId: idSchema,
  unitName: z.string(),
  unitType: z.string(),
});

export const currentUserSchema = z
  .object({
    id: idSchema,
    email: z.string(),
    displayName: z.string(),
    preferredLanguage: z.string(),
    grants: z.array(roleGrantSchema),
    mfaEnabled: z.boolean(),
  })
  .meta({ id: "CurrentUser" });

export const sessionResponse = z
  .object({
    user: currentUserSchema,
    csrfToken: z.string(),
    /** The user must set up / confirm the second factor before using staff features. */
    mfaPending: z.boolean(),
    expiresAt: z.string(),
  })
  .meta({ id: "Session" });

export type LoginRequest = z.infer<typeof loginRequest>;
export type SessionResponse = z.infer<typeof sessionResponse>;

// ---------------------------------------------------------------------------------------------
// Passwords

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Passwords that pass the length rule yet appear at the top of leaked-password lists; compared
 * case-insensitively. Small on purpose: length does most of the work.
 */
export const commonPasswords: ReadonlySet<string> = new Set([
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123456789abc",
  "1q2w3e4r5t6y",
  "1qaz2wsx3edc",
  "aaaaaaaaaaaa",
  "abcdefghijkl",
  "abc123abc123",
  "administrator",
  "iloveyou1234",
  "letmein12345",
  "passwort1234",
  "passwort123456",
  "password1234",
  "password123456",
  "password12345",
  "qwertyuiop12",
  "qwertzuiop12",
  "qwertyuiopasdf",
  "qwertzuiopü+",
  "sommer2024!!",
  "sommer2025!!",
  "sommer2026!!",
  "winter2025!!",
  "winter2026!!",
  "willkommen123",
  "willkommen1234",
  "hallo1234567",
  "geheim123456",
  "lotse-demo-2026",
  "lotse1234567",
  "changeme1234",
  "trustno1trustno1",
]);

/** A new password: 12–256 characters and not one of the commonly used ones. */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(PASSWORD_MAX_LENGTH)
  .refine((p) => !commonPasswords.has(p.toLowerCase()), { message: "Dieses Passwort ist zu verbreitet.", abort: true });

/**
 * The rule the contract cannot check alone because it needs the account: the password must not
 * contain the local part of the e-mail address.
 */
export function passwordContainsEmail(password: string, email: string): boolean {
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  return local.length >= 3 && password.toLowerCase().includes(local);
}

const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "sechs Ziffern");

// ---------------------------------------------------------------------------------------------
// Password reset and change

export const passwordResetRequest = z.object({ email: emailSchema }).meta({ id: "PasswordResetRequest" });

export const passwordResetConfirm = z
  .object({ token: z.string().min(16).max(200), password: newPasswordSchema })
  .meta({ id: "PasswordResetConfirm" });

export const passwordChangeRequest = z
  .object({ currentPassword: z.string().min(1).max(1024), newPassword: newPasswordSchema })
  .meta({ id: "PasswordChange" });

// ---------------------------------------------------------------------------------------------
// Second factor (TOTP)

export const totpSetupResponse = z
  .object({
    /** Base32 secret for manual entry. */
    secret: z.string(),
    /** otpauth://totp/… URI, as encoded in the QR code. */
    otpauthUrl: z.string(),
    /** The QR code as an SVG document. */
    qrSvg: z.string(),
  })
  .meta({ id: "TotpSetup" });

export const totpEnableRequest = z.object({ code: totpCode }).meta({ id: "TotpEnable" });
export const totpDisableRequest = z.object({ password: z.string().min(1).max(1024) }).meta({ id: "TotpDisable" });

// ---------------------------------------------------------------------------------------------
// Own sessions

export const ownSessionSchema = z
  .object({
    id: idSchema,
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    /** The session of this request. */
    current: z.boolean(),
  })
  .meta({ id: "OwnSession" });

export const ownSessionsResponse = z.object({ items: z.array(ownSessionSchema) }).meta({ id: "OwnSessions" });

export type PasswordResetConfirm = z.infer<typeof passwordResetConfirm>;
export type PasswordChangeRequest = z.infer<typeof passwordChangeRequest>;
export type TotpSetupResponse = z.infer<typeof totpSetupResponse>;
export type OwnSession = z.infer<typeof ownSessionSchema>;
