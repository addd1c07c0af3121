import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { units } from "./directory.js";
import { users } from "./identity.js";

/**
 * The monitoring's rollups (decision 0007): the pseudonymous facts of consultations, Faire
 * Integration reasons, group events, referrals and recognition decisions, pre-joined with the
 * client's attributes and counted per distinct combination of every dimension a report can ask
 * for. Reports read only this table. Triggers on the fact tables (migration 0015) append a row
 * per change — `n` is a signed delta, so the table is an append-only journal whose sum per key
 * is the current count; a job compacts it. '' in a text column means "not stated / not
 * applicable"; no column names, contacts or ids of persons.
 */
export const monitoringRollups = pgTable(
  "monitoring_rollups",
  {
    /** The fact family: consultation, fi_reason, group_event, referral, procedure. */
    measure: text("measure").notNull(),
    /** Consultation kind (consultation, fi_reason), referral status, procedure outcome; else ''. */
    kind: text("kind").notNull(),
    /** Faire Integration reason (fi_reason), referral target (external service or 'partner'); else ''. */
    detail: text("detail").notNull(),
    /** First day of the fact's month (consultation date, sent day, decision day; Europe/Berlin). */
    month: date("month").notNull(),
    /** The sub-project the fact counts for. */
    unitId: uuid("unit_id").notNull(),
    /** Berlin day the fact was first recorded: a report with a Stichtag counts rows up to it. */
    recordedOn: date("recorded_on").notNull(),
    channel: text("channel").notNull(),
    /** The consultation's languages, sorted and distinct (a language filter is `= any`). */
    languages: text("languages").array().notNull(),
    /** The client's state of residence (ISO 3166-2). */
    stateCode: text("state_code").notNull(),
    /** The client's first nationality (ISO 3166-1 alpha-2). */
    nationality: text("nationality").notNull(),
    /** Reference profession id (consultation or procedure). */
    profession: text("profession").notNull(),
    gender: text("gender").notNull(),
    /** Age in the fact's year, grouped (common/domain/monitoring/dimensions.ts ageGroups). */
    ageGroup: text("age_group").notNull(),
    /** Refugee background: yes, no, or '' (not stated). */
    refugee: text("refugee").notNull(),
    /** Signed: +count on insert, −count when a fact leaves the key (edit, move, delete). */
    n: integer("n").notNull(),
  },
  (t) => [
    index("monitoring_rollups_measure_month_idx").on(t.measure, t.month),
    index("monitoring_rollups_unit_idx").on(t.unitId, t.measure, t.month),
  ],
);

/**
 * The rollups per state network (decision 0007 §10): the same signed deltas, summed over the
 * sub-projects of a state network and field of action and over every key a national report
 * rarely filters by (recording day, channel, languages), one client attribute at a time —
 * `dimension` names it ('' for the total of the row's key), `value` is its code. Kept by a
 * trigger on monitoring_rollups and one on units (a sub-project that moves or changes its field
 * takes its counts along). Reports for whole state networks or the nation with at most one
 * client attribute, and no Stichtag, channel or language filter, read this table instead.
 */
export const monitoringNetworkRollups = pgTable(
  "monitoring_network_rollups",
  {
    measure: text("measure").notNull(),
    kind: text("kind").notNull(),
    detail: text("detail").notNull(),
    month: date("month").notNull(),
    /** The state network (the unit below the root on the sub-project's path). */
    networkId: uuid("network_id").notNull(),
    /** The sub-project's field of action ('' when it has none). */
    field: text("field").notNull(),
    /** '', state, nationality, profession, gender, age_group or refugee. */
    dimension: text("dimension").notNull(),
    /** The code of that attribute; '' for the total or "not stated". */
    value: text("value").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [index("monitoring_network_rollups_read_idx").on(t.measure, t.dimension, t.month)],
);

/**
 * Sonderanfragen: saved report queries of the monitoring (`modules/monitoring/saved-queries.ts`).
 * `query` holds the report's parameters exactly as GET /api/monitoring/report takes them
 * (checked by the engine's own schema and plan before it is stored); never figures. `sharing`:
 * private (the owner), unit (statistics readers in `share_unit_id`'s subtree), national (the
 * national team: monitoring and federal). Changes carry an optimistic `version`.
 */
export const monitoringSavedQueries = pgTable(
  "monitoring_saved_queries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    description: text("description"),
    query: jsonb("query").notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    sharing: text("sharing").notNull().default("private"),
    /** The subtree a query shared with a unit is visible in (the owner's statistics scope). */
    shareUnitId: uuid("share_unit_id").references(() => units.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("monitoring_saved_queries_owner_idx").on(t.ownerId),
    index("monitoring_saved_queries_sharing_idx").on(t.sharing),
    check("monitoring_saved_queries_sharing_check", sql`${t.sharing} in ('private','unit','national')`),
    check("monitoring_saved_queries_share_unit_check", sql`(${t.sharing} = 'unit') = (${t.shareUnitId} is not null)`),
  ],
);
