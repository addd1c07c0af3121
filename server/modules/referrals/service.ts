import type { ChangeReferralStatusRequest, CreateReferralRequest, ReferralBoxQuery } from "../../../common/contracts/referrals.js";
import {
  answerDueOn,
  isTransitionAllowed,
  type ReferralStatus,
  recipientStatuses,
  type ShareableClientField,
} from "../../../common/domain/referrals.js";
import type { Executor } from "../../db/index.js";
import type { Actor, RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, fieldError, invalidField } from "../../platform/errors.js";
import { ensure } from "../../platform/policy.js";
import { recordAuditEvent } from "../audit/service.js";
import { caseworkPaths, doesCasework } from "../clients/policy.js";
import { hasActiveSharingConsent, readSharedFields, withClientAccess } from "../clients/service.js";
import { berlinToday, getUnitRef, searchOpenSubProjects, unitNamesById } from "../directory/service.js";
import { scheduleOverdueNotice } from "./overdue-notice.js";
import {
  maySetStatus,
  nextStatuses,
  type ReferralSides,
  referralSides,
  seesReferral,
  type TargetProblem,
  targetProblem,
} from "./policy.js";
import { presentReferral, presentReferralSummary } from "./presenter.js";
import * as repo from "./repository.js";

const RECORD = "referral";

const targetMessages: Record<TargetProblem, string> = {
  not_sub_project: "Verweise gehen an ein Teilprojekt oder an eine externe Stelle.",
  closed: "Dieses Teilprojekt ist geschlossen.",
  own_unit: "Ein Verweis geht an ein anderes Teilprojekt als das eigene.",
};

/** A stable code the web can act on (link to the consent form), and the German reason. */
function sharingConsentMissing(partnerName: string): AppError {
  const message =
    `Für einen Verweis an „${partnerName}“ fehlt die Einwilligung der ratsuchenden Person, ihre Daten an dieses Teilprojekt weiterzugeben. ` +
    "Bitte erfassen Sie auf der Seite der Person eine Einwilligung „Weitergabe“ mit diesem Teilprojekt als Partner und senden Sie den Verweis dann erneut.";
  return new AppError("sharing_consent_missing", { detail: message, errors: [fieldError("toUnitId", "sharing_consent_missing", message)] });
}

/** A consultation id the database does not know (its foreign key), reported on the field. */
function isUnknownConsultation(error: unknown): boolean {
  for (
    let e = error as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (e.code === "23503" && `${e.constraint ?? e.message}`.includes("consultation")) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * Sends a referral from the client's owning sub-project. A partner needs the client's sharing
 * consent naming it; an external service gets no data through Lotse and needs none. Referral,
 * its first event, the overdue notice job and the audit event commit together.
 */
export async function createReferral(ctx: AppContext, origin: RequestOrigin, input: CreateReferralRequest): Promise<string> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  const now = ctx.clock.now();
  return withClientAccess(
    ctx.database.db,
    origin,
    input.clientId,
    now,
    { purpose: "change", action: "referral.create" },
    async (tx, access) => {
      if (access.erasedAt)
        throw new AppError("invalid_state", { detail: "Die Daten dieser Person wurden gelöscht; ein Verweis ist nicht mehr möglich." });
      const today = berlinToday(ctx);
      if (input.toUnitId) {
        const target = await getUnitRef(tx, input.toUnitId);
        if (!target) throw invalidField("toUnitId", "not_found", "Dieses Teilprojekt gibt es nicht.");
        const problem = targetProblem(target, access.unitId, today);
        if (problem) throw invalidField("toUnitId", problem, targetMessages[problem]);
        if (!(await hasActiveSharingConsent(tx, input.clientId, target.id))) throw sharingConsentMissing(target.name);
      }
      // TODO(consultations): check that the consultation belongs to the client through the
      // consultations service once it offers that; until then only its existence is checked (foreign key).
      const dueOn = answerDueOn(today, ctx.config.referralAnswerDays);
      const row = await repo
        .insertReferral(tx, {
          clientId: input.clientId,
          consultationId: input.consultationId ?? null,
          fromUnitId: access.unitId,
          fromUserId: actor.userId,
          toUnitId: input.toUnitId ?? null,
          externalService: input.externalService ?? null,
          externalNote: input.externalService ? (input.externalNote ?? null) : null,
          sharedFields: input.sharedFields,
          message: input.message ?? null,
          status: "sent",
          sentAt: now,
          answerDueOn: dueOn,
          updatedAt: now,
        })
        .catch((error: unknown) => {
          if (isUnknownConsultation(error)) throw invalidField("consultationId", "not_found", "Diese Beratung gibt es nicht.");
          throw error;
        });
      await repo.insertEvent(tx, { referralId: row.id, status: "sent", actorId: actor.userId, actorUnitId: access.unitId, at: now });
      await scheduleOverdueNotice(tx, row.id, dueOn);
      await recordAuditEvent(tx, origin, {
        action: "referral.create",
        outcome: "success",
        recordType: RECORD,
        recordId: row.id,
        details: {
          clientId: input.clientId,
          toUnitId: row.toUnitId,
          externalService: row.externalService,
          sharedFields: row.sharedFields,
          ...(access.via === "break_glass" ? { via: "break_glass" } : {}),
        },
      });
      return row.id;
    },
  );
}

type Found = repo.ReferralWithPaths & { sides: ReferralSides };
type Outcome<T> = { value: T } | { refused: AppError };

/**
 * Runs `work` on a referral the actor sees (sender or recipient side). Anyone else gets 404, as if
 * it did not exist, and the attempt is audited: the refusal commits, then the error is thrown.
 */
async function withReferral<T>(
  ctx: AppContext,
  origin: RequestOrigin,
  id: string,
  options: { action: string; forUpdate?: boolean },
  work: (tx: Executor, found: Found) => Promise<Outcome<T>>,
): Promise<T> {
  const actor = origin.actor!;
  const outcome = await ctx.database.db.transaction(async (tx): Promise<Outcome<T>> => {
    const found = await repo.findReferral(tx, id, { forUpdate: options.forUpdate });
    const sides = found?.fromUnitPath ? referralSides(actor, { fromUnitPath: found.fromUnitPath, toUnitPath: found.toUnitPath }) : null;
    if (!found || !sides || !seesReferral(sides)) {
      await recordAuditEvent(tx, origin, { action: options.action, outcome: "denied", recordType: RECORD, recordId: id });
      return { refused: new AppError("not_found") };
    }
    return work(tx, { ...found, sides });
  });
  if ("refused" in outcome) throw outcome.refused;
  return outcome.value;
}

/** Reads the referral in `tx` as the actor sees it; the recipient's read of shared fields is audited by the clients module. */
async function readReferral(ctx: AppContext, tx: Executor, origin: RequestOrigin, found: Found) {
  const { row, sides } = found;
  const events = await repo.listEvents(tx, row.id);
  const names = await unitNamesById(tx, [row.fromUnitId, row.toUnitId, ...events.map((e) => e.actorUnitId)]);
  const shared =
    !sides.sender && row.toUnitId
      ? await readSharedFields(tx, origin, row.clientId, row.toUnitId, row.sharedFields as ShareableClientField[], { referralId: row.id })
      : null;
  await recordAuditEvent(tx, origin, {
    action: "referral.read",
    outcome: "success",
    recordType: RECORD,
    recordId: row.id,
    details: { clientId: row.clientId, side: sides.sender ? "sender" : "recipient" },
  });
  return presentReferral(row, sides, names, berlinToday(ctx), events, shared);
}

/** One referral: everything for the sender; for the recipient the referral and exactly the shared fields. */
export async function getReferral(ctx: AppContext, origin: RequestOrigin, id: string) {
  return withReferral(ctx, origin, id, { action: "referral.read" }, async (tx, found) => ({
    value: await readReferral(ctx, tx, origin, found),
  }));
}

/**
 * Moves a referral along its status cycle and records the event both sides see. Repeating the
 * current status is answered like the first time, without a second event (safe retries).
 */
export async function changeReferralStatus(ctx: AppContext, origin: RequestOrigin, id: string, input: ChangeReferralStatusRequest) {
  const actor = origin.actor!;
  const now = ctx.clock.now();
  return withReferral(ctx, origin, id, { action: "referral.status_change", forUpdate: true }, async (tx, found) => {
    const { row, sides } = found;
    const from = row.status as ReferralStatus;
    const to = input.status;
    const external = row.toUnitId === null;
    const mayMove = maySetStatus(sides, { external }, to);
    if (from === to && mayMove) return { value: await readReferral(ctx, tx, origin, found) };
    if (row.version !== input.version) throw new AppError("conflict", { extra: { currentVersion: row.version } });
    if (!isTransitionAllowed(from, to)) {
      throw new AppError("invalid_transition", {
        detail: `Ein Verweis im Status „${from}“ kann nicht in den Status „${to}“ wechseln.`,
        extra: { from, to, allowed: nextStatuses(sides, { external, status: from }) },
      });
    }
    if (!mayMove) {
      await recordAuditEvent(tx, origin, { action: "referral.status_change", outcome: "denied", recordType: RECORD, recordId: id });
      return { refused: new AppError("forbidden") };
    }
    const updated = await repo.updateStatus(tx, id, input.version, { status: to, reason: input.reason ?? null, now });
    if (!updated) throw new AppError("conflict");
    // The unit on whose behalf the move was made: the recipient answers, the sender withdraws.
    const actorUnitId = !external && recipientStatuses.includes(to) ? row.toUnitId : row.fromUnitId;
    await repo.insertEvent(tx, { referralId: id, status: to, reason: input.reason ?? null, actorId: actor.userId, actorUnitId, at: now });
    await recordAuditEvent(tx, origin, {
      action: "referral.status_change",
      outcome: "success",
      recordType: RECORD,
      recordId: id,
      details: { clientId: row.clientId, from, to },
    });
    return { value: await readReferral(ctx, tx, origin, { ...found, row: updated }) };
  });
}

async function presentList(ctx: AppContext, exec: Executor, origin: RequestOrigin, rows: repo.ReferralWithPaths[]) {
  const actor = origin.actor!;
  const names = await unitNamesById(
    exec,
    rows.flatMap((r) => [r.row.fromUnitId, r.row.toUnitId]),
  );
  const today = berlinToday(ctx);
  return rows.map((r) =>
    presentReferralSummary(r.row, referralSides(actor, { fromUnitPath: r.fromUnitPath ?? "", toUnitPath: r.toUnitPath }), names, today),
  );
}

/**
 * Posteingang: referrals to the caller's sub-projects. The list names no person (the shared fields
 * are read, and audited, when one referral is opened), so listing it is not a read of client data.
 */
export async function listInbox(ctx: AppContext, origin: RequestOrigin, query: ReferralBoxQuery) {
  return listBox(ctx, origin, "to", query);
}

/** Postausgang: referrals sent from the caller's sub-projects. */
export async function listOutbox(ctx: AppContext, origin: RequestOrigin, query: ReferralBoxQuery) {
  return listBox(ctx, origin, "from", query);
}

async function listBox(ctx: AppContext, origin: RequestOrigin, side: "to" | "from", query: ReferralBoxQuery) {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  const { db } = ctx.database;
  const rows = await repo.listReferrals(db, {
    box: { side, paths: caseworkPaths(actor) },
    status: query.status,
    overdue: query.overdue,
    today: berlinToday(ctx),
    limit: query.limit,
  });
  return presentList(ctx, db, origin, rows);
}

/** The referrals of one client, for whoever may read the client (audited like a read of the client's file). */
export async function listReferralsOfClient(ctx: AppContext, origin: RequestOrigin, clientId: string) {
  return withClientAccess(
    ctx.database.db,
    origin,
    clientId,
    ctx.clock.now(),
    { purpose: "read", action: "referral.list" },
    async (tx, access) => {
      const rows = await repo.listReferrals(tx, { clientId, today: berlinToday(ctx), limit: 500 });
      await recordAuditEvent(tx, origin, {
        action: "referral.list",
        outcome: "success",
        recordType: RECORD,
        details: { clientId, shown: rows.map((r) => r.row.id), ...(access.via === "break_glass" ? { via: "break_glass" } : {}) },
      });
      return presentList(ctx, tx, origin, rows);
    },
  );
}

export { erasePersonalData, exportRecords, moveRecords, referralRecordKeeper, timelineEntries } from "./client-records.js";

/** Partners to refer to: open sub-projects of the whole network by name (no personal data). */
export async function searchPartners(ctx: AppContext, actor: Actor, query: { q: string; limit: number }) {
  ensure(doesCasework(actor));
  const rows = await searchOpenSubProjects(ctx.database.db, query.q, query.limit);
  return rows.map((r) => ({ id: r.id, name: r.name, stateCode: r.state_code, fieldOfAction: r.field_of_action }));
}
