import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "../../db/index.js";
import { clientAccessGrants } from "../../db/schema/index.js";
import type { RequestOrigin } from "../../platform/actor.js";
import { AppError } from "../../platform/errors.js";
import { recordAuditEvent } from "../audit/service.js";
import { canReadClient, worksInStateNetworkOf } from "./policy.js";
import * as repo from "./repository.js";

/** How the actor came to work on a client: their own sub-project, or a justified access. */
export type ClientAccess = {
  clientId: string;
  /** The owning sub-project. */
  unitId: string;
  unitPath: string;
  via: "casework" | "break_glass";
  /** Null while the personal part exists; set after erasure (no new casework then). */
  erasedAt: Date | null;
};

/** An unexpired, unrevoked break-the-glass grant of this user on this client. */
export async function hasActiveAccessGrant(exec: Executor, userId: string, clientId: string, now: Date): Promise<boolean> {
  const [row] = await exec
    .select({ id: clientAccessGrants.id })
    .from(clientAccessGrants)
    .where(
      and(
        eq(clientAccessGrants.userId, userId),
        eq(clientAccessGrants.clientId, clientId),
        gt(clientAccessGrants.expiresAt, now),
        isNull(clientAccessGrants.revokedAt),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export type AccessOptions = {
  purpose: "read" | "change";
  /** Audit action of a refusal, e.g. "consultation.create". */
  action: string;
  /** Lock the client row until the transaction ends (serialises changes to one client). */
  forUpdate?: boolean;
};

/** Whether the actor does casework in the state network of the unit path (break-the-glass is possible). */
export function inSameStateNetwork(actor: NonNullable<RequestOrigin["actor"]>, unitPath: string): boolean {
  return worksInStateNetworkOf(actor, unitPath);
}

/**
 * For every module that keeps records about a client (consultations, procedures, referrals,
 * tasks): the client the actor may work on, inside the caller's transaction. A refusal is
 * audited here and returned, not thrown, so that the caller can commit the audit event before
 * answering (see `withClientAccess`); a success is audited by the caller with its own action.
 *
 * `purpose: "read"` accepts a break-the-glass grant; `"change"` needs casework in the owning
 * sub-project (a justified access is for looking, not for keeping someone else's file).
 * Outside the actor's reach the answer is 404, or 403 when the actor does casework in the same
 * state network (a break-the-glass access would be possible).
 */
export async function checkClientAccess(
  tx: Executor,
  origin: RequestOrigin,
  clientId: string,
  now: Date,
  options: AccessOptions,
): Promise<ClientAccess | AppError> {
  const actor = origin.actor;
  if (!actor) return new AppError("unauthenticated");
  const found = await repo.findClientAccessFacts(tx, clientId, { forUpdate: options.forUpdate });
  if (!found?.unitPath || found.mergedIntoId) return new AppError("not_found");
  const { unitId, unitPath, erasedAt } = found;
  const base = { clientId, unitId, unitPath, erasedAt };
  if (canReadClient(actor, { unitPath })) return { ...base, via: "casework" };
  const granted = await hasActiveAccessGrant(tx, actor.userId, clientId, now);
  if (granted && options.purpose === "read") return { ...base, via: "break_glass" };
  await recordAuditEvent(tx, origin, { action: options.action, outcome: "denied", recordType: "client", recordId: clientId });
  return new AppError(granted || inSameStateNetwork(actor, unitPath) ? "forbidden" : "not_found");
}

/**
 * Runs `work` in a transaction once the actor's access to the client is established. A refusal
 * commits its audit event and then throws; any error inside `work` rolls everything back.
 */
export async function withClientAccess<T>(
  db: Executor,
  origin: RequestOrigin,
  clientId: string,
  now: Date,
  options: AccessOptions,
  work: (tx: Executor, access: ClientAccess) => Promise<T>,
): Promise<T> {
  const outcome = await db.transaction(async (tx) => {
    const access = await checkClientAccess(tx, origin, clientId, now, options);
    if (access instanceof AppError) return { refused: access };
    return { value: await work(tx, access) };
  });
  if ("refused" in outcome) throw outcome.refused;
  return outcome.value as T;
}
