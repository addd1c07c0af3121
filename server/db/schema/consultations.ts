import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clients } from "./clients.js";
import { units } from "./directory.js";
import { users } from "./identity.js";

/** Referenzberufe (common/domain/reference-professions.ts): seeded once, extended by administrators. */
export const referenceProfessions = pgTable(
  "reference_professions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The seed entry it came from; null for entries added by administrators. */
    seedKey: text("seed_key"),
    name: text("name").notNull(),
    formerNames: text("former_names").array().notNull().default(sql`'{}'`),
    regulated: boolean("regulated").notNull(),
    professionalField: text("professional_field").notNull(),
    qualificationKind: text("qualification_kind").notNull(),
    /** Name and former names, normalized like client names, for the trigram search. */
    searchText: text("search_text").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by"),
  },
  (t) => [
    uniqueIndex("reference_professions_seed_key").on(t.seedKey),
    uniqueIndex("reference_professions_name_key").on(sql`lower(${t.name})`),
    index("reference_professions_search_trgm_idx").using("gin", sql`${t.searchText} gin_trgm_ops`),
    check("reference_professions_kind_check", sql`${t.qualificationKind} in ('academic','vocational')`),
  ],
);

/**
 * Beratungen: one row per contact with a client. The funding period is stored with the row so
 * that "one first consultation per client and funding period" is a unique index — race-free by
 * construction, whatever the number of app nodes.
 */
export const consultations = pgTable(
  "consultations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    /** The sub-project that counselled (statistics count here). */
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    /** A unit of type site (sites are units in the directory tree). */
    siteId: uuid("site_id").references(() => units.id),
    counselorId: uuid("counselor_id")
      .notNull()
      .references(() => users.id),
    date: date("date").notNull(),
    /** Code of the funding period the date falls in (config FUNDING_PERIODS), e.g. "2023-2028". */
    fundingPeriod: text("funding_period").notNull(),
    kind: text("kind").notNull(),
    channel: text("channel").notNull(),
    languages: text("languages").array().notNull().default(sql`'{}'`),
    interpreter: boolean("interpreter").notNull().default(false),
    durationMinutes: integer("duration_minutes"),
    // recognition & qualification counseling
    referenceProfessionId: uuid("reference_profession_id").references(() => referenceProfessions.id),
    topics: text("topics").array().notNull().default(sql`'{}'`),
    nextSteps: text("next_steps"),
    // Faire Integration
    fiReasons: text("fi_reasons").array().notNull().default(sql`'{}'`),
    fiReasonOther: text("fi_reason_other"),
    employerSector: text("employer_sector"),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("consultations_client_idx").on(t.clientId, t.date),
    index("consultations_unit_date_idx").on(t.unitId, t.date),
    index("consultations_counselor_idx").on(t.counselorId, t.date),
    uniqueIndex("consultations_first_per_period_key").on(t.clientId, t.fundingPeriod).where(sql`${t.kind} = 'first_consultation'`),
    check("consultations_kind_check", sql`${t.kind} in ('first_consultation','follow_up','referral_consultation')`),
    check("consultations_channel_check", sql`${t.channel} in ('in_person','phone','video','written','outreach','mobile')`),
    check("consultations_duration_check", sql`${t.durationMinutes} is null or ${t.durationMinutes} between 1 and 1440`),
  ],
);

/**
 * Second-level support (Faire Integration): a counselor's question to the national support team
 * about a case, and its answer. The question is about the legal matter; it names no person.
 */
export const supportRequests = pgTable(
  "support_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    consultationId: uuid("consultation_id")
      .notNull()
      .references(() => consultations.id),
    /** The support team unit that answers. */
    supportUnitId: uuid("support_unit_id")
      .notNull()
      .references(() => units.id),
    question: text("question").notNull(),
    askedBy: uuid("asked_by").notNull(),
    askedAt: timestamp("asked_at", { withTimezone: true }).notNull().defaultNow(),
    answer: text("answer"),
    answeredBy: uuid("answered_by"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("support_requests_consultation_idx").on(t.consultationId),
    index("support_requests_open_idx").on(t.supportUnitId, t.askedAt).where(sql`${t.answeredAt} is null`),
  ],
);

/** Gruppeninformationsveranstaltungen: counted, never named — participants are a number. */
export const groupEvents = pgTable(
  "group_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    siteId: uuid("site_id").references(() => units.id),
    date: date("date").notNull(),
    title: text("title").notNull(),
    channel: text("channel").notNull(),
    languages: text("languages").array().notNull().default(sql`'{}'`),
    participants: integer("participants").notNull(),
    refugeeParticipants: integer("refugee_participants"),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by"),
  },
  (t) => [
    index("group_events_unit_date_idx").on(t.unitId, t.date),
    check("group_events_participants_check", sql`${t.participants} between 1 and 10000`),
    check("group_events_refugee_check", sql`${t.refugeeParticipants} is null or ${t.refugeeParticipants} between 0 and ${t.participants}`),
  ],
);
