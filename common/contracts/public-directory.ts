import { z } from "zod";
import { bookingChannels } from "../domain/appointments.js";
import { publicTopics, siteChannels, stateCodes } from "../domain/units.js";
import { idSchema, languageCode } from "./shared.js";

/**
 * Finding counseling without signing in (issue 4): sites by distance from a postcode or place,
 * filtered by language, topic and channel. Only what a site publishes: no staff, no people.
 */
export const publicSiteQuery = z
  .object({
    postcode: z
      .string()
      .trim()
      .regex(/^\d{5}$/, "Postleitzahl aus fünf Ziffern")
      .optional(),
    place: z.string().trim().min(2).max(100).optional(),
    language: languageCode.optional(),
    topic: z.enum(publicTopics).optional(),
    channel: z.enum(siteChannels).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => !(q.postcode && q.place), { path: ["place"], message: "entweder Postleitzahl oder Ort" });

const address = z.object({ street: z.string().nullable(), postcode: z.string().nullable(), city: z.string().nullable() });

export const publicSiteSummary = z
  .object({
    id: idSchema,
    name: z.string(),
    /** The sub-project the site belongs to, and its provider (Träger). */
    projectName: z.string(),
    providerName: z.string().nullable(),
    topic: z.enum(publicTopics),
    stateCode: z.enum(stateCodes).nullable(),
    address,
    /** Straight-line distance from the searched place, one decimal; null without a place. */
    distanceKm: z.number().nullable(),
    languages: z.array(z.string()),
    channels: z.array(z.enum(siteChannels)),
    /** The earliest free appointment (in the searched channel, if any); null when none is published. */
    nextFreeSlot: z.object({ start: z.iso.datetime(), channel: z.enum(bookingChannels) }).nullable(),
    /** Demo data (npm start): shown as such, never mistaken for a real office. */
    isDemo: z.boolean(),
  })
  .meta({ id: "PublicSiteSummary" });

export const publicSiteListResponse = z
  .object({
    /** Where distances are measured from, as understood from the query; null without a place. */
    origin: z.object({ label: z.string(), latitude: z.number(), longitude: z.number() }).nullable(),
    items: z.array(publicSiteSummary),
    /** How many sites matched before `limit`. */
    total: z.number().int(),
  })
  .meta({ id: "PublicSiteList" });

export const publicSiteDetail = publicSiteSummary
  .extend({
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
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
  .meta({ id: "PublicSiteDetail" });

export type PublicSiteQuery = z.infer<typeof publicSiteQuery>;
export type PublicSiteSummary = z.infer<typeof publicSiteSummary>;
export type PublicSiteList = z.infer<typeof publicSiteListResponse>;
export type PublicSiteDetail = z.infer<typeof publicSiteDetail>;
