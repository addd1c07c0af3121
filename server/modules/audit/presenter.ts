import type { AuditEvent } from "../../../common/contracts/audit.js";
import type { auditEvents } from "../../db/schema/index.js";

export function presentAuditEvent(row: typeof auditEvents.$inferSelect): AuditEvent {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    actorLabel: row.actorLabel,
    action: row.action,
    recordType: row.recordType,
    recordId: row.recordId,
    outcome: row.outcome as AuditEvent["outcome"],
    ip: row.ip,
    requestId: row.requestId,
    details: (row.details as Record<string, unknown> | null) ?? null,
  };
}
