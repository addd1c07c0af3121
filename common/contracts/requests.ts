import { z } from "zod";
import { consultationChannels, fiReasons } from "../domain/consultations.js";
import { publicLanguages } from "../domain/public-languages.js";
import { REQUEST_ANSWER_MAX, REQUEST_DESCRIPTION_MAX, requestActions, requestChannels, requestStatuses } from "../domain/requests.js";
import { publicTopics } from "../domain/units.js";
import { publicFormGuardFields } from "./public-forms.js";
import { emailSchema, idSchema, isoDate, languageCode, optionalText, text } from "./shared.js";

/**
 * Online requests (Online-Anfrage, issue 4): sent from a site's public page without an account,
 * answered by the site's counselors in their inbox (accept, forward, close with an answer).
 */

// --- public ------------------------------------------------------------------------------------

export const createOnlineRequestRequest = z
  .object({
    siteId: idSchema,
    topic: z.enum(publicTopics),
    /** The language the person wants to be counseled in (ISO 639-1). */
    language: languageCode,
    channel: z.enum(requestChannels),
    name: text(200),
    email: emailSchema,
    phone: optionalText(40),
    description: z.string().trim().min(1).max(REQUEST_DESCRIPTION_MAX),
    /** The language of the page and of every mail to the person; defaults to German. */
    locale: z.enum(publicLanguages).default("de"),
    consent: z.literal(true, "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu."),
    ...publicFormGuardFields,
  })
  .meta({ id: "CreateOnlineRequestRequest" });

export const createOnlineRequestResponse = z
  .object({ id: idSchema, status: z.enum(requestStatuses) })
  .meta({ id: "CreateOnlineRequestResponse" });

// --- staff -------------------------------------------------------------------------------------

export const onlineRequestListQuery = z.object({
  /** One status, or "open" (new and forwarded: still waiting for an answer; the default). */
  status: z.enum([...requestStatuses, "open", "all"]).default("open"),
  site: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

const unitRef = z.object({ id: idSchema, name: z.string() });

/** A line of the inbox: no name and no contact data (those are read, and audited, one by one). */
export const onlineRequestSummarySchema = z
  .object({
    id: idSchema,
    site: unitRef,
    topic: z.enum(publicTopics),
    language: z.string(),
    channel: z.enum(requestChannels),
    status: z.enum(requestStatuses),
    receivedAt: z.iso.datetime(),
    /** Set when the request came from another site (forwarded here). */
    forwardedFrom: unitRef.nullable(),
  })
  .meta({ id: "OnlineRequestSummary" });

export const onlineRequestListResponse = z.object({ items: z.array(onlineRequestSummarySchema) }).meta({ id: "OnlineRequestList" });

export const onlineRequestEventSchema = z.object({
  status: z.enum(requestStatuses),
  at: z.iso.datetime(),
  /** Who made the change; null for the person's own submission. */
  actorName: z.string().nullable(),
  site: unitRef,
  /** Of a forward: where it went. */
  toSite: unitRef.nullable(),
  note: z.string().nullable(),
});

export const onlineRequestSchema = onlineRequestSummarySchema
  .extend({
    /** Name, e-mail and description (and phone, answer) are null once the retention job erased the contact data. */
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    description: z.string().nullable(),
    locale: z.enum(publicLanguages),
    consentTextVersion: z.string(),
    consentAt: z.iso.datetime(),
    answer: z.string().nullable(),
    clientId: idSchema.nullable(),
    consultationId: idSchema.nullable(),
    bookingId: idSchema.nullable(),
    /** When the contact data was erased (REQUEST_CONTACT_RETENTION_DAYS after the request was closed or accepted). */
    contactErasedAt: z.iso.datetime().nullable(),
    history: z.array(onlineRequestEventSchema),
    /** What the caller may do now (the UI shows exactly these). */
    actions: z.array(z.enum(requestActions)),
  })
  .meta({ id: "OnlineRequest" });

export const acceptOnlineRequestRequest = z
  .object({
    /** The person's name split for the client record (prefilled from the request). */
    firstName: text(100),
    lastName: text(100),
    birthYear: z
      .number()
      .int()
      .min(1900)
      .refine((y) => y <= new Date().getUTCFullYear(), "liegt in der Zukunft"),
    /** A first consultation held already (e.g. on the phone); null: the person is to be booked. */
    firstConsultation: z
      .object({
        date: isoDate,
        channel: z.enum(consultationChannels),
        durationMinutes: z.number().int().min(1).max(1440).nullable().optional(),
        nextSteps: optionalText(2000),
        /** Faire Integration sub-projects record the reasons with every consultation. */
        fiReasons: z.array(z.enum(fiReasons)).max(fiReasons.length).default([]),
        fiReasonOther: optionalText(500),
      })
      .nullable()
      .default(null),
    /** Or: the first appointment, a free slot of the request's site (GET /api/public/sites/{id}/slots). */
    appointment: z
      .object({ slotId: z.string().min(1).max(200) })
      .nullable()
      .default(null),
  })
  .refine((a) => !(a.firstConsultation && a.appointment), {
    path: ["appointment"],
    message: "Entweder eine Erstberatung, die schon stattfand, oder einen Termin – nicht beides.",
  })
  .meta({ id: "AcceptOnlineRequestRequest" });

export const acceptOnlineRequestResponse = z
  .object({
    request: onlineRequestSchema,
    clientId: idSchema,
    consultationId: idSchema.nullable(),
    /** The appointment booked with the acceptance (its confirmation mail went to the person). */
    bookingId: idSchema.nullable(),
    /** Where the staff app continues: the client's page, or the consultation. */
    links: z.object({ client: z.string(), consultation: z.string().nullable() }),
  })
  .meta({ id: "AcceptOnlineRequestResponse" });

export const forwardOnlineRequestRequest = z
  .object({ siteId: idSchema, note: optionalText(1000) })
  .meta({ id: "ForwardOnlineRequestRequest" });

export const closeOnlineRequestRequest = z
  .object({ answer: z.string().trim().min(1).max(REQUEST_ANSWER_MAX) })
  .meta({ id: "CloseOnlineRequestRequest" });

export const forwardTargetQuery = z.object({ q: z.string().trim().max(100).default("") });
export const forwardTargetListResponse = z
  .object({ items: z.array(unitRef.extend({ city: z.string().nullable(), stateCode: z.string().nullable() })) })
  .meta({ id: "OnlineRequestForwardTargets" });

export type CreateOnlineRequestRequest = z.infer<typeof createOnlineRequestRequest>;
export type CreateOnlineRequestInput = z.input<typeof createOnlineRequestRequest>;
export type CreateOnlineRequestResponse = z.infer<typeof createOnlineRequestResponse>;
export type OnlineRequestListQuery = z.infer<typeof onlineRequestListQuery>;
export type OnlineRequestSummary = z.infer<typeof onlineRequestSummarySchema>;
export type OnlineRequest = z.infer<typeof onlineRequestSchema>;
export type AcceptOnlineRequestRequest = z.infer<typeof acceptOnlineRequestRequest>;
export type AcceptOnlineRequestInput = z.input<typeof acceptOnlineRequestRequest>;
export type AcceptOnlineRequestResponse = z.infer<typeof acceptOnlineRequestResponse>;
export type ForwardOnlineRequestRequest = z.infer<typeof forwardOnlineRequestRequest>;
export type CloseOnlineRequestRequest = z.infer<typeof closeOnlineRequestRequest>;
export type ForwardTargets = z.infer<typeof forwardTargetListResponse>;
