import { z } from "zod";
import { idSchema } from "./shared.js";

/**
 * The Open Referral HSDS 3.0 export (`/api/public/hsds/…`, issue 4): the public directory as
 * Human Services Data Specification objects. Field names are HSDS's (snake_case); only the fields
 * Lotse fills are listed, and a field without a value is left out (HSDS types allow no null).
 * The tests validate every object against the HSDS JSON schemas in
 * `server/modules/directory/data/hsds/` ("Human Services Data Specification: an Open Referral
 * resource", CC BY-SA 4.0).
 */

const boolParam = z.enum(["true", "false"]).default("false");

/** `page` and `per_page` as in the HSDS API; pages count from 1. */
export const hsdsPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce.number().int().min(1).max(200).default(50),
});
export const hsdsListQuery = hsdsPageQuery.extend({
  /** Only the services (or their service_at_locations) of this organization. */
  organization_id: idSchema.optional(),
});
export const hsdsOrganizationQuery = z.object({
  /** `true`: the organization's services fully nested (with their locations). */
  full_service: boolParam,
});

const language = z.object({ id: idSchema, location_id: idSchema, name: z.string(), code: z.string() });
const address = z.object({
  id: idSchema,
  location_id: idSchema,
  address_1: z.string(),
  city: z.string(),
  state_province: z.string(),
  postal_code: z.string(),
  country: z.string(),
  address_type: z.enum(["physical", "postal", "virtual"]),
});
const phone = z.object({ id: idSchema, location_id: idSchema, number: z.string(), type: z.string() });
const schedule = z.object({
  id: idSchema,
  location_id: idSchema,
  freq: z.literal("WEEKLY"),
  wkst: z.literal("MO"),
  byday: z.string(),
  opens_at: z.string(),
  closes_at: z.string(),
  /** Days and times in words, with the site's time zone (HSDS times carry no offset here: summer time). */
  description: z.string(),
});
const accessibility = z.object({ id: idSchema, location_id: idSchema, description: z.string(), details: z.string().optional() });

export const hsdsLocation = z
  .object({
    id: idSchema,
    location_type: z.enum(["physical", "postal", "virtual"]),
    organization_id: idSchema,
    name: z.string(),
    url: z.string().optional(),
    transportation: z.string().optional(),
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    external_identifier: z.string(),
    external_identifier_type: z.string(),
    languages: z.array(language),
    addresses: z.array(address),
    phones: z.array(phone),
    schedules: z.array(schedule),
    accessibility: z.array(accessibility),
  })
  .meta({ id: "HsdsLocation" });

export const hsdsServiceAtLocation = z
  .object({
    id: idSchema,
    service_id: idSchema,
    location_id: idSchema,
    description: z.string(),
    /** Only in the single-object and fully nested answers. */
    location: hsdsLocation.optional(),
  })
  .meta({ id: "HsdsServiceAtLocation" });

export const hsdsOrganization = z
  .object({
    id: idSchema,
    name: z.string(),
    description: z.string(),
  })
  .meta({ id: "HsdsOrganization" });

export const hsdsService = z
  .object({
    id: idSchema,
    organization_id: idSchema,
    name: z.string(),
    description: z.string(),
    status: z.enum(["active", "inactive", "defunct", "temporarily closed"]),
    /** Fully nested answers only. */
    organization: hsdsOrganization.optional(),
    service_at_locations: z.array(hsdsServiceAtLocation).optional(),
  })
  .meta({ id: "HsdsService" });

export const hsdsOrganizationDetail = hsdsOrganization
  .extend({
    locations: z.array(hsdsLocation),
    /** HSDS API: the organization's services, basic or (`full_service=true`) fully nested. */
    services: z.array(hsdsService),
  })
  .meta({ id: "HsdsOrganizationDetail" });

/** The `Page` envelope of the HSDS API (openapi.json `#/components/schemas/Page`). */
const page = <T extends z.ZodType>(item: T) =>
  z.object({
    total_items: z.number().int(),
    total_pages: z.number().int(),
    page_number: z.number().int(),
    size: z.number().int(),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(item),
  });
export const hsdsOrganizationPage = page(hsdsOrganization).meta({ id: "HsdsOrganizationPage" });
export const hsdsServicePage = page(hsdsService).meta({ id: "HsdsServicePage" });
export const hsdsServiceAtLocationPage = page(hsdsServiceAtLocation).meta({ id: "HsdsServiceAtLocationPage" });

/** `GET /api/public/hsds`: which HSDS version the export speaks. */
export const hsdsApiInfo = z.object({ version: z.string(), openapi_url: z.string(), attribution: z.string() }).meta({ id: "HsdsApiInfo" });

export type HsdsPageQuery = z.infer<typeof hsdsPageQuery>;
export type HsdsListQuery = z.infer<typeof hsdsListQuery>;
export type HsdsLocation = z.infer<typeof hsdsLocation>;
export type HsdsServiceAtLocation = z.infer<typeof hsdsServiceAtLocation>;
export type HsdsOrganization = z.infer<typeof hsdsOrganization>;
export type HsdsOrganizationDetail = z.infer<typeof hsdsOrganizationDetail>;
export type HsdsService = z.infer<typeof hsdsService>;
export type HsdsPage<T> = Omit<z.infer<typeof hsdsOrganizationPage>, "contents"> & { contents: T[] };
