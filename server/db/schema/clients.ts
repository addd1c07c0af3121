import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { units } from "./directory.js";
import { users } from "./identity.js";

/** Numbers printed on letters (K0000001, …); never reused. */
export const clientNumberSeq = pgSequence("client_number_seq", { startWith: 1 });

/**
 * Ratsuchende. The only table with personal data of clients: the personal part (names,
 * contact) sits beside the pseudonymous facts statistics may count; erasure (later) blanks the
 * former and keeps the latter.
 */
export const clients = pgTable(
  "clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: bigint("number", { mode: "number" }).notNull().default(sql`nextval('client_number_seq')`),
    /** The sub-project whose counselors look after the client. */
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    // personal
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    preferredLanguages: text("preferred_languages").array().notNull().default(sql`'{}'`),
    /** normalizeName(first, last): accent-, case- and order-free, for search and duplicates (trigram index). */
    searchName: text("search_name").notNull(),
    // pseudonymous
    birthYear: integer("birth_year").notNull(),
    gender: text("gender").notNull().default("not_stated"),
    nationalities: text("nationalities").array().notNull().default(sql`'{}'`),
    postcode: text("postcode"),
    district: text("district"),
    stateCode: text("state_code"),
    refugeeBackground: boolean("refugee_background"),
    residenceStatus: text("residence_status").notNull().default("not_stated"),
    germanLevel: text("german_level").notNull().default("not_stated"),
    qualificationCountry: text("qualification_country"),
    qualificationKind: text("qualification_kind").notNull().default("not_stated"),
    qualificationYear: integer("qualification_year"),
    employmentStatus: text("employment_status").notNull().default("not_stated"),
    // casework
    /** The counselor whose caseload the client is in (reassigned when a counselor leaves). */
    counselorId: uuid("counselor_id").references(() => users.id),
    /** Date of the latest consultation: the start of the retention period. */
    lastContactOn: date("last_contact_on"),
    /** Set when the personal part was erased (request or retention); the pseudonymous facts stay. */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    /** Set on the record merged away: it points at the record that kept the history. */
    mergedIntoId: uuid("merged_into_id"),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("clients_number_key").on(t.number),
    index("clients_unit_idx").on(t.unitId),
    index("clients_counselor_idx").on(t.counselorId),
    index("clients_last_contact_idx").on(t.lastContactOn).where(sql`${t.erasedAt} is null`),
    // Unit and name trigrams in one index (btree_gin): searches are always scoped to units.
    index("clients_unit_search_trgm_idx").using("gin", t.unitId, sql`${t.searchName} gin_trgm_ops`),
    check("clients_birth_year_check", sql`${t.birthYear} between 1900 and 2200`),
  ],
);

/** Einwilligungen: given on a day in a text version; a withdrawal ends one at once. */
export const clientConsents = pgTable(
  "client_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    kind: text("kind").notNull(),
    /** For sharing: the partner unit the client agreed their data may go to. */
    partnerUnitId: uuid("partner_unit_id").references(() => units.id),
    givenOn: date("given_on").notNull(),
    textVersion: text("text_version").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid("recorded_by"),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: uuid("withdrawn_by"),
  },
  (t) => [
    index("client_consents_client_idx").on(t.clientId),
    check("client_consents_kind_check", sql`${t.kind} in ('processing','contact','sharing')`),
    check("client_consents_partner_check", sql`(${t.kind} = 'sharing') = (${t.partnerUnitId} is not null)`),
  ],
);

/** Wiedervorlagen: follow-up tasks on a client, due on a day, for one counselor. */
export const clientTasks = pgTable(
  "client_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    assigneeId: uuid("assignee_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    dueOn: date("due_on").notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneBy: uuid("done_by"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by"),
  },
  (t) => [
    index("client_tasks_client_idx").on(t.clientId),
    index("client_tasks_open_idx").on(t.assigneeId, t.dueOn).where(sql`${t.doneAt} is null`),
  ],
);

/**
 * Break-the-glass: a counselor's justified, time-limited access to a client of another
 * sub-project in the same state network. The reason is kept here and in the audit trail.
 */
export const clientAccessGrants = pgTable(
  "client_access_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("client_access_grants_user_idx").on(t.userId, t.clientId, t.expiresAt),
    check("client_access_grants_reason_check", sql`length(${t.reason}) >= 10`),
  ],
);

/**
 * One run of the automatic deletion (retention job): when, with which cut-off dates, and how
 * many records of each type lost their personal data — the report administrators read.
 */
export const retentionRuns = pgTable("retention_runs", {
  id: uuid("id").primaryKey().defaultRandom(),
  ranAt: timestamp("ran_at", { withTimezone: true }).notNull().defaultNow(),
  /** Berlin day the run counted from. */
  runDay: date("run_day").notNull(),
  /** Per record type: the cut-off date and the number of records erased. */
  results: jsonb("results").notNull(),
  /** Ids of the clients whose personal part was erased (ids are pseudonymous). */
  erasedClientIds: uuid("erased_client_ids").array().notNull().default(sql`'{}'`),
});
