import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clients } from "./clients.js";
import { referenceProfessions } from "./consultations.js";
import { units } from "./directory.js";

/**
 * Anerkennungsverfahren: a client's recognition procedure before a competent authority, from
 * application to decision (Bescheid). Kept by the sub-project that accompanies it.
 */
export const procedures = pgTable(
  "procedures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    referenceProfessionId: uuid("reference_profession_id")
      .notNull()
      .references(() => referenceProfessions.id),
    competentAuthority: text("competent_authority").notNull(),
    legalBasis: text("legal_basis").notNull(),
    applicationDate: date("application_date"),
    decisionDate: date("decision_date"),
    outcome: text("outcome").notNull().default("pending"),
    /** Ausgleichsmaßnahme: required exactly when the outcome is partial equivalence. */
    compensationMeasure: text("compensation_measure"),
    isDemo: boolean("is_demo").notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("procedures_client_idx").on(t.clientId),
    index("procedures_unit_idx").on(t.unitId),
    check("procedures_legal_basis_check", sql`${t.legalBasis} in ('bqfg','state_law','profession_law')`),
    check(
      "procedures_outcome_check",
      sql`${t.outcome} in ('pending','full_equivalence','partial_equivalence','no_equivalence','withdrawn')`,
    ),
    check("procedures_compensation_check", sql`(${t.outcome} = 'partial_equivalence') = (${t.compensationMeasure} is not null)`),
    check(
      "procedures_compensation_kind_check",
      sql`${t.compensationMeasure} is null or ${t.compensationMeasure} in ('adaptation_course','knowledge_test','aptitude_test','adaptation_qualification')`,
    ),
    check("procedures_decision_check", sql`(${t.outcome} = 'pending') = (${t.decisionDate} is null)`),
  ],
);

/**
 * "Mein Ordner": the documents a procedure needs, each missing or present, and whether it is
 * translated and certified. `kind` is a code from common/domain/procedures.ts, or "other" with a
 * free label.
 */
export const procedureDocuments = pgTable(
  "procedure_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    procedureId: uuid("procedure_id")
      .notNull()
      .references(() => procedures.id),
    kind: text("kind").notNull(),
    label: text("label"),
    position: integer("position").notNull(),
    present: boolean("present").notNull().default(false),
    translated: boolean("translated").notNull().default(false),
    certified: boolean("certified").notNull().default(false),
    note: text("note"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("procedure_documents_procedure_idx").on(t.procedureId, t.position),
    check("procedure_documents_label_check", sql`${t.kind} <> 'other' or ${t.label} is not null`),
  ],
);
