import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bookings } from "./appointments.js";
import { clients } from "./clients.js";
import { consultations } from "./consultations.js";
import { units } from "./directory.js";

/**
 * Online-Anfragen: a person asks a site for counseling with the public form. Name and contact
 * stay here until the request is accepted (then they go to a client record through the clients
 * module) — see docs/decisions/0006-online-request-data.md. The retention job blanks them
 * REQUEST_CONTACT_RETENTION_DAYS after the request was closed or accepted (contact_erased_at).
 */
export const onlineRequests = pgTable(
  "online_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The site whose inbox holds the request now (changes with a forward). */
    siteId: uuid("site_id")
      .notNull()
      .references(() => units.id),
    topic: text("topic").notNull(),
    /** The language the person wants to be counseled in (ISO 639-1). */
    language: text("language").notNull(),
    channel: text("channel").notNull(),
    /** Name, e-mail, description (and phone, answer): null once the contact data was erased. */
    name: text("name"),
    email: text("email"),
    phone: text("phone"),
    description: text("description"),
    /** The language of the page the form was sent from, and of every mail to the person. */
    locale: text("locale").notNull(),
    consentTextVersion: text("consent_text_version").notNull(),
    consentAt: timestamp("consent_at", { withTimezone: true }).notNull(),
    status: text("status").notNull().default("new"),
    /** The site it was last forwarded from (for the inbox line "forwarded from …"). */
    forwardedFromSiteId: uuid("forwarded_from_site_id").references(() => units.id),
    /** The answer mailed to the person when the request was closed. */
    answer: text("answer"),
    clientId: uuid("client_id").references(() => clients.id),
    consultationId: uuid("consultation_id").references(() => consultations.id),
    bookingId: uuid("booking_id").references(() => bookings.id),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    /** The last move; of an accepted or closed request (final states) the day it was decided. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    /** When the retention job blanked the contact data (never touched again). */
    contactErasedAt: timestamp("contact_erased_at", { withTimezone: true }),
  },
  (t) => [
    index("online_requests_site_status_idx").on(t.siteId, t.status, t.receivedAt),
    /** The retention job's search: decided requests still holding contact data. */
    index("online_requests_contact_retention_idx")
      .on(t.updatedAt)
      .where(sql`${t.contactErasedAt} is null and ${t.status} in ('accepted','closed')`),
    check("online_requests_status", sql`${t.status} in ('new','forwarded','accepted','closed')`),
    check("online_requests_channel", sql`${t.channel} in ('in_person','phone','video','email')`),
    check("online_requests_topic", sql`${t.topic} in ('recognition','labour_rights','employers')`),
    check("online_requests_accepted_client", sql`(${t.status} = 'accepted') = (${t.clientId} is not null)`),
    check("online_requests_closed_answer", sql`${t.status} <> 'closed' or ${t.answer} is not null or ${t.contactErasedAt} is not null`),
    check(
      "online_requests_contact",
      sql`${t.contactErasedAt} is not null or (${t.name} is not null and ${t.email} is not null and ${t.description} is not null)`,
    ),
  ],
);

/** Every status change of a request, with who made it and at which site: the inbox shows the history. */
export const onlineRequestEvents = pgTable(
  "online_request_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => onlineRequests.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    /** Null for the person's own submission. */
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    /** The site the request was at when the change was made. */
    siteId: uuid("site_id")
      .notNull()
      .references(() => units.id),
    /** Of a forward: the receiving site. */
    toSiteId: uuid("to_site_id").references(() => units.id),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("online_request_events_request_idx").on(t.requestId, t.at)],
);
