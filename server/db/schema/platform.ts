import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * Durable jobs (mails, reminders, retention, statistics refresh). Claimed with
 * FOR UPDATE SKIP LOCKED so several app nodes never run the same job twice.
 */
/** How often a job is tried before it is marked failed, unless it was queued with its own number. */
export const JOB_MAX_ATTEMPTS = 8;

export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull(),
    /** Optional idempotency key: a second enqueue with the same key is ignored. */
    uniqueKey: text("unique_key"),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(JOB_MAX_ATTEMPTS),
    lockedBy: text("locked_by"),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("jobs_unique_key").on(t.uniqueKey),
    index("jobs_due_idx").on(t.runAt).where(sql`${t.doneAt} is null and ${t.failedAt} is null`),
  ],
);

/** Instance-wide generated values, e.g. the session secret of a demo install without SESSION_SECRET. */
export const instanceSettings = pgTable("instance_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Accepted submissions of public forms (platform/public-form-guard.ts): the rate limit per client
 * address and per e-mail across app nodes, and each form token's single use. Only keyed hashes
 * (HMAC with the instance secret) of address and e-mail are kept, never the values, and rows
 * older than the longer of the limit window and the token lifetime are deleted on the next write.
 */
export const publicFormSubmissions = pgTable(
  "public_form_submissions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    form: text("form").notNull(),
    ipHash: text("ip_hash").notNull(),
    emailHash: text("email_hash"),
    /** Null for a submission without a token (public booking through the API). */
    tokenHash: text("token_hash"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("public_form_submissions_token_key").on(t.tokenHash),
    index("public_form_submissions_ip_idx").on(t.form, t.ipHash, t.submittedAt),
    index("public_form_submissions_email_idx").on(t.form, t.emailHash, t.submittedAt),
    index("public_form_submissions_time_idx").on(t.submittedAt),
  ],
);
