import { z } from "zod";
import {
  consultationChannels,
  consultationKinds,
  consultationTopics,
  employerSectors,
  fiReasons,
  supportRequestStatuses,
} from "../domain/consultations.js";
import { professionalFields } from "../domain/reference-professions.js";
import { idSchema, isoDate, languageCode, optionalText, text } from "./shared.js";

export const referenceProfessionQuery = z.object({
  q: z.string().trim().max(100).optional(),
  field: z.enum(professionalFields).optional(),
  regulated: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  includeInactive: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .default(false),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const createReferenceProfessionRequest = z
  .object({
    name: text(150),
    formerNames: z.array(text(150)).max(5).default([]),
    regulated: z.boolean(),
    professionalField: z.enum(professionalFields),
    qualificationKind: z.enum(["academic", "vocational"]),
  })
  .meta({ id: "CreateReferenceProfessionRequest" });

export const updateReferenceProfessionRequest = createReferenceProfessionRequest
  .partial()
  .extend({ active: z.boolean().optional() })
  .meta({ id: "UpdateReferenceProfessionRequest" });

export const referenceProfessionSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    formerNames: z.array(z.string()),
    regulated: z.boolean(),
    professionalField: z.enum(professionalFields),
    qualificationKind: z.enum(["academic", "vocational"]),
    active: z.boolean(),
  })
  .meta({ id: "ReferenceProfession" });

export const referenceProfessionListResponse = z
  .object({ items: z.array(referenceProfessionSchema) })
  .meta({ id: "ReferenceProfessionList" });

export type ReferenceProfessionQuery = z.infer<typeof referenceProfessionQuery>;
export type CreateReferenceProfessionRequest = z.infer<typeof createReferenceProfessionRequest>;
export type UpdateReferenceProfessionRequest = z.infer<typeof updateReferenceProfessionRequest>;
export type ReferenceProfession = z.infer<typeof referenceProfessionSchema>;

// --- consultations ---------------------------------------------------------------------------

/** Every field of a consultation the counselor records; shared by create (with defaults) and update. */
const consultationFields = {
  kind: z.enum(consultationKinds),
  date: isoDate,
  /** The sub-project that counselled; defaults to the caller's only one (or the client's). */
  unitId: idSchema,
  siteId: idSchema.nullable(),
  channel: z.enum(consultationChannels),
  languages: z.array(languageCode).max(10),
  interpreter: z.boolean(),
  durationMinutes: z.number().int().min(1).max(1440).nullable(),
  // recognition & qualification counseling
  referenceProfessionId: idSchema.nullable(),
  topics: z.array(z.enum(consultationTopics)).max(consultationTopics.length),
  nextSteps: optionalText(2000),
  // Faire Integration
  fiReasons: z.array(z.enum(fiReasons)).max(fiReasons.length),
  fiReasonOther: optionalText(500),
  employerSector: z.enum(employerSectors).nullable(),
};

/**
 * Records a contact. Only `clientId` and `date` are needed: without `kind` the server decides
 * (first consultation when the client has none in the funding period, else follow-up).
 */
export const createConsultationRequest = z
  .object({
    clientId: idSchema,
    ...consultationFields,
    kind: consultationFields.kind.optional(),
    unitId: consultationFields.unitId.optional(),
    siteId: consultationFields.siteId.optional(),
    channel: consultationFields.channel.default("in_person"),
    languages: consultationFields.languages.default([]),
    interpreter: consultationFields.interpreter.default(false),
    durationMinutes: consultationFields.durationMinutes.optional(),
    referenceProfessionId: consultationFields.referenceProfessionId.optional(),
    topics: consultationFields.topics.default([]),
    fiReasons: consultationFields.fiReasons.default([]),
    employerSector: consultationFields.employerSector.optional(),
  })
  .meta({ id: "CreateConsultationRequest" });

/** Only the fields sent change; the rules are checked again on the result. */
export const updateConsultationRequest = z
  .object(consultationFields)
  .partial()
  .extend({ version: z.number().int().min(1) })
  .meta({ id: "UpdateConsultationRequest" });

export const clientIdQuery = z.object({ clientId: idSchema });

export const supportRequestSchema = z
  .object({
    id: idSchema,
    status: z.enum(supportRequestStatuses),
    question: z.string(),
    askedAt: z.string(),
    answer: z.string().nullable(),
    answeredAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "SupportRequest" });

const ref = z.object({ id: idSchema, name: z.string() });
const professionRef = z.object({ id: idSchema, name: z.string(), regulated: z.boolean() });

export const consultationAbilitiesSchema = z
  .object({ update: z.boolean(), requestSupport: z.boolean() })
  .meta({ id: "ConsultationAbilities" });

export const consultationSchema = z
  .object({
    id: idSchema,
    clientId: idSchema,
    kind: z.enum(consultationKinds),
    date: z.string(),
    fundingPeriod: z.string(),
    counselorId: idSchema,
    counselorName: z.string().nullable(),
    unitId: idSchema,
    unitName: z.string().nullable(),
    siteId: idSchema.nullable(),
    siteName: z.string().nullable(),
    channel: z.enum(consultationChannels),
    languages: z.array(z.string()),
    interpreter: z.boolean(),
    durationMinutes: z.number().int().nullable(),
    referenceProfession: professionRef.nullable(),
    topics: z.array(z.enum(consultationTopics)),
    nextSteps: z.string().nullable(),
    fiReasons: z.array(z.enum(fiReasons)),
    fiReasonOther: z.string().nullable(),
    employerSector: z.enum(employerSectors).nullable(),
    supportRequests: z.array(supportRequestSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    abilities: consultationAbilitiesSchema,
  })
  .meta({ id: "Consultation" });

export const consultationListResponse = z.object({ items: z.array(consultationSchema) }).meta({ id: "ConsultationList" });

/** Prefill for the recording form: the caller's last-used values and the kind the server would pick today. */
export const consultationDefaultsSchema = z
  .object({
    unitId: idSchema.nullable(),
    siteId: idSchema.nullable(),
    channel: z.enum(consultationChannels),
    languages: z.array(z.string()),
    interpreter: z.boolean(),
    durationMinutes: z.number().int().nullable(),
    date: z.string(),
    fundingPeriod: z.string().nullable(),
    kind: z.enum(consultationKinds).nullable(),
    firstConsultation: z.object({ id: idSchema, date: z.string() }).nullable(),
    referenceProfession: professionRef.nullable(),
  })
  .meta({ id: "ConsultationDefaults" });

// --- second-level support (Faire Integration) ------------------------------------------------

export const createSupportRequestRequest = z.object({ question: text(4000) }).meta({ id: "CreateSupportRequestRequest" });

export const answerSupportRequestRequest = z
  .object({ answer: text(8000), version: z.number().int().min(1) })
  .meta({ id: "AnswerSupportRequestRequest" });

export const supportQueueQuery = z.object({
  status: z.enum(supportRequestStatuses).default("open"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** What the support team sees of a case: the legal matter, never the person. */
export const supportQueueItemSchema = supportRequestSchema
  .extend({
    consultationDate: z.string(),
    fiReasons: z.array(z.enum(fiReasons)),
    fiReasonOther: z.string().nullable(),
    employerSector: z.enum(employerSectors).nullable(),
    stateNetwork: ref.nullable(),
  })
  .meta({ id: "SupportQueueItem" });

export const supportQueueResponse = z.object({ items: z.array(supportQueueItemSchema) }).meta({ id: "SupportQueue" });

// --- group information events ----------------------------------------------------------------

const groupEventFields = {
  unitId: idSchema,
  siteId: idSchema.nullable(),
  date: isoDate,
  title: text(200),
  channel: z.enum(consultationChannels),
  languages: z.array(languageCode).max(10),
  participants: z.number().int().min(1).max(10000),
  /** Of the participants, how many have a refugee background (null: not counted). */
  refugeeParticipants: z.number().int().min(0).max(10000).nullable(),
};

const refugeesWithinParticipants = (e: { participants?: number; refugeeParticipants?: number | null }) =>
  e.participants === undefined || e.refugeeParticipants == null || e.refugeeParticipants <= e.participants;
const refugeeMessage = { path: ["refugeeParticipants"], message: "Höchstens so viele wie Teilnehmende insgesamt" };

/** Participants are counted, never named: no client ids here. */
export const createGroupEventRequest = z
  .object({
    ...groupEventFields,
    unitId: groupEventFields.unitId.optional(),
    siteId: groupEventFields.siteId.optional(),
    channel: groupEventFields.channel.default("in_person"),
    languages: groupEventFields.languages.default([]),
    refugeeParticipants: groupEventFields.refugeeParticipants.optional(),
  })
  .refine(refugeesWithinParticipants, refugeeMessage)
  .meta({ id: "CreateGroupEventRequest" });

export const updateGroupEventRequest = z
  .object(groupEventFields)
  .omit({ unitId: true })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .refine(refugeesWithinParticipants, refugeeMessage)
  .meta({ id: "UpdateGroupEventRequest" });

export const groupEventQuery = z.object({
  /** The unit whose subtree is listed (a sub-project, or a state network for its coordination). */
  unitId: idSchema,
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const groupEventSchema = z
  .object({
    id: idSchema,
    unitId: idSchema,
    unitName: z.string().nullable(),
    siteId: idSchema.nullable(),
    siteName: z.string().nullable(),
    date: z.string(),
    title: z.string(),
    channel: z.enum(consultationChannels),
    languages: z.array(z.string()),
    participants: z.number().int(),
    refugeeParticipants: z.number().int().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: "GroupEvent" });

export const groupEventListResponse = z.object({ items: z.array(groupEventSchema) }).meta({ id: "GroupEventList" });

export type CreateConsultationRequest = z.infer<typeof createConsultationRequest>;
export type UpdateConsultationRequest = z.infer<typeof updateConsultationRequest>;
export type Consultation = z.infer<typeof consultationSchema>;
export type ConsultationAbilities = z.infer<typeof consultationAbilitiesSchema>;
export type ConsultationDefaults = z.infer<typeof consultationDefaultsSchema>;
export type SupportRequest = z.infer<typeof supportRequestSchema>;
export type SupportQueueQuery = z.infer<typeof supportQueueQuery>;
export type SupportQueueItem = z.infer<typeof supportQueueItemSchema>;
export type CreateGroupEventRequest = z.infer<typeof createGroupEventRequest>;
export type UpdateGroupEventRequest = z.infer<typeof updateGroupEventRequest>;
export type GroupEventQuery = z.infer<typeof groupEventQuery>;
export type GroupEvent = z.infer<typeof groupEventSchema>;
