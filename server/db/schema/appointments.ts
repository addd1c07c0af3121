import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, time, timestamp, uuid } from "drizzle-orm/pg-core";
import { units } from "./directory.js";
import { users } from "./identity.js";

/**
 * How a site takes bookings: appointment length per channel, the pause kept free after each
 * appointment, how short-notice a booking may be and how far ahead the calendar opens.
 */
export const bookingSettings = pgTable(
  "booking_settings",
  {
    siteId: uuid("site_id")
      .primaryKey()
      .references(() => units.id),
    /** Minutes per channel: { "in_person": 60, "phone": 45, "video": 45 }. */
    durations: jsonb("durations").notNull(),
    bufferMinutes: integer("buffer_minutes").notNull().default(15),
    minNoticeHours: integer("min_notice_hours").notNull().default(24),
    horizonDays: integer("horizon_days").notNull().default(56),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("booking_settings_buffer", sql`${t.bufferMinutes} between 0 and 240`),
    check("booking_settings_notice", sql`${t.minNoticeHours} between 0 and 720`),
    check("booking_settings_horizon", sql`${t.horizonDays} between 1 and 365`),
  ],
);

/** Weekly hours a counselor offers at a site, in the site's local time (Sprechzeiten). */
export const availabilityRules = pgTable(
  "availability_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => units.id),
    counselorId: uuid("counselor_id")
      .notNull()
      .references(() => users.id),
    /** ISO weekday, Monday = 1. */
    weekday: integer("weekday").notNull(),
    startsAt: time("starts_at").notNull(),
    endsAt: time("ends_at").notNull(),
    channels: text("channels").array().notNull(),
    validFrom: date("valid_from").notNull(),
    validUntil: date("valid_until"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by"),
  },
  (t) => [
    index("availability_rules_site_idx").on(t.siteId),
    index("availability_rules_counselor_idx").on(t.counselorId),
    check("availability_rules_weekday", sql`${t.weekday} between 1 and 7`),
    check("availability_rules_hours", sql`${t.startsAt} < ${t.endsAt}`),
    check("availability_rules_valid", sql`${t.validUntil} is null or ${t.validUntil} >= ${t.validFrom}`),
    check("availability_rules_channels", sql`cardinality(${t.channels}) > 0 and ${t.channels} <@ array['in_person','phone','video']`),
  ],
);

/**
 * Time a site (counselorId null: holiday, closure) or one counselor (absence) takes no
 * bookings. Bookings already made in that time stay; staff move or cancel them.
 */
export const availabilityExceptions = pgTable(
  "availability_exceptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => units.id),
    counselorId: uuid("counselor_id").references(() => users.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    kind: text("kind").notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by"),
  },
  (t) => [
    index("availability_exceptions_site_idx").on(t.siteId, t.startsAt),
    check("availability_exceptions_range", sql`${t.startsAt} < ${t.endsAt}`),
    check("availability_exceptions_kind", sql`${t.kind} in ('holiday','closure','absence')`),
  ],
);

/**
 * A booked appointment. The person's contact details stay here until the appointment is
 * done (see docs/decisions/0004): they become a client only when counseling starts. The
 * retention job blanks them BOOKING_CONTACT_RETENTION_DAYS after the end (contact_erased_at);
 * site, counselor, times, channel, language, topic and status stay for statistics.
 * Migration 0011 adds the exclusion constraint that makes double booking impossible.
 */
export const bookings = pgTable(
  "bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => units.id),
    counselorId: uuid("counselor_id")
      .notNull()
      .references(() => users.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    channel: text("channel").notNull(),
    status: text("status").notNull().default("booked"),
    /** Name and e-mail: null once the contact data was erased (contact_erased_at). */
    name: text("name"),
    email: text("email"),
    phone: text("phone"),
    /** The language the person wants to be counseled in (ISO 639-1). */
    language: text("language").notNull(),
    /** The language of the mails and the manage page (one of the UI languages). */
    locale: text("locale").notNull(),
    topic: text("topic").notNull(),
    message: text("message"),
    source: text("source").notNull().default("public"),
    consentAt: timestamp("consent_at", { withTimezone: true }).notNull(),
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    statusChangedBy: uuid("status_changed_by"),
    /** Bumped by every change; the ICS SEQUENCE, so calendars replace the old entry. */
    sequence: integer("sequence").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the retention job blanked name, e-mail, phone and message (never touched again). */
    contactErasedAt: timestamp("contact_erased_at", { withTimezone: true }),
  },
  (t) => [
    index("bookings_site_time_idx").on(t.siteId, t.startsAt),
    index("bookings_counselor_time_idx").on(t.counselorId, t.startsAt),
    /** The retention job's search: bookings still holding contact data, by end. */
    index("bookings_contact_retention_idx").on(t.endsAt).where(sql`${t.contactErasedAt} is null`),
    // The live bookings of one e-mail address: the cap of public booking (decision 0005).
    index("bookings_live_email_idx").on(t.email, t.startsAt).where(sql`${t.status} <> 'cancelled'`),
    check("bookings_range", sql`${t.startsAt} < ${t.endsAt}`),
    check("bookings_contact", sql`${t.contactErasedAt} is not null or (${t.name} is not null and ${t.email} is not null)`),
    check("bookings_status", sql`${t.status} in ('booked','cancelled','attended','no_show')`),
    check("bookings_channel", sql`${t.channel} in ('in_person','phone','video')`),
    check("bookings_source", sql`${t.source} in ('public','staff','request')`),
  ],
);
