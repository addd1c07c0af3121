import type { z } from "zod";
import type {
  createSavedQueryRequest,
  SavedQuery,
  SavedQueryList,
  SavedQuerySharing,
  SavedReportQuery,
  updateSavedQueryRequest,
} from "../../../common/contracts/monitoring.js";
import type { Executor } from "../../db/index.js";
import type { Actor, RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, fieldError } from "../../platform/errors.js";
import { authorize, ensure } from "../../platform/policy.js";
import { recordAuditEvent } from "../audit/service.js";
import { getUnitRefs, type UnitRef } from "../directory/service.js";
import { displayNames } from "../identity/names.js";
import { canManageQuery, canSeeQuery, inNationalTeam, readsStatistics, type SavedQueryAccess, shareScopeFor } from "./policy.js";
import * as repo from "./saved-queries-repository.js";
import { checkReportQuery } from "./service.js";

/**
 * Sonderanfragen: report queries saved by name, private or shared (policy.ts). A saved query
 * holds parameters, never figures; running it is GET /api/monitoring/report with them, under the
 * caller's own scope and the same disclosure control. Changes are audited.
 */

const RECORD = "monitoring_saved_query";

type CreateInput = z.output<typeof createSavedQueryRequest>;
type UpdateInput = z.output<typeof updateSavedQueryRequest>;

type Loaded = { row: repo.SavedQueryRow; access: SavedQueryAccess; shareUnit: UnitRef | null };

/** The rows with their share units resolved through the directory (paths may move). */
async function load(exec: Executor, rows: repo.SavedQueryRow[]): Promise<Loaded[]> {
  const units = await getUnitRefs(exec, [...new Set(rows.flatMap((r) => (r.shareUnitId ? [r.shareUnitId] : [])))]);
  const byId = new Map(units.map((u) => [u.id, u]));
  return rows.map((row) => {
    const shareUnit = row.shareUnitId ? (byId.get(row.shareUnitId) ?? null) : null;
    return {
      row,
      shareUnit,
      access: { ownerId: row.ownerId, sharing: row.sharing as SavedQuerySharing, shareUnitPath: shareUnit?.path ?? null },
    };
  });
}

async function loadOne(exec: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<Loaded> {
  const row = await repo.findSavedQuery(exec, id, options);
  if (!row) throw new AppError("not_found");
  return (await load(exec, [row]))[0]!;
}

async function present(exec: Executor, actor: Actor, items: Loaded[]): Promise<SavedQuery[]> {
  const owners = await displayNames(
    exec,
    items.map((i) => i.row.ownerId),
  );
  return items.map(({ row, access, shareUnit }) => {
    const manage = canManageQuery(actor, access);
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      query: row.query as SavedReportQuery,
      owner: { id: row.ownerId, name: owners.get(row.ownerId) ?? "?" },
      own: row.ownerId === actor.userId,
      sharing: access.sharing,
      shareUnit: shareUnit ? { id: shareUnit.id, name: shareUnit.name } : null,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      abilities: { update: manage, delete: manage },
    };
  });
}

/**
 * The engine's own check of the query (unit, measure, breakdowns, period, filters), with field
 * errors named as in this API's body (`query.by2`). An unknown unit is a bad field here, not 404.
 */
async function checkQuery(ctx: AppContext, actor: Actor, query: SavedReportQuery): Promise<UnitRef> {
  try {
    return await checkReportQuery(ctx, actor, query);
  } catch (error) {
    if (error instanceof AppError && error.options.errors?.length) {
      const errors = error.options.errors.map((e) => fieldError(`query.${e.field}`, e.code, e.message));
      throw new AppError(error.code === "not_found" ? "validation_failed" : error.code, { ...error.options, errors });
    }
    throw error;
  }
}

/** Where a query shared with `unit` is seen: the owner's statistics scope holding its unit. */
function shareUnitFor(actor: Actor, sharing: SavedQuerySharing, unit: UnitRef): string | null {
  if (sharing !== "unit") return null;
  const scope = shareScopeFor(actor, unit.path);
  if (!scope) throw new AppError("forbidden");
  return scope.unitId;
}

export async function listSavedQueries(ctx: AppContext, actor: Actor): Promise<SavedQueryList> {
  ensure(readsStatistics(actor));
  const exec = ctx.database.db;
  const rows = await repo.listSavedQueryCandidates(exec, actor.userId, inNationalTeam(actor));
  const visible = (await load(exec, rows)).filter((i) => canSeeQuery(actor, i.access));
  return { items: await present(exec, actor, visible) };
}

export async function getSavedQuery(ctx: AppContext, actor: Actor, id: string): Promise<SavedQuery> {
  ensure(readsStatistics(actor));
  const exec = ctx.database.db;
  const item = await loadOne(exec, id);
  authorize({ visible: canSeeQuery(actor, item.access), allowed: true });
  return (await present(exec, actor, [item]))[0]!;
}

export async function createSavedQuery(ctx: AppContext, origin: RequestOrigin, input: CreateInput): Promise<SavedQuery> {
  const actor = origin.actor!;
  ensure(readsStatistics(actor));
  const unit = await checkQuery(ctx, actor, input.query);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await repo.insertSavedQuery(tx, {
      name: input.name,
      description: input.description ?? null,
      query: input.query,
      ownerId: actor.userId,
      sharing: input.sharing,
      shareUnitId: shareUnitFor(actor, input.sharing, unit),
      createdAt: now,
      updatedAt: now,
    });
    await recordAuditEvent(tx, origin, {
      action: "monitoring.query.create",
      outcome: "success",
      recordType: RECORD,
      recordId: row.id,
      details: { sharing: row.sharing, measure: input.query.measure },
    });
    return (await present(tx, actor, await load(tx, [row])))[0]!;
  });
}

/**
 * Changes name, description, query or sharing at the expected version. Only the owner changes
 * the sharing (it is bound to their scope); the monitoring team may curate shared ones.
 */
export async function updateSavedQuery(ctx: AppContext, origin: RequestOrigin, id: string, input: UpdateInput): Promise<SavedQuery> {
  const actor = origin.actor!;
  ensure(readsStatistics(actor));
  const now = ctx.clock.now();
  // The engine's check reads the directory outside the transaction (PGlite has one connection);
  // a change in between shows as a version conflict below.
  const before = await loadOne(ctx.database.db, id);
  authorize({ visible: canSeeQuery(actor, before.access), allowed: canManageQuery(actor, before.access) });
  const rechecked = input.query !== undefined || input.sharing !== undefined;
  const unit = rechecked ? await checkQuery(ctx, actor, input.query ?? (before.row.query as SavedReportQuery)) : null;
  return ctx.database.db.transaction(async (tx) => {
    const item = await loadOne(tx, id, { forUpdate: true });
    authorize({ visible: canSeeQuery(actor, item.access), allowed: canManageQuery(actor, item.access) });
    const { row } = item;
    if (row.version !== input.version) throw new AppError("conflict", { extra: { currentVersion: row.version } });
    const sharing = input.sharing ?? item.access.sharing;
    if (sharing !== item.access.sharing && row.ownerId !== actor.userId) throw new AppError("forbidden");
    const changes: Partial<repo.SavedQueryInsert> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.description !== undefined) changes.description = input.description;
    if (input.query !== undefined) changes.query = input.query;
    if (unit) {
      changes.sharing = sharing;
      // The owner's scope decides the subtree; a curator's edit keeps the owner's share unit.
      changes.shareUnitId = row.ownerId === actor.userId ? shareUnitFor(actor, sharing, unit) : row.shareUnitId;
    }
    const updated = await repo.updateSavedQuery(tx, id, row.version, changes, now);
    if (!updated) throw new AppError("conflict");
    await recordAuditEvent(tx, origin, {
      action: "monitoring.query.update",
      outcome: "success",
      recordType: RECORD,
      recordId: id,
      details: {
        fields: Object.keys(input)
          .filter((k) => k !== "version")
          .sort(),
        sharing,
      },
    });
    return (await present(tx, actor, await load(tx, [updated])))[0]!;
  });
}

export async function deleteSavedQuery(ctx: AppContext, origin: RequestOrigin, id: string): Promise<void> {
  const actor = origin.actor!;
  ensure(readsStatistics(actor));
  await ctx.database.db.transaction(async (tx) => {
    const item = await loadOne(tx, id, { forUpdate: true });
    authorize({ visible: canSeeQuery(actor, item.access), allowed: canManageQuery(actor, item.access) });
    await repo.deleteSavedQuery(tx, id);
    await recordAuditEvent(tx, origin, {
      action: "monitoring.query.delete",
      outcome: "success",
      recordType: RECORD,
      recordId: id,
      details: { sharing: item.access.sharing, ownerId: item.row.ownerId },
    });
  });
}
