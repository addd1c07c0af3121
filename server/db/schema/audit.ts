import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only audit trail. A trigger (migration "audit_append_only") rejects UPDATE, DELETE
 * and TRUNCATE for every database role, so the application cannot rewrite history.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    /** The actor as shown at the time (e-mail), kept even if the user is renamed later. */
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    recordType: text("record_type"),
    recordId: text("record_id"),
    outcome: text("outcome").notNull(),
    ip: text("ip"),
    requestId: text("request_id"),
    details: jsonb("details"),
  },
  (t) => [
    index("audit_events_occurred_idx").on(t.occurredAt),
    index("audit_events_actor_idx").on(t.actorUserId, t.occurredAt),
    index("audit_events_record_idx").on(t.recordType, t.recordId),
    index("audit_events_action_idx").on(t.action, t.occurredAt),
  ],
);
