import { z } from "zod";

export const auditOutcomes = ["success", "denied", "failure"] as const;

export const auditSearchQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().trim().min(1).max(254).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  recordType: z.string().trim().min(1).max(100).optional(),
  recordId: z.string().trim().min(1).max(100).optional(),
  outcome: z.enum(auditOutcomes).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const auditEventSchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.string(),
    actorUserId: z.string().nullable(),
    actorLabel: z.string().nullable(),
    action: z.string(),
    recordType: z.string().nullable(),
    recordId: z.string().nullable(),
    outcome: z.enum(auditOutcomes),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "AuditEvent" });

export const auditSearchResponse = z.object({ items: z.array(auditEventSchema), nextBefore: z.number().int().nullable() });
export type AuditEvent = z.infer<typeof auditEventSchema>;
