import { z } from "zod";

/**
 * The spam protection every public form shares (server/platform/public-form-guard.ts): a signed
 * form token fetched when the form opens, and a honeypot field people never see. A form's
 * contract spreads `...publicFormGuardFields` into its body.
 */
export const formTokenResponse = z
  .object({ token: z.string().describe("Send back unchanged as `formToken`; valid once, after a few seconds, for a day.") })
  .meta({ id: "FormToken" });

/** The honeypot's field name: a bot that fills in every field fills in this one too. */
export const HONEYPOT_FIELD = "website";

export const publicFormGuardFields = {
  formToken: z.string().max(200).describe("The token of GET /api/public/form-token"),
  [HONEYPOT_FIELD]: z.string().max(500).optional().describe("Leave empty (a field hidden from people)"),
} as const;

/**
 * The same fields for a public API that other sites may call without a form (booking): a token is
 * optional and checked when sent; the honeypot works as above.
 */
export const optionalPublicFormGuardFields = {
  formToken: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe(
      "Optional: the token of GET /api/public/form-token. When sent, it is checked like a public form's (minimum fill time, once).",
    ),
  [HONEYPOT_FIELD]: publicFormGuardFields[HONEYPOT_FIELD],
} as const;

export type FormTokenResponse = z.infer<typeof formTokenResponse>;
