import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

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
