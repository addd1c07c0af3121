import { randomUUID } from "node:crypto";
import type {
  Consultation,
  ConsultationDefaults,
  CreateConsultationRequest,
  UpdateConsultationRequest,
} from "../../../common/contracts/consultations.js";
import type { TimelineEntry } from "../../../common/contracts/timeline.js";
import type { ConsultationChannel, ConsultationKind } from "../../../common/domain/consultations.js";
import { fundingPeriodOf } from "../../../common/domain/funding-periods.js";
import type { Executor } from "../../db/index.js";
import type { Actor, RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, type FieldError, fieldError } from "../../platform/errors.js";
import { ensure } from "../../platform/policy.js";
import { recordAuditEvent } from "../audit/service.js";
import { type ClientAccess, recordContact, withClientAccess } from "../clients/service.js";
import { berlinToday, getCachedUnitRef, getUnitRef, type UnitRef } from "../directory/service.js";
import { erasePersonalData, exportRecords, moveRecords } from "./client-records.js";
import { labelsFor, professionsById, unitsById } from "./names.js";
import { canCounselIn, caseworkUnitIds, consultationAbilities, doesCasework } from "./policy.js";
import { presentConsultation } from "./presenter.js";
import { findReferenceProfession } from "./reference-professions-repository.js";
import * as repo from "./repository.js";
import { dateErrors, defaultKind, germanDate, type PeriodEntry, type PeriodViolation, periodViolation, subjectErrors } from "./rules.js";
import { listForConsultations } from "./support-requests-repository.js";

const RECORD = "consultation";

const invalid = (errors: FieldError[]) => new AppError("validation_failed", { errors });
const erased = () =>
  new AppError("invalid_state", { detail: "Die Daten dieser Person wurden gelöscht; es wird nichts mehr zu ihr erfasst." });
const unique = <T>(values: readonly T[]) => [...new Set(values)];

// ---------------------------------------------------------------------------------------------
// Where the consultation took place
// ---------------------------------------------------------------------------------------------

/** The actor's sub-project to record in when none is named: their only one, else the client's. */
function defaultUnitId(actor: Actor, access: ClientAccess): string | undefined {
  const own = caseworkUnitIds(actor);
  if (own.length === 1) return own[0];
  return canCounselIn(actor, { type: "sub_project", path: access.unitPath }) ? access.unitId : undefined;
}

/** The sub-project that counselled: one the actor does casework in, open. */
export async function counselingUnit(ctx: AppContext, exec: Executor, actor: Actor, unitId: string | undefined): Promise<UnitRef> {
  if (!unitId) throw invalid([fieldError("unitId", "required", "Bitte wählen Sie das Teilprojekt, in dem die Beratung stattfand")]);
  const unit = await getCachedUnitRef(ctx, exec, unitId);
  if (!unit || !canCounselIn(actor, unit)) {
    throw invalid([fieldError("unitId", "not_allowed", "In diesem Teilprojekt können Sie nichts erfassen")]);
  }
  if (unit.closedOn) throw invalid([fieldError("unitId", "closed", "Dieses Teilprojekt ist geschlossen")]);
  return unit;
}

/** A site is a unit of type site below the sub-project. */
export async function siteErrors(ctx: AppContext, exec: Executor, unit: UnitRef, siteId: string | null): Promise<FieldError[]> {
  if (!siteId) return [];
  const site = await getCachedUnitRef(ctx, exec, siteId);
  if (site?.type !== "site" || !site.path.startsWith(`${unit.path}/`)) {
    return [fieldError("siteId", "not_in_unit", "Dieser Standort gehört nicht zum Teilprojekt")];
  }
  return site.closedOn ? [fieldError("siteId", "closed", "Dieser Standort ist geschlossen")] : [];
}

async function professionErrors(exec: Executor, id: string | null): Promise<FieldError[]> {
  if (!id) return [];
  const profession = await findReferenceProfession(exec, id);
  if (!profession) return [fieldError("referenceProfessionId", "not_found", "Diesen Referenzberuf gibt es nicht")];
  if (!profession.active) return [fieldError("referenceProfessionId", "inactive", "Dieser Referenzberuf wird nicht mehr verwendet")];
  return [];
}

// ---------------------------------------------------------------------------------------------
// The first-consultation rule
// ---------------------------------------------------------------------------------------------

const existsError = (first: { id: string; date: string }) => {
  const message = `In dieser Förderperiode gibt es bereits eine Erstberatung (am ${germanDate(first.date)}). Weitere Beratungen sind Folgeberatungen.`;
  return new AppError("already_exists", {
    detail: message,
    errors: [fieldError("kind", "first_consultation_exists", message)],
    extra: { existingConsultationId: first.id, existingConsultationDate: first.date },
  });
};

/** Turns a violation of the rule into a 409 that names (and links) the consultation in the way. */
function periodError(violation: PeriodViolation, candidate: PeriodEntry, firstNeeded: boolean): AppError {
  switch (violation.code) {
    case "first_consultation_exists":
      return existsError(violation.first);
    case "first_consultation_missing": {
      const message = firstNeeded
        ? "Diese Erstberatung wird gebraucht: Es gibt in ihrer Förderperiode weitere Beratungen. Ändern Sie zuerst diese."
        : "In dieser Förderperiode gibt es noch keine Erstberatung. Der erste Kontakt einer Förderperiode ist die Erstberatung.";
      return new AppError("invalid_state", { detail: message, errors: [fieldError("kind", "first_consultation_missing", message)] });
    }
    case "before_first_consultation": {
      const isFirst = violation.first.id === candidate.id;
      const other = isFirst ? violation.earlier : violation.first;
      const message = isFirst
        ? `In dieser Förderperiode gibt es eine frühere Beratung (am ${germanDate(other.date)}). Die Erstberatung ist der erste Kontakt.`
        : `Die Erstberatung dieser Förderperiode ist am ${germanDate(other.date)}. Eine frühere Beratung kann keine Folgeberatung sein.`;
      return new AppError("invalid_state", {
        detail: message,
        errors: [fieldError("date", "before_first_consultation", message)],
        extra: { existingConsultationId: other.id, existingConsultationDate: other.date },
      });
    }
  }
}

/**
 * Checks the rule in the candidate's period and, when a change moves it out of its old period,
 * in the period it leaves. The caller holds the client's row lock, so no one else records for
 * the client meanwhile; the unique index catches what slips past anyway.
 */
async function enforcePeriodRule(
  tx: Executor,
  clientId: string,
  period: string,
  candidate: PeriodEntry,
  previous?: { period: string; kind: string },
): Promise<void> {
  const others = (await repo.listPeriodEntries(tx, clientId, period)).filter((e) => e.id !== candidate.id);
  const wasFirst = previous?.kind === "first_consultation";
  const violation = periodViolation([...others, candidate], candidate.id);
  if (violation) throw periodError(violation, candidate, wasFirst && previous?.period === period);
  if (previous && previous.period !== period) {
    const left = (await repo.listPeriodEntries(tx, clientId, previous.period)).filter((e) => e.id !== candidate.id);
    const leftViolation = periodViolation(left, candidate.id);
    if (leftViolation) throw periodError(leftViolation, candidate, true);
  }
}

async function raceLost(ctx: AppContext, clientId: string, period: string | undefined): Promise<AppError> {
  const first = period ? await repo.findFirstConsultation(ctx.database.db, clientId, period) : null;
  return first ? existsError(first) : new AppError("conflict");
}

/** The first consultation of a client in a funding period (code as in FUNDING_PERIODS), if any. */
export async function firstConsultationOf(
  exec: Executor,
  clientId: string,
  fundingPeriodCode: string,
): Promise<{ id: string; date: string } | null> {
  return repo.findFirstConsultation(exec, clientId, fundingPeriodCode);
}

// ---------------------------------------------------------------------------------------------
// Use cases
// ---------------------------------------------------------------------------------------------

/**
 * Records a consultation by the caller for a client they do casework for, with the contact
 * moving the client's retention clock, in one transaction with its audit event. Answers the
 * new record from what the transaction already knows (the hot path of a counselor's day).
 */
/**
 * Records a consultation. Another module's use case (accepting an online request) passes its own
 * transaction as `exec`: the work runs in a savepoint of it and commits or fails with it.
 */
export async function createConsultation(
  ctx: AppContext,
  origin: RequestOrigin,
  input: CreateConsultationRequest,
  exec: Executor = ctx.database.db,
): Promise<Consultation> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  const period = fundingPeriodOf(ctx.config.fundingPeriods, input.date)?.code;
  const options = { purpose: "change", action: "consultation.create", forUpdate: true } as const;
  try {
    return await withClientAccess(exec, origin, input.clientId, ctx.clock.now(), options, async (tx, access) => {
      if (access.erasedAt) throw erased();
      const unit = await counselingUnit(ctx, tx, actor, input.unitId ?? defaultUnitId(actor, access));
      const fieldOfAction = unit.fieldOfAction;
      const subject = {
        referenceProfessionId: input.referenceProfessionId ?? null,
        topics: unique(input.topics),
        fiReasons: unique(input.fiReasons),
        fiReasonOther: input.fiReasonOther ?? null,
        employerSector: input.employerSector ?? null,
      };
      const errors = [
        ...dateErrors(input.date, berlinToday(ctx), ctx.config.fundingPeriods),
        ...(await siteErrors(ctx, tx, unit, input.siteId ?? null)),
        ...subjectErrors(subject, fieldOfAction),
        ...(await professionErrors(tx, subject.referenceProfessionId)),
      ];
      if (errors.length) throw invalid(errors);
      const id = randomUUID();
      const entries = await repo.listPeriodEntries(tx, input.clientId, period!);
      const kind = input.kind ?? defaultKind(entries.find((e) => e.kind === "first_consultation") ?? null);
      const candidate = { id, kind, date: input.date };
      const violation = periodViolation([...entries, candidate], id);
      if (violation) throw periodError(violation, candidate, false);
      const row = await repo.insertConsultation(tx, {
        id,
        clientId: input.clientId,
        unitId: unit.id,
        siteId: input.siteId ?? null,
        counselorId: actor.userId,
        date: input.date,
        fundingPeriod: period!,
        kind,
        channel: input.channel,
        languages: unique(input.languages),
        interpreter: input.interpreter,
        durationMinutes: input.durationMinutes ?? null,
        nextSteps: input.nextSteps ?? null,
        ...subject,
        createdBy: actor.userId,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      });
      await recordContact(tx, input.clientId, input.date);
      await recordAuditEvent(tx, origin, {
        action: "consultation.create",
        outcome: "success",
        recordType: RECORD,
        recordId: id,
        details: { clientId: input.clientId, kind },
      });
      const labels = {
        // The unit is at hand: a query only for a site.
        units: row.siteId ? await unitsById(tx, [unit.id, row.siteId]) : new Map([[unit.id, unit]]),
        users: new Map([[actor.userId, actor.displayName]]),
        professions: await professionsById(tx, [row.referenceProfessionId]),
      };
      return presentConsultation(row, labels, [], consultationAbilities(actor, { clientVia: access.via, unit, fieldOfAction }));
    });
  } catch (error) {
    // (Only outside a caller's transaction: the lost race is read from the database.)
    if (repo.isFirstPerPeriodViolation(error) && exec === ctx.database.db) throw await raceLost(ctx, input.clientId, period);
    throw error;
  }
}

/** Presents consultations of one client with names, support requests and the actor's abilities. */
async function presentRows(tx: Executor, actor: Actor, access: ClientAccess, rows: repo.ConsultationRow[]): Promise<Consultation[]> {
  // One query after the other: a transaction is one connection, which runs one query at a time.
  const labels = await labelsFor(tx, rows);
  const requests = await listForConsultations(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const abilities = access.erasedAt
      ? { update: false, requestSupport: false }
      : consultationAbilities(actor, {
          clientVia: access.via,
          unit: labels.units.get(row.unitId) ?? null,
          fieldOfAction: labels.units.get(row.unitId)?.fieldOfAction ?? null,
        });
    const own = requests.filter((r) => r.consultationId === row.id);
    return presentConsultation(row, labels, own, abilities);
  });
}

/** The consultation's client, for a use case that starts from the consultation id. */
async function clientOf(ctx: AppContext, id: string): Promise<string> {
  const row = await repo.findConsultation(ctx.database.db, id);
  if (!row) throw new AppError("not_found");
  return row.clientId;
}

/** One consultation, as an audited read of its client's file (break-the-glass allowed). */
export async function getConsultation(ctx: AppContext, origin: RequestOrigin, id: string): Promise<Consultation> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  const clientId = await clientOf(ctx, id);
  const options = { purpose: "read", action: "consultation.read" } as const;
  return withClientAccess(ctx.database.db, origin, clientId, ctx.clock.now(), options, async (tx, access) => {
    const row = await repo.findConsultation(tx, id);
    if (!row || row.clientId !== clientId) throw new AppError("not_found");
    const [presented] = await presentRows(tx, actor, access, [row]);
    await recordAuditEvent(tx, origin, {
      action: "consultation.read",
      outcome: "success",
      recordType: RECORD,
      recordId: id,
      details: { clientId, ...(access.via === "break_glass" ? { via: "break_glass" } : {}) },
    });
    return presented!;
  });
}

/** A client's consultations, newest first: one audited read naming what it showed. */
export async function listConsultations(ctx: AppContext, origin: RequestOrigin, clientId: string): Promise<Consultation[]> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  const options = { purpose: "read", action: "consultation.list" } as const;
  return withClientAccess(ctx.database.db, origin, clientId, ctx.clock.now(), options, async (tx, access) => {
    const rows = await repo.listForClient(tx, clientId);
    await recordAuditEvent(tx, origin, {
      action: "consultation.list",
      outcome: "success",
      recordType: RECORD,
      details: { clientId, shown: rows.map((r) => r.id), ...(access.via === "break_glass" ? { via: "break_glass" } : {}) },
    });
    return presentRows(tx, actor, access, rows);
  });
}

const pick = <T>(change: T | undefined, current: T): T => (change === undefined ? current : change);

/**
 * Changes a consultation (optimistic locking by version). The result is validated as a whole;
 * a new date or kind is checked against the first-consultation rule in the period it lands in
 * and, if it moves, in the period it leaves.
 */
export async function updateConsultation(
  ctx: AppContext,
  origin: RequestOrigin,
  id: string,
  input: UpdateConsultationRequest,
): Promise<void> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  const clientId = await clientOf(ctx, id);
  const period = input.date ? fundingPeriodOf(ctx.config.fundingPeriods, input.date)?.code : undefined;
  const options = { purpose: "change", action: "consultation.update", forUpdate: true } as const;
  try {
    await withClientAccess(ctx.database.db, origin, clientId, ctx.clock.now(), options, async (tx, access) => {
      const row = await repo.findConsultation(tx, id, { forUpdate: true });
      if (!row || row.clientId !== clientId) throw new AppError("not_found");
      const currentUnit = await getUnitRef(tx, row.unitId);
      if (!currentUnit || !canCounselIn(actor, currentUnit)) throw new AppError("forbidden");
      if (access.erasedAt) throw erased();
      if (row.version !== input.version) throw new AppError("conflict", { extra: { currentVersion: row.version } });
      const { version, ...changes } = input;
      const unitChanged = changes.unitId !== undefined && changes.unitId !== row.unitId;
      const unit = unitChanged ? await counselingUnit(ctx, tx, actor, changes.unitId) : currentUnit;
      const fieldOfAction = unit.fieldOfAction;
      const next = {
        kind: pick(changes.kind, row.kind as ConsultationKind),
        date: pick(changes.date, row.date),
        siteId: unitChanged && changes.siteId === undefined ? null : pick(changes.siteId, row.siteId),
        referenceProfessionId: pick(changes.referenceProfessionId, row.referenceProfessionId),
        topics: unique(pick(changes.topics, row.topics)),
        fiReasons: unique(pick(changes.fiReasons, row.fiReasons)),
        fiReasonOther: pick(changes.fiReasonOther, row.fiReasonOther),
        employerSector: pick(changes.employerSector, row.employerSector),
      };
      const errors = [
        ...(next.date !== row.date ? dateErrors(next.date, berlinToday(ctx), ctx.config.fundingPeriods) : []),
        ...(unitChanged || next.siteId !== row.siteId ? await siteErrors(ctx, tx, unit, next.siteId) : []),
        ...subjectErrors(next, fieldOfAction),
        ...(next.referenceProfessionId !== row.referenceProfessionId ? await professionErrors(tx, next.referenceProfessionId) : []),
      ];
      if (errors.length) throw invalid(errors);
      const nextPeriod = period ?? row.fundingPeriod;
      if (next.kind !== row.kind || next.date !== row.date) {
        await enforcePeriodRule(
          tx,
          clientId,
          nextPeriod,
          { id, kind: next.kind, date: next.date },
          { period: row.fundingPeriod, kind: row.kind },
        );
      }
      const updated = await repo.updateConsultation(
        tx,
        id,
        version,
        {
          ...next,
          unitId: unit.id,
          fundingPeriod: nextPeriod,
          channel: pick(changes.channel, row.channel as ConsultationChannel),
          languages: unique(pick(changes.languages, row.languages)),
          interpreter: pick(changes.interpreter, row.interpreter),
          durationMinutes: pick(changes.durationMinutes, row.durationMinutes),
          nextSteps: pick(changes.nextSteps, row.nextSteps),
        },
        ctx.clock.now(),
      );
      if (!updated) throw new AppError("conflict");
      if (next.date !== row.date) await recordContact(tx, clientId, next.date);
      // Which fields changed, never their values (next steps and reasons may hold personal details).
      await recordAuditEvent(tx, origin, {
        action: "consultation.update",
        outcome: "success",
        recordType: RECORD,
        recordId: id,
        details: { clientId, fields: Object.keys(changes).sort() },
      });
    });
  } catch (error) {
    if (repo.isFirstPerPeriodViolation(error)) throw await raceLost(ctx, clientId, period);
    throw error;
  }
}

/**
 * Prefill for recording a consultation in seconds: the caller's last-used place, channel,
 * languages, interpreter and duration (with this client if any, else with anyone), the kind the
 * server would pick today and the client's last reference profession.
 */
export async function consultationDefaults(ctx: AppContext, origin: RequestOrigin, clientId: string): Promise<ConsultationDefaults> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  const options = { purpose: "change", action: "consultation.defaults" } as const;
  return withClientAccess(ctx.database.db, origin, clientId, ctx.clock.now(), options, async (tx, access) => {
    const today = berlinToday(ctx);
    const period = fundingPeriodOf(ctx.config.fundingPeriods, today);
    const first = period ? await repo.findFirstConsultation(tx, clientId, period.code) : null;
    const last = await repo.latestByCounselor(tx, actor.userId, clientId);
    const professionId = await repo.lastReferenceProfessionId(tx, clientId);
    // Last-used place only while the caller still counsels there and it is open.
    const lastUnit = last ? await getUnitRef(tx, last.unitId) : null;
    const placeStillOk = lastUnit !== null && !lastUnit.closedOn && canCounselIn(actor, lastUnit);
    const siteOk = placeStillOk && last?.siteId ? (await siteErrors(ctx, tx, lastUnit, last.siteId)).length === 0 : false;
    const professions = await professionsById(tx, [professionId]);
    await recordAuditEvent(tx, origin, { action: "consultation.defaults", outcome: "success", recordType: RECORD, details: { clientId } });
    return {
      unitId: placeStillOk ? lastUnit.id : (defaultUnitId(actor, access) ?? null),
      siteId: siteOk ? last!.siteId : null,
      channel: (last?.channel as ConsultationChannel | undefined) ?? "in_person",
      languages: last?.languages ?? [],
      interpreter: last?.interpreter ?? false,
      durationMinutes: last?.durationMinutes ?? null,
      date: today,
      fundingPeriod: period?.code ?? null,
      kind: period ? defaultKind(first) : null,
      firstConsultation: first,
      referenceProfession: professionId ? (professions.get(professionId) ?? null) : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// For other modules
// ---------------------------------------------------------------------------------------------

/**
 * The consultation lines of a client's timeline, newest first. No audit here: the caller (the
 * clients module's timeline read) audits the read as a whole.
 */
export async function timelineEntries(tx: Executor, clientId: string): Promise<TimelineEntry[]> {
  const rows = await repo.listForClient(tx, clientId);
  if (rows.length === 0) return [];
  const { units, users, professions } = await labelsFor(tx, rows);
  return rows.map((r) => ({
    type: "consultation" as const,
    id: r.id,
    at: r.date,
    kind: r.kind,
    channel: r.channel,
    counselorName: users.get(r.counselorId) ?? null,
    unitName: units.get(r.unitId)?.name ?? null,
    referenceProfessionName: r.referenceProfessionId ? (professions.get(r.referenceProfessionId)?.name ?? null) : null,
    durationMinutes: r.durationMinutes,
  }));
}

/** This module's part in what the clients module does to a person as a whole (registered in app.ts). */
export const consultationRecordKeeper = {
  module: "consultations",
  timelineEntries,
  exportRecords,
  erasePersonalData,
  moveRecords,
};
