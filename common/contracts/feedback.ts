import { z } from "zod";
import { publicFormGuardFields } from "./public-forms.js";
import { emailSchema, optionalText } from "./shared.js";

/** Languages of the public pages (web/i18n): the confirmation mail goes out in the page's language. */
export const publicLanguages = ["de", "en", "ar", "fa", "uk", "ru", "tr"] as const;
export type PublicLanguage = (typeof publicLanguages)[number];

export const FEEDBACK_DESCRIPTION_MAX = 4000;

/** A report of a barrier, sent from the accessibility statement's form (no sign-in). */
export const accessibilityFeedbackRequest = z
  .object({
    page: optionalText(500).describe("The page the problem occurred on, e.g. /beratung-finden"),
    description: z.string().trim().min(1).max(FEEDBACK_DESCRIPTION_MAX),
    name: optionalText(200),
    email: emailSchema.nullable().optional().describe("For an answer and a confirmation mail; null or left out for none"),
    language: z.enum(publicLanguages).default("de"),
    ...publicFormGuardFields,
  })
  .meta({ id: "AccessibilityFeedbackRequest" });

export const accessibilityFeedbackQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const accessibilityFeedbackSchema = z
  .object({
    id: z.number().int(),
    page: z.string().nullable(),
    description: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    language: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: "AccessibilityFeedback" });

export const accessibilityFeedbackList = z
  .object({ items: z.array(accessibilityFeedbackSchema), nextBefore: z.number().int().nullable() })
  .meta({ id: "AccessibilityFeedbackList" });

export type AccessibilityFeedbackRequest = z.infer<typeof accessibilityFeedbackRequest>;
/** What a client sends (before defaults and trimming). */
export type AccessibilityFeedbackInput = z.input<typeof accessibilityFeedbackRequest>;
export type AccessibilityFeedback = z.infer<typeof accessibilityFeedbackSchema>;
export type AccessibilityFeedbackList = z.infer<typeof accessibilityFeedbackList>;
