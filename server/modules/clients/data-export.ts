import type { ClientExport } from "../../../common/contracts/client-lifecycle.js";
import { formatClientNumber } from "../../../common/domain/clients.js";
import type { RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { recordAuditEvent } from "../audit/service.js";
import { withClientAccess } from "./access.js";
import * as lifecycle from "./lifecycle-repository.js";
import { clientRecordKeepers } from "./record-keepers.js";
import * as repo from "./repository.js";

/** Dates as ISO strings, so the export reads the same in JSON and in the printed version. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}

/**
 * Auskunft nach Art. 15 DSGVO: everything Lotse stores about one client — the record, consents,
 * tasks, justified accesses by other sub-projects, and each module's records — as one document.
 * A read of the whole record: audited like any other.
 */
export async function exportClientData(ctx: AppContext, origin: RequestOrigin, id: string): Promise<ClientExport> {
  const now = ctx.clock.now();
  return withClientAccess(ctx.database.db, origin, id, now, { purpose: "change", action: "client.export" }, async (tx) => {
    const { row } = (await repo.findClient(tx, id))!;
    const { searchName: _derived, isDemo: _demo, ...client } = row;
    const records: Record<string, Record<string, unknown>[]> = {};
    for (const keeper of clientRecordKeepers()) records[keeper.module] = (await keeper.exportRecords(tx, id)).map(plain);
    await recordAuditEvent(tx, origin, { action: "client.export", outcome: "success", recordType: "client", recordId: id });
    return {
      exportedAt: now.toISOString(),
      client: plain({ ...client, number: formatClientNumber(row.number) }),
      consents: (await repo.listConsents(tx, id)).map(plain),
      tasks: (await lifecycle.listTasksForExport(tx, id)).map(plain),
      accessGrants: (await lifecycle.listAccessGrantsForExport(tx, id)).map(plain),
      records,
    };
  });
}
