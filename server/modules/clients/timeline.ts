import type { TimelineEntry } from "../../../common/contracts/timeline.js";
import type { Executor } from "../../db/index.js";
import type { RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { recordAuditEvent } from "../audit/service.js";
import { getUnitRefs } from "../directory/service.js";
import { displayNames } from "../identity/names.js";
import { withClientAccess } from "./access.js";
import * as lifecycle from "./lifecycle-repository.js";
import { clientRecordKeepers } from "./record-keepers.js";
import * as repo from "./repository.js";

/** Longest timeline answered at once; a client with more contacts is an exception worth a look. */
const MAX_ENTRIES = 500;

async function ownEntries(tx: Executor, clientId: string): Promise<TimelineEntry[]> {
  const consents = await repo.listConsents(tx, clientId);
  const tasks = await lifecycle.listTasksForExport(tx, clientId);
  const units = await getUnitRefs(tx, [...new Set(consents.map((c) => c.partnerUnitId).filter((id): id is string => Boolean(id)))]);
  const people = await displayNames(
    tx,
    tasks.map((t) => t.assigneeId),
  );
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return [
    ...consents.map(
      (c): TimelineEntry => ({
        type: "consent",
        id: c.id,
        at: c.givenOn,
        kind: c.kind,
        partnerName: c.partnerUnitId ? (unitName.get(c.partnerUnitId) ?? null) : null,
        withdrawn: c.withdrawnAt !== null,
      }),
    ),
    ...tasks.map(
      (t): TimelineEntry => ({
        type: "task",
        id: t.id,
        at: t.dueOn,
        title: t.title,
        done: t.doneAt !== null,
        assigneeName: people.get(t.assigneeId) ?? null,
      }),
    ),
  ];
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
      const entries = await ownEntries(tx, id);
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
