import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** Träger: the organisation that runs a unit (coordinating organisation, sub-project provider). */
export const providers = pgTable(
  "providers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // One provider per name (case-insensitive): "create provider by name" finds the existing one.
  (t) => [uniqueIndex("providers_name_key").on(sql`lower(${t.name})`)],
);

/**
 * The network tree: federal → state networks / expert units / transfer project / support team
 * → sub-projects → sites. `path` is the chain of ids from the root ("id/id/id"), so a subtree is
 * one prefix match; a move rewrites the paths of the moved subtree in one transaction.
 */
export const units = pgTable(
  "units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    type: text("type").notNull(),
    name: text("name").notNull(),
    shortName: text("short_name"),
    parentId: uuid("parent_id").references((): AnyPgColumn => units.id),
    path: text("path").notNull(),
    depth: integer("depth").notNull(),
    stateCode: text("state_code"),
    providerId: uuid("provider_id").references(() => providers.id),
    fieldOfAction: text("field_of_action"),
    description: text("description"),
    openedOn: date("opened_on").notNull().default(sql`current_date`),
    closedOn: date("closed_on"),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("units_path_idx").using("btree", sql`${t.path} text_pattern_ops`),
    index("units_parent_idx").on(t.parentId),
    index("units_type_idx").on(t.type),
    check(
      "units_type_check",
      sql`${t.type} in ('federal','state_network','expert_unit','transfer_project','support_team','sub_project','site')`,
    ),
    check("units_closed_after_opened", sql`${t.closedOn} is null or ${t.closedOn} >= ${t.openedOn}`),
    check("units_root_has_no_parent", sql`(${t.type} = 'federal') = (${t.parentId} is null)`),
  ],
);

/** Standort: where counseling happens. One row per unit of type 'site'. */
export const sites = pgTable(
  "sites",
  {
    unitId: uuid("unit_id")
      .primaryKey()
      .references(() => units.id),
    street: text("street"),
    postcode: text("postcode"),
    city: text("city"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    phone: text("phone"),
    email: text("email"),
    website: text("website"),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    channels: text("channels").array().notNull().default(sql`'{}'::text[]`),
    /** [{ weekday: 1..7 (ISO, Monday = 1), opens: "09:00", closes: "17:00" }] */
    openingHours: jsonb("opening_hours").notNull().default(sql`'[]'::jsonb`),
    /** { stepFree, accessibleToilet, elevator, hearingLoop, parking, notes } */
    accessibility: jsonb("accessibility").notNull().default(sql`'{}'::jsonb`),
    directions: text("directions"),
    timeZone: text("time_zone").notNull().default("Europe/Berlin"),
  },
  (t) => [index("sites_postcode_idx").on(t.postcode)],
);

/** Every change to a unit or site as a snapshot, so history survives edits, moves and closing. */
export const unitHistory = pgTable(
  "unit_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    changedBy: uuid("changed_by"),
    change: text("change").notNull(),
    snapshot: jsonb("snapshot").notNull(),
  },
  (t) => [index("unit_history_unit_idx").on(t.unitId, t.changedAt)],
);

/** GeoNames postcode centroids (CC BY 4.0, "GeoNames (geonames.org)"), one row per postcode and place. */
export const postcodes = pgTable(
  "postcodes",
  {
    postcode: text("postcode").notNull(),
    place: text("place").notNull(),
    stateCode: text("state_code").notNull(),
    districtCode: text("district_code"),
    district: text("district"),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
  },
  (t) => [index("postcodes_postcode_idx").on(t.postcode), index("postcodes_place_idx").on(t.place, t.stateCode)],
);
