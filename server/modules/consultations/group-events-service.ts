import type {
  CreateGroupEventRequest,
  GroupEvent,
  GroupEventQuery,
  UpdateGroupEventRequest,
} from "../../../common/contracts/consultations.js";
import type { Executor } from "../../db/index.js";
import type { Actor, RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, fieldError } from "../../platform/errors.js";
import { authorize, ensure } from "../../platform/policy.js";
import { recordAuditEvent } from "../audit/service.js";
import { berlinToday, getUnitRef } from "../directory/service.js";
import * as repo from "./group-events-repository.js";
import { unitsById } from "./names.js";
import { canCounselIn, canReadGroupEventsOf, caseworkUnitIds, doesCasework } from "./policy.js";
import { presentGroupEvent } from "./presenter.js";
import { dateErrors } from "./rules.js";
import { counselingUnit, siteErrors } from "./service.js";

const RECORD = "group_event";

/**
 * Gruppeninformationsveranstaltungen: counted, never named. No client is involved, so no client
 * access check; the sub-project's casework roles record them (see policy.ts for who reads).
 */

async function present(exec: Executor, actor: Actor, rows: repo.GroupEventRow[]): Promise<GroupEvent[]> {
  const units = await unitsById(
    exec,
    rows.flatMap((r) => [r.unitId, r.siteId]),
  );
  return rows.map((row) => {
    const unit = units.get(row.unitId);
    return presentGroupEvent(row, units, { update: unit ? canCounselIn(actor, unit) : false });
  });
}

export async function createGroupEvent(ctx: AppContext, origin: RequestOrigin, input: CreateGroupEventRequest): Promise<GroupEvent> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  return ctx.database.db.transaction(async (tx) => {
    const own = caseworkUnitIds(actor);
    const unit = await counselingUnit(ctx, tx, actor, input.unitId ?? (own.length === 1 ? own[0] : undefined));
    const errors = [
      ...dateErrors(input.date, berlinToday(ctx), ctx.config.fundingPeriods),
      ...(await siteErrors(ctx, tx, unit, input.siteId ?? null)),
    ];
    if (errors.length) throw new AppError("validation_failed", { errors });
    const row = await repo.insertGroupEvent(tx, {
      unitId: unit.id,
      siteId: input.siteId ?? null,
      date: input.date,
      title: input.title,
      channel: input.channel,
      languages: [...new Set(input.languages)],
      participants: input.participants,
      refugeeParticipants: input.refugeeParticipants ?? null,
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
    });
    await recordAuditEvent(tx, origin, {
      action: "group_event.create",
      outcome: "success",
      recordType: RECORD,
      recordId: row.id,
      details: { unitId: unit.id },
    });
    return (await present(tx, actor, [row]))[0]!;
  });
}

/** The group events of a unit's subtree (a sub-project, or a state network for its coordination). */
export async function listGroupEvents(ctx: AppContext, origin: RequestOrigin, query: GroupEventQuery): Promise<GroupEvent[]> {
  const actor = origin.actor!;
  const { db } = ctx.database;
  const unit = await getUnitRef(db, query.unitId);
  ensure(unit !== null && canReadGroupEventsOf(actor, unit.path));
  const rows = await repo.listGroupEvents(db, { path: unit!.path, from: query.from, to: query.to, limit: query.limit });
  return present(db, actor, rows);
}

export async function updateGroupEvent(
  ctx: AppContext,
  origin: RequestOrigin,
  id: string,
  input: UpdateGroupEventRequest,
): Promise<GroupEvent> {
  const actor = origin.actor!;
  return ctx.database.db.transaction(async (tx) => {
    const row = await repo.findGroupEvent(tx, id, { forUpdate: true });
    const unit = row ? await getUnitRef(tx, row.unitId) : null;
    authorize({
      visible: row !== null && unit !== null && canReadGroupEventsOf(actor, unit.path),
      allowed: unit !== null && canCounselIn(actor, unit),
    });
    if (row!.version !== input.version) throw new AppError("conflict", { extra: { currentVersion: row!.version } });
    const { version, ...changes } = input;
    const participants = changes.participants ?? row!.participants;
    const refugees = changes.refugeeParticipants !== undefined ? changes.refugeeParticipants : row!.refugeeParticipants;
    const errors = [
      ...(changes.date && changes.date !== row!.date ? dateErrors(changes.date, berlinToday(ctx), ctx.config.fundingPeriods) : []),
      ...(changes.siteId !== undefined && changes.siteId !== row!.siteId ? await siteErrors(ctx, tx, unit!, changes.siteId) : []),
      ...(refugees !== null && refugees > participants
        ? [fieldError("refugeeParticipants", "too_many", "Höchstens so viele wie Teilnehmende insgesamt")]
        : []),
    ];
    if (errors.length) throw new AppError("validation_failed", { errors });
    const updated = await repo.updateGroupEvent(tx, id, version, {
      ...changes,
      ...(changes.languages ? { languages: [...new Set(changes.languages)] } : {}),
    });
    if (!updated) throw new AppError("conflict");
    await recordAuditEvent(tx, origin, {
      action: "group_event.update",
      outcome: "success",
      recordType: RECORD,
      recordId: id,
      details: { unitId: row!.unitId, fields: Object.keys(changes).sort() },
    });
    return (await present(tx, actor, [updated]))[0]!;
  });
}
