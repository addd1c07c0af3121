import { bigserial, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Reports of barriers sent with the form of the accessibility statement (BITV 2.0 § 7: a
 * feedback mechanism). Name and e-mail are optional; the operator answers by e-mail.
 */
export const accessibilityFeedback = pgTable(
  "accessibility_feedback",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** The page the report is about, as the form sent it (a path such as /beratung-finden). */
    page: text("page"),
    description: text("description").notNull(),
    name: text("name"),
    email: text("email"),
    /** The language of the page the form was sent from (also the language of the confirmation). */
    language: text("language").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("accessibility_feedback_created_idx").on(t.createdAt)],
);
