import type { EraseClientResponse } from "../../../common/contracts/client-lifecycle.js";
import type { Executor } from "../../db/index.js";
import type { RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { recordAuditEvent } from "../audit/service.js";
import { withClientAccess } from "./access.js";
import * as lifecycle from "./lifecycle-repository.js";
import { canEraseClient } from "./policy.js";
import { clientRecordKeepers } from "./record-keepers.js";
import * as repo from "./repository.js";

/**
 * Removes the personal part of a client everywhere it is kept — names and contact here, tasks,
 * free texts in the other modules — and keeps the pseudonymous facts, so statistics of past
 * periods do not change. Runs inside the caller's transaction. A repeat changes nothing and
 * returns null (safe to retry).
 */
export async function erasePersonalData(tx: Executor, clientId: string, now: Date): Promise<Record<string, number> | null> {
  const erased = await lifecycle.erasePersonalPart(tx, clientId, now);
  if (!erased) return null;
  const changed: Record<string, number> = { clients: 1, tasks: await lifecycle.deleteTasks(tx, clientId) };
  for (const keeper of clientRecordKeepers()) changed[keeper.module] = await keeper.erasePersonalData(tx, clientId);
  return changed;
}

/** Löschung auf Antrag of the person, decided by the owning sub-project's lead. */
export async function eraseClient(ctx: AppContext, origin: RequestOrigin, id: string, version: number): Promise<EraseClientResponse> {
  const now = ctx.clock.now();
  return withClientAccess(
    ctx.database.db,
    origin,
    id,
    now,
    { purpose: "change", action: "client.erase", forUpdate: true },
    async (tx, access) => {
      if (!canEraseClient(origin.actor!, access)) throw new AppError("forbidden");
      const { row } = (await repo.findClient(tx, id))!;
      if (row.erasedAt) return { id, erasedAt: row.erasedAt.toISOString(), changed: {} };
      if (row.version !== version) throw new AppError("conflict", { extra: { currentVersion: row.version } });
      const changed = (await erasePersonalData(tx, id, now)) ?? {};
      // Counts only: what was erased must not come back through the audit trail.
      await recordAuditEvent(tx, origin, {
        action: "client.erase",
        outcome: "success",
        recordType: "client",
        recordId: id,
        details: { changed },
      });
      return { id, erasedAt: now.toISOString(), changed };
    },
  );
}
