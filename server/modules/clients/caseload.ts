import type {
  AssignClientRequest,
  CaseloadEntry,
  CaseloadQuery,
  CaseloadReassignment,
  ClientAssignment,
  ReassignCaseloadRequest,
} from "../../../common/contracts/casework.js";
import type { RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { ensure } from "../../platform/policy.js";
import { recordAuditEvent } from "../audit/service.js";
import { berlinToday, getUnitRef, getUnitRefs } from "../directory/service.js";
import { listStaffCovering } from "../identity/user-repository.js";
import { withClientAccess } from "./access.js";
import * as loads from "./caseload-repository.js";
import { CASEWORK_ROLES, canSeeCaseloadOf, leadsUnit } from "./policy.js";
import * as clientsRepo from "./repository.js";
import { caseworkerAt, staffNames } from "./tasks.js";
import * as tasksRepo from "./tasks-repository.js";

/** The caseload (Fallbestand): whose clients a counselor looks after, and moving them (Umverteilung). */

/**
 * Puts one client into a counselor's caseload (anyone doing casework in the owning sub-project);
 * the previous counselor's open tasks on the client go along.
 */
export async function assignClient(
  ctx: AppContext,
  origin: RequestOrigin,
  clientId: string,
  input: AssignClientRequest,
): Promise<ClientAssignment> {
  const now = ctx.clock.now();
  const options = { purpose: "change", action: "client.assign", forUpdate: true } as const;
  return withClientAccess(ctx.database.db, origin, clientId, now, options, async (tx, access) => {
    const { row } = (await clientsRepo.findClient(tx, clientId))!;
    if (row.version !== input.version) throw new AppError("conflict", { extra: { currentVersion: row.version } });
    const counselor = await caseworkerAt(tx, access.unitPath, input.counselorId, "counselorId");
    const updated = await loads.setCounselor(tx, clientId, input.version, counselor.id, now);
    if (!updated) throw new AppError("conflict");
    const previous = row.counselorId;
    const tasksMoved = previous && previous !== counselor.id ? await tasksRepo.moveOpenTasks(tx, { clientId }, previous, counselor.id) : 0;
    await recordAuditEvent(tx, origin, {
      action: "client.assign",
      outcome: "success",
      recordType: "client",
      recordId: clientId,
      details: { counselorId: counselor.id, previousCounselorId: previous, tasksMoved },
    });
    return { clientId, counselor: { id: counselor.id, name: counselor.displayName }, version: updated.version, tasksMoved };
  });
}

/**
 * Counts per sub-project and counselor (no client names): a lead sees the sub-projects they lead,
 * with every counselor there (also those without clients); a counselor sees their own.
 */
export async function getCaseload(ctx: AppContext, origin: RequestOrigin, query: CaseloadQuery): Promise<CaseloadEntry[]> {
  const actor = origin.actor!;
  const leadGrants = actor.grants.filter((g) => g.role === "sub_project_lead");
  const own = query.counselorId === actor.userId || (!query.counselorId && leadGrants.length === 0);
  const counselorId = own ? actor.userId : query.counselorId;
  ensure(canSeeCaseloadOf(actor, counselorId));
  const scope = own ? actor.grants.filter((g) => CASEWORK_ROLES.includes(g.role)) : leadGrants;
  const scopeUnits = [...new Map(scope.map((g) => [g.unitId, g.unitPath])).entries()];
  const db = ctx.database.db;
  const counts = await loads.caseloadCounts(db, { paths: scopeUnits.map(([, path]) => path), counselorId, today: berlinToday(ctx) });
  const key = (unitId: string, userId: string | null) => `${unitId}:${userId ?? ""}`;
  const entries = new Map(counts.map((c) => [key(c.unit_id, c.counselor_id), c]));
  // Counselors without a single client or task belong on the list too: they can take some.
  for (const [unitId, path] of scopeUnits) {
    for (const staff of await listStaffCovering(db, path, ["counselor"], counselorId ? [counselorId] : undefined)) {
      const k = key(unitId, staff.id);
      if (!entries.has(k)) entries.set(k, { unit_id: unitId, counselor_id: staff.id, clients: 0, open_tasks: 0, overdue_tasks: 0 });
    }
  }
  const rows = [...entries.values()];
  const units = new Map((await getUnitRefs(db, [...new Set(rows.map((r) => r.unit_id))])).map((u) => [u.id, u.name]));
  const names = await staffNames(
    db,
    rows.flatMap((r) => (r.counselor_id ? [r.counselor_id] : [])),
  );
  return rows
    .map((r) => ({
      unit: { id: r.unit_id, name: units.get(r.unit_id) ?? "?" },
      counselor: r.counselor_id ? { id: r.counselor_id, name: names.get(r.counselor_id) ?? "?" } : null,
      clients: Number(r.clients),
      openTasks: Number(r.open_tasks),
      overdueTasks: Number(r.overdue_tasks),
    }))
    .sort(
      (a, b) =>
        a.unit.name.localeCompare(b.unit.name, "de") ||
        Number(a.counselor === null) - Number(b.counselor === null) ||
        (a.counselor?.name ?? "").localeCompare(b.counselor?.name ?? "", "de"),
    );
}

/**
 * A counselor leaves: every client of the unit in their caseload and their open tasks there move
 * to a colleague, in one transaction with one audit entry. Safe to repeat (then nothing moves).
 */
export async function reassignCaseload(
  ctx: AppContext,
  origin: RequestOrigin,
  input: ReassignCaseloadRequest,
): Promise<CaseloadReassignment> {
  const actor = origin.actor!;
  ensure(actor.grants.some((g) => g.role === "sub_project_lead"));
  return ctx.database.db.transaction(async (tx) => {
    const unit = await getUnitRef(tx, input.unitId);
    if (!unit) throw invalidField("unitId", "not_found", "Dieses Teilprojekt gibt es nicht");
    ensure(leadsUnit(actor, unit.path));
    await caseworkerAt(tx, unit.path, input.toCounselorId, "toCounselorId");
    const clientIds = await loads.moveUnitCaseload(tx, unit.id, input.fromCounselorId, input.toCounselorId, ctx.clock.now());
    const tasks = await tasksRepo.moveOpenTasks(tx, { unitId: unit.id }, input.fromCounselorId, input.toCounselorId);
    await recordAuditEvent(tx, origin, {
      action: "caseload.reassign",
      outcome: "success",
      recordType: "unit",
      recordId: unit.id,
      details: { fromCounselorId: input.fromCounselorId, toCounselorId: input.toCounselorId, clients: clientIds.length, tasks, clientIds },
    });
    return { clients: clientIds.length, tasks, clientIds };
  });
}
