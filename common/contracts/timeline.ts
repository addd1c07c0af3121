import { z } from "zod";
import { idSchema } from "./shared.js";

/**
 * One line of a client's timeline (client page): consultations, procedures, referrals, tasks and
 * consents in one list, newest first. Each module contributes its entries through its service
 * (`timelineEntries(tx, clientId)`); the clients module merges them in one audited read.
 * `at` is an ISO date or date-time; entries sort by it.
 */
const base = { id: idSchema, at: z.string() };

export const timelineEntrySchema = z.discriminatedUnion("type", [
  z.object({
    ...base,
    type: z.literal("consultation"),
    kind: z.string(),
    channel: z.string(),
    counselorName: z.string().nullable(),
    unitName: z.string().nullable(),
    referenceProfessionName: z.string().nullable(),
    durationMinutes: z.number().int().nullable(),
  }),
  z.object({
    ...base,
    type: z.literal("procedure"),
    referenceProfessionName: z.string(),
    competentAuthority: z.string(),
    outcome: z.string(),
    documentsMissing: z.number().int(),
  }),
  z.object({
    ...base,
    type: z.literal("referral"),
    targetName: z.string(),
    status: z.string(),
    overdue: z.boolean(),
  }),
  z.object({
    ...base,
    type: z.literal("task"),
    title: z.string(),
    done: z.boolean(),
    assigneeName: z.string().nullable(),
  }),
  z.object({
    ...base,
    type: z.literal("consent"),
    kind: z.string(),
    partnerName: z.string().nullable(),
    withdrawn: z.boolean(),
  }),
]);
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelineResponse = z.object({ items: z.array(timelineEntrySchema) }).meta({ id: "ClientTimeline" });
