import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clients } from "./clients.js";
import { consultations } from "./consultations.js";
import { units } from "./directory.js";
import { users } from "./identity.js";

/**
 * Verweise: a hand-over from a consultation to a partner sub-project (any state network) or to
 * an external service type. `sharedFields` is what the sender chose to share; the recipient reads
 * exactly that, through the clients module, while the client's sharing consent lasts.
 */
export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    consultationId: uuid("consultation_id").references(() => consultations.id),
    fromUnitId: uuid("from_unit_id")
      .notNull()
      .references(() => units.id),
    fromUserId: uuid("from_user_id")
      .notNull()
      .references(() => users.id),
    /** A partner sub-project, or null for an external service. */
    toUnitId: uuid("to_unit_id").references(() => units.id),
    /** External service type; null for a partner sub-project. */
    externalService: text("external_service"),
    externalNote: text("external_note"),
    sharedFields: text("shared_fields").array().notNull().default(sql`'{}'`),
    message: text("message"),
    status: text("status").notNull().default("sent"),
    statusReason: text("status_reason"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the recipient must have answered (sent + REFERRAL_ANSWER_DAYS); overdue after it. */
    answerDueOn: date("answer_due_on"),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("referrals_client_idx").on(t.clientId),
    index("referrals_to_unit_idx").on(t.toUnitId, t.status),
    index("referrals_from_unit_idx").on(t.fromUnitId, t.status),
    check("referrals_target_check", sql`(${t.toUnitId} is null) <> (${t.externalService} is null)`),
    check("referrals_status_check", sql`${t.status} in ('sent','accepted','declined','in_progress','completed','withdrawn')`),
  ],
);

/** Every status change of a referral: both sides see the whole history. */
export const referralEvents = pgTable(
  "referral_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referrals.id),
    status: text("status").notNull(),
    reason: text("reason"),
    actorId: uuid("actor_id").notNull(),
    actorUnitId: uuid("actor_unit_id").references(() => units.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("referral_events_referral_idx").on(t.referralId, t.at)],
);
