import { z } from "zod";
import { fieldsOfAction, siteChannels, stateCodes, unitTypes } from "../domain/units.js";
import { emailSchema, idSchema, optionalText, text } from "./shared.js";

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

const isoDate = z.iso.date();
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Uhrzeit im Format HH:MM");

export const openingHoursSchema = z
  .array(
    z
      .object({ weekday: z.number().int().min(1).max(7), opens: time, closes: time })
      .refine((o) => o.opens < o.closes, { path: ["closes"], message: "muss nach der Öffnungszeit liegen" }),
  )
  .max(28);

export const accessibilitySchema = z.object({
  stepFree: z.boolean().nullable().optional(),
  accessibleToilet: z.boolean().nullable().optional(),
  elevator: z.boolean().nullable().optional(),
  hearingLoop: z.boolean().nullable().optional(),
  parking: z.boolean().nullable().optional(),
  notes: optionalText(1000),
});

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("de-DE", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const unique = <T>(items: T[]) => new Set(items).size === items.length;

/** The fields of a site (Standort). `city` is required when creating one. */
const siteFields = {
  street: optionalText(200),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, "fünfstellige Postleitzahl")
    .nullable()
    .optional(),
  city: text(100),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()/-]{3,40}$/, "Telefonnummer")
    .nullable()
    .optional(),
  email: emailSchema.nullable().optional(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/, "ISO-639-1-Sprachcode"))
    .max(60)
    .refine(unique, "jede Sprache nur einmal")
    .optional(),
  channels: z.array(z.enum(siteChannels)).refine(unique, "jeder Kanal nur einmal").optional(),
  openingHours: openingHoursSchema.optional(),
  accessibility: accessibilitySchema.optional(),
  directions: optionalText(2000),
  timeZone: z.string().refine(isTimeZone, "unbekannte Zeitzone").optional(),
};
export const siteInput = z.object(siteFields);
export const sitePatch = z.object(siteFields).partial();

// ---------------------------------------------------------------------------------------------
// Requests (no component ids on schemas with transforms: their input and output differ)
// ---------------------------------------------------------------------------------------------

/** Cross-field checks run even when a field failed, so a form learns about every field at once. */
const always = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

const booleanQuery = z.enum(["true", "false"]).transform((v) => v === "true");

export const unitListQuery = z.object({
  type: z.enum(unitTypes).optional(),
  parentId: idSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  includeClosed: booleanQuery.default(false),
});

export const createUnitRequest = z
  .object({
    type: z.enum(unitTypes).exclude(["federal"]),
    parentId: idSchema,
    name: text(200),
    shortName: optionalText(60),
    providerId: idSchema.optional(),
    providerName: text(200).optional(),
    fieldOfAction: z.enum(fieldsOfAction).optional(),
    /** Only for a new state network; every other unit takes the state of its parent. */
    stateCode: z.enum(stateCodes).optional(),
    description: optionalText(4000),
    openedOn: isoDate.optional(),
    site: siteInput.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.type === "state_network" && !body.stateCode)
      ctx.addIssue({ code: "custom", path: ["stateCode"], message: "für Landesnetzwerke erforderlich" });
    if (body.type !== "state_network" && body.stateCode)
      ctx.addIssue({ code: "custom", path: ["stateCode"], message: "nur für Landesnetzwerke" });
    if (body.type === "sub_project" && !body.fieldOfAction) {
      ctx.addIssue({ code: "custom", path: ["fieldOfAction"], message: "für Teilprojekte erforderlich" });
    }
    if (body.type !== "sub_project" && body.fieldOfAction) {
      ctx.addIssue({ code: "custom", path: ["fieldOfAction"], message: "nur für Teilprojekte" });
    }
    if (body.type === "site" && !body.site) ctx.addIssue({ code: "custom", path: ["site"], message: "für Standorte erforderlich" });
    if (body.type !== "site" && body.site) ctx.addIssue({ code: "custom", path: ["site"], message: "nur für Standorte" });
    if (body.providerId && body.providerName) {
      ctx.addIssue({ code: "custom", path: ["providerName"], message: "entweder providerId oder providerName" });
    }
  }, always);

export const updateUnitRequest = z
  .object({
    version: z.number().int().min(1),
    name: text(200).optional(),
    shortName: optionalText(60),
    providerId: idSchema.nullable().optional(),
    providerName: text(200).optional(),
    fieldOfAction: z.enum(fieldsOfAction).optional(),
    description: optionalText(4000),
    openedOn: isoDate.optional(),
    site: sitePatch.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.providerId !== undefined && body.providerName) {
      ctx.addIssue({ code: "custom", path: ["providerName"], message: "entweder providerId oder providerName" });
    }
  }, always);

export const moveUnitRequest = z.object({ version: z.number().int().min(1), parentId: idSchema }).meta({ id: "MoveUnitRequest" });
export const closeUnitRequest = z
  .object({ version: z.number().int().min(1), closedOn: isoDate, cascade: z.boolean().default(false) })
  .meta({ id: "CloseUnitRequest" });
export const reopenUnitRequest = z.object({ version: z.number().int().min(1) }).meta({ id: "ReopenUnitRequest" });

export const providerListQuery = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const createProviderRequest = z.object({ name: text(200) }).meta({ id: "CreateProviderRequest" });
export const postcodeParams = z.object({ postcode: z.string().regex(/^\d{5}$/, "fünfstellige Postleitzahl") });

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export const unitAbilitiesSchema = z
  .object({ update: z.boolean(), move: z.boolean(), close: z.boolean(), reopen: z.boolean(), createChild: z.boolean() })
  .meta({ id: "UnitAbilities" });

export const unitSummarySchema = z
  .object({
    id: idSchema,
    name: z.string(),
    shortName: z.string().nullable(),
    type: z.enum(unitTypes),
    parentId: idSchema.nullable(),
    depth: z.number().int(),
    stateCode: z.enum(stateCodes).nullable(),
    providerId: idSchema.nullable(),
    providerName: z.string().nullable(),
    fieldOfAction: z.enum(fieldsOfAction).nullable(),
    openedOn: isoDate,
    closedOn: isoDate.nullable(),
    isDemo: z.boolean(),
    version: z.number().int(),
    abilities: unitAbilitiesSchema,
  })
  .meta({ id: "UnitSummary" });

export const unitListResponse = z.object({ items: z.array(unitSummarySchema) }).meta({ id: "UnitList" });

export const siteSchema = z
  .object({
    street: z.string().nullable(),
    postcode: z.string().nullable(),
    city: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    languages: z.array(z.string()),
    channels: z.array(z.enum(siteChannels)),
    openingHours: z.array(z.object({ weekday: z.number().int(), opens: z.string(), closes: z.string() })),
    accessibility: z.object({
      stepFree: z.boolean().nullable(),
      accessibleToilet: z.boolean().nullable(),
      elevator: z.boolean().nullable(),
      hearingLoop: z.boolean().nullable(),
      parking: z.boolean().nullable(),
      notes: z.string().nullable(),
    }),
    directions: z.string().nullable(),
    timeZone: z.string(),
  })
  .meta({ id: "Site" });

export const unitDetailSchema = unitSummarySchema
  .extend({
    description: z.string().nullable(),
    ancestors: z.array(z.object({ id: idSchema, name: z.string(), type: z.enum(unitTypes) })),
    childCount: z.number().int(),
    site: siteSchema.nullable(),
  })
  .meta({ id: "UnitDetail" });

export const unitHistoryResponse = z
  .object({
    items: z.array(
      z.object({
        id: idSchema,
        changedAt: z.string(),
        changedBy: idSchema.nullable(),
        change: z.string(),
        snapshot: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: "UnitHistory" });

export const providerSchema = z.object({ id: idSchema, name: z.string(), isDemo: z.boolean() }).meta({ id: "Provider" });
export const providerListResponse = z.object({ items: z.array(providerSchema) });

export const postcodeListResponse = z
  .object({
    items: z.array(
      z.object({
        postcode: z.string(),
        place: z.string(),
        stateCode: z.enum(stateCodes),
        district: z.string().nullable(),
        latitude: z.number(),
        longitude: z.number(),
      }),
    ),
  })
  .meta({ id: "PostcodeList" });

export type UnitListQuery = z.infer<typeof unitListQuery>;
export type CreateUnitRequest = z.infer<typeof createUnitRequest>;
export type UpdateUnitRequest = z.infer<typeof updateUnitRequest>;
export type SiteInput = z.infer<typeof siteInput>;
export type SitePatch = z.infer<typeof sitePatch>;
export type UnitAbilities = z.infer<typeof unitAbilitiesSchema>;
export type UnitSummary = z.infer<typeof unitSummarySchema>;
export type UnitDetail = z.infer<typeof unitDetailSchema>;
export type Site = z.infer<typeof siteSchema>;
