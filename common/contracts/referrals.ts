import { z } from "zod";
import { germanLevels, qualificationKinds, residenceStatuses } from "../domain/clients.js";
import { externalServices, referralStatuses, shareableClientFields } from "../domain/referrals.js";
import { idSchema, optionalText } from "./shared.js";

export const createReferralRequest = z
  .object({
    clientId: idSchema,
    /** The consultation the referral came out of (Verweisberatung), if any. */
    consultationId: idSchema.nullable().optional(),
    /** A partner sub-project (any state network) … */
    toUnitId: idSchema.nullable().optional(),
    /** … or an external service type; exactly one of the two. */
    externalService: z.enum(externalServices).nullable().optional(),
    externalNote: optionalText(500),
    /** What the partner may read about the client; duplicates are ignored. */
    sharedFields: z
      .array(z.enum(shareableClientFields))
      .max(shareableClientFields.length * 2)
      .default([])
      .transform((fields) => [...new Set(fields)]),
    message: optionalText(2000),
  })
  .superRefine((r, issue) => {
    if (Boolean(r.toUnitId) === Boolean(r.externalService)) {
      issue.addIssue({
        code: "custom",
        path: ["toUnitId"],
        message: "Bitte wählen Sie entweder ein Teilprojekt oder eine externe Stelle.",
      });
    }
    if (r.externalService === "other" && !r.externalNote) {
      issue.addIssue({ code: "custom", path: ["externalNote"], message: "Bitte nennen Sie die andere Stelle." });
    }
    // An external service has no account in Lotse: nothing can be shared with it through Lotse.
    if (r.externalService && r.sharedFields.length > 0) {
      issue.addIssue({
        code: "custom",
        path: ["sharedFields"],
        message: "An externe Stellen gibt Lotse keine Daten weiter; die Person wendet sich selbst an die Stelle.",
      });
    }
  })
  .meta({ id: "CreateReferralRequest" });

export const changeReferralStatusRequest = z
  .object({
    status: z.enum(referralStatuses),
    /** Required for a decline; optional otherwise (e.g. why the sender withdraws). */
    reason: optionalText(1000),
    version: z.number().int().min(1),
  })
  .refine((r) => r.status !== "declined" || Boolean(r.reason), {
    path: ["reason"],
    message: "Bitte begründen Sie die Ablehnung.",
  })
  .meta({ id: "ChangeReferralStatusRequest" });

const booleanQuery = z.enum(["true", "false"]).transform((v) => v === "true");

/** Inbox (recipient side) and outbox (sender side). */
export const referralBoxQuery = z.object({
  status: z.enum(referralStatuses).optional(),
  overdue: booleanQuery.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const referralsOfClientQuery = z.object({ clientId: idSchema });

// --- responses -------------------------------------------------------------------------------

const unitRef = z.object({ id: idSchema, name: z.string() });

export const referralAbilitiesSchema = z
  .object({
    /** The statuses the caller may set now (empty: nothing to do for them). */
    nextStatuses: z.array(z.enum(referralStatuses)),
  })
  .meta({ id: "ReferralAbilities" });

export const referralSummarySchema = z
  .object({
    id: idSchema,
    /** The sender's reference to the client; null for the recipient (not part of what is shared). */
    clientId: idSchema.nullable(),
    side: z.enum(["sender", "recipient"]),
    fromUnit: unitRef,
    toUnit: unitRef.nullable(),
    externalService: z.enum(externalServices).nullable(),
    /** The partner's name or the German label of the external service. */
    targetName: z.string(),
    sharedFields: z.array(z.enum(shareableClientFields)),
    status: z.enum(referralStatuses),
    statusReason: z.string().nullable(),
    sentAt: z.string(),
    answerDueOn: z.string().nullable(),
    overdue: z.boolean(),
    version: z.number().int(),
    updatedAt: z.string(),
    abilities: referralAbilitiesSchema,
  })
  .meta({ id: "ReferralSummary" });

export const referralEventSchema = z
  .object({
    id: idSchema,
    status: z.enum(referralStatuses),
    reason: z.string().nullable(),
    actorUnit: unitRef.nullable(),
    at: z.string(),
  })
  .meta({ id: "ReferralEvent" });

/** The client's data as the recipient may read it: only the keys of the shared fields appear. */
export const sharedClientDataSchema = z
  .object({
    name: z.object({ firstName: z.string(), lastName: z.string() }),
    contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }),
    preferredLanguages: z.array(z.string()),
    birthYear: z.number().int(),
    nationalities: z.array(z.string()),
    germanLevel: z.enum(germanLevels),
    qualification: z.object({
      country: z.string().nullable(),
      kind: z.enum(qualificationKinds),
      year: z.number().int().nullable(),
    }),
    residenceStatus: z.enum(residenceStatuses),
  })
  .partial()
  .meta({ id: "SharedClientData" });

export const referralSchema = referralSummarySchema
  .extend({
    consultationId: idSchema.nullable(),
    externalNote: z.string().nullable(),
    /** The sender's note to the recipient; hidden from the recipient once consent is withdrawn. */
    message: z.string().nullable(),
    events: z.array(referralEventSchema),
    /** Recipient only: what the sender shared, read now (null for the sender, who reads the client itself). */
    shared: z
      .object({
        /** The client withdrew the sharing consent: no personal data any more, only the referral. */
        consentWithdrawn: z.boolean(),
        client: sharedClientDataSchema.nullable(),
      })
      .nullable(),
  })
  .meta({ id: "Referral" });

export const referralListResponse = z.object({ items: z.array(referralSummarySchema) }).meta({ id: "ReferralList" });

export type CreateReferralRequest = z.infer<typeof createReferralRequest>;
export type ChangeReferralStatusRequest = z.infer<typeof changeReferralStatusRequest>;
export type ReferralBoxQuery = z.infer<typeof referralBoxQuery>;
export type ReferralSummary = z.infer<typeof referralSummarySchema>;
export type Referral = z.infer<typeof referralSchema>;
export type ReferralEvent = z.infer<typeof referralEventSchema>;
export type SharedClientData = z.infer<typeof sharedClientDataSchema>;

/** Partner search for a referral: open sub-projects of every state network by name. */
export const referralPartnerQuery = z.object({
  q: z.string().trim().max(100).default(""),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
const referralPartner = z.object({
  id: idSchema,
  name: z.string(),
  stateCode: z.string().nullable(),
  fieldOfAction: z.string().nullable(),
});
export type ReferralPartner = z.infer<typeof referralPartner>;
export const referralPartnerListResponse = z.object({ items: z.array(referralPartner) }).meta({ id: "ReferralPartnerList" });
