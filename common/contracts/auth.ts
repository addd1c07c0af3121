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
