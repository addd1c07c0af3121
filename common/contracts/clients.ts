import { z } from "zod";
import {
  clientNumberPattern,
  consentKinds,
  employmentStatuses,
  genders,
  germanLevels,
  qualificationKinds,
  residenceStatuses,
} from "../domain/clients.js";
import { countryCode, emailSchema, idSchema, languageCode, optionalText, text } from "./shared.js";

const thisYear = () => new Date().getUTCFullYear();
const year = () =>
  z
    .number()
    .int()
    .min(1900)
    .refine((y) => y <= thisYear(), "liegt in der Zukunft");
const postcode = z.string().regex(/^\d{5}$/, "fünfstellige Postleitzahl");

/** The personal part: only the clients module stores it; statistics never see it. */
const personalFields = {
  firstName: text(100),
  lastName: text(100),
  email: emailSchema.nullable().optional(),
  phone: optionalText(40),
  preferredLanguages: z.array(languageCode).max(10),
};

/** The pseudonymous part: what statistics may count. */
const pseudonymousFields = {
  birthYear: year(),
  gender: z.enum(genders),
  nationalities: z.array(countryCode).max(5),
  postcode: postcode.nullable().optional(),
  /** Fluchthintergrund; null = not stated. */
  refugeeBackground: z.boolean().nullable(),
  residenceStatus: z.enum(residenceStatuses),
  germanLevel: z.enum(germanLevels),
  qualificationCountry: countryCode.nullable().optional(),
  qualificationKind: z.enum(qualificationKinds),
  qualificationYear: year().nullable().optional(),
  employmentStatus: z.enum(employmentStatuses),
};

export const createClientRequest = z
  .object({
    ...personalFields,
    ...pseudonymousFields,
    // What a first contact often leaves open: "not stated" until the client says.
    preferredLanguages: personalFields.preferredLanguages.default([]),
    gender: pseudonymousFields.gender.default("not_stated"),
    nationalities: pseudonymousFields.nationalities.default([]),
    refugeeBackground: pseudonymousFields.refugeeBackground.default(null),
    residenceStatus: pseudonymousFields.residenceStatus.default("not_stated"),
    germanLevel: pseudonymousFields.germanLevel.default("not_stated"),
    qualificationKind: pseudonymousFields.qualificationKind.default("not_stated"),
    employmentStatus: pseudonymousFields.employmentStatus.default("not_stated"),
    /** The sub-project that owns the record; defaults to the caller's only sub-project. */
    unitId: idSchema.optional(),
    consent: z.object({
      processing: z.literal(true, "Ohne Einwilligung in die Verarbeitung wird niemand erfasst."),
      contact: z.boolean().default(false),
      textVersion: text(20).optional(),
    }),
  })
  .meta({ id: "CreateClientRequest" });

/** Only the fields sent change (no defaults here: an absent field keeps its value). */
export const updateClientRequest = z
  .object({ ...personalFields, ...pseudonymousFields })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .meta({ id: "UpdateClientRequest" });

export const duplicateCheckRequest = z
  .object({
    firstName: text(100),
    lastName: text(100),
    birthYear: year().optional(),
    nationalities: z.array(countryCode).max(5).default([]),
  })
  .meta({ id: "DuplicateCheckRequest" });

export const clientSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(2, "mindestens zwei Zeichen")
    .max(100)
    .refine((q) => clientNumberPattern.test(q.toUpperCase()) || /\p{L}{2}/u.test(q), "Name oder Klientennummer"),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const giveConsentRequest = z
  .object({
    kind: z.enum(consentKinds),
    /** Sharing consents name the partner unit the data may go to. */
    partnerUnitId: idSchema.nullable().optional(),
    givenOn: z.iso.date().optional(),
    textVersion: text(20).optional(),
  })
  .refine((c) => (c.kind === "sharing") === Boolean(c.partnerUnitId), {
    path: ["partnerUnitId"],
    message: "Eine Einwilligung zur Weitergabe nennt genau einen Partner; andere nennen keinen.",
  })
  .meta({ id: "GiveConsentRequest" });

export const clientConsentParams = z.object({ id: idSchema, consentId: idSchema });

// --- responses -------------------------------------------------------------------------------

const unitRef = z.object({ id: idSchema, name: z.string() });

export const clientAbilitiesSchema = z
  .object({ update: z.boolean(), giveConsent: z.boolean(), erase: z.boolean() })
  .meta({ id: "ClientAbilities" });

export const clientSummarySchema = z
  .object({
    id: idSchema,
    number: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    birthYear: z.number().int(),
    nationalities: z.array(z.string()),
    unit: unitRef,
  })
  .meta({ id: "ClientSummary" });

export const consentSchema = z
  .object({
    id: idSchema,
    kind: z.enum(consentKinds),
    partnerUnit: unitRef.nullable(),
    givenOn: z.string(),
    textVersion: z.string(),
    withdrawnAt: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: "Consent" });

export const clientSchema = clientSummarySchema
  .extend({
    email: z.string().nullable(),
    phone: z.string().nullable(),
    preferredLanguages: z.array(z.string()),
    gender: z.enum(genders),
    postcode: z.string().nullable(),
    district: z.string().nullable(),
    stateCode: z.string().nullable(),
    refugeeBackground: z.boolean().nullable(),
    residenceStatus: z.enum(residenceStatuses),
    germanLevel: z.enum(germanLevels),
    qualificationCountry: z.string().nullable(),
    qualificationKind: z.enum(qualificationKinds),
    qualificationYear: z.number().int().nullable(),
    employmentStatus: z.enum(employmentStatuses),
    consents: z.array(consentSchema),
    /** Set once the personal part was erased: names and contact are then empty. */
    erasedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    abilities: clientAbilitiesSchema,
  })
  .meta({ id: "Client" });

export const clientListResponse = z.object({ items: z.array(clientSummarySchema) }).meta({ id: "ClientList" });
export const duplicateCheckResponse = z
  .object({ items: z.array(clientSummarySchema.extend({ similarity: z.number() })) })
  .meta({ id: "DuplicateCandidates" });

export type CreateClientRequest = z.infer<typeof createClientRequest>;
export type UpdateClientRequest = z.infer<typeof updateClientRequest>;
export type DuplicateCheckRequest = z.infer<typeof duplicateCheckRequest>;
export type ClientSearchQuery = z.infer<typeof clientSearchQuery>;
export type GiveConsentRequest = z.infer<typeof giveConsentRequest>;
export type Client = z.infer<typeof clientSchema>;
export type ClientSummary = z.infer<typeof clientSummarySchema>;
export type ClientAbilities = z.infer<typeof clientAbilitiesSchema>;
