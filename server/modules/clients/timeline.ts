import type { TimelineEntry } from "../../../common/contracts/timeline.js";
import type { Executor } from "../../db/index.js";
import type { RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { recordAuditEvent } from "../audit/service.js";
import { unitNamesById } from "../directory/service.js";
import { withClientAccess } from "./access.js";
import { clientRecordKeepers } from "./record-keepers.js";
import * as repo from "./repository.js";
import { taskTimelineEntries } from "./tasks.js";

/** Longest timeline answered at once; a client with more contacts is an exception worth a look. */
const MAX_ENTRIES = 500;

/** Consents are this module's own lines; tasks come from tasks.ts. */
async function consentEntries(tx: Executor, clientId: string): Promise<TimelineEntry[]> {
  const consents = await repo.listConsents(tx, clientId);
  const partners = await unitNamesById(
    tx,
    consents.map((c) => c.partnerUnitId),
  );
  return consents.map((c) => ({
    type: "consent" as const,
    id: c.id,
    at: c.givenOn,
    kind: c.kind,
    partnerName: c.partnerUnitId ? (partners.get(c.partnerUnitId) ?? null) : null,
    withdrawn: c.withdrawnAt !== null,
  }));
}

/**
 * The client page's one timeline: consents and tasks from here, consultations, procedures and
 * referrals from their modules, newest first. One audited read of the whole record.
 */
export async function clientTimeline(ctx: AppContext, origin: RequestOrigin, id: string): Promise<TimelineEntry[]> {
  return withClientAccess(
    ctx.database.db,
    origin,
    id,
    ctx.clock.now(),
    { purpose: "read", action: "client.timeline_read" },
    async (tx, access) => {
      // Sequential on purpose: a transaction is one connection; parallel queries would only queue.
      const entries = [...(await consentEntries(tx, id)), ...(await taskTimelineEntries(tx, id))];
      for (const keeper of clientRecordKeepers()) entries.push(...(await keeper.timelineEntries(tx, id)));
      await recordAuditEvent(tx, origin, {
        action: "client.timeline_read",
        outcome: "success",
        recordType: "client",
        recordId: id,
        details: access.via === "break_glass" ? { via: "break_glass" } : undefined,
      });
      return entries.sort((a, b) => b.at.localeCompare(a.at) || a.type.localeCompare(b.type)).slice(0, MAX_ENTRIES);
    },
  );
}
