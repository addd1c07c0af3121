import type { SupportQueueItem, SupportQueueQuery, SupportRequest } from "../../../common/contracts/consultations.js";
import type { RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { enqueueMail } from "../../platform/mail.js";
import { ensure } from "../../platform/policy.js";
import { recordAuditEvent } from "../audit/service.js";
import { withClientAccess } from "../clients/service.js";
import { getUnitRef, listSupportTeams } from "../directory/service.js";
import { findUserById } from "../identity/repository.js";
import { supportAnswerMail } from "./mails.js";
import { unitsById } from "./names.js";
import { answersSupportFor, consultationAbilities, doesCasework } from "./policy.js";
import { presentQueueItem, presentSupportRequest } from "./presenter.js";
import { findConsultation } from "./repository.js";
import * as repo from "./support-requests-repository.js";

const RECORD = "support_request";

/**
 * Second-level support (Faire Integration): a counselor asks the national support team about the
 * legal matter of a consultation; the team answers without ever seeing who the client is.
 */
export async function requestSupport(
  ctx: AppContext,
  origin: RequestOrigin,
  consultationId: string,
  input: { question: string },
): Promise<SupportRequest> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  const found = await findConsultation(ctx.database.db, consultationId);
  if (!found) throw new AppError("not_found");
  const options = { purpose: "change", action: "support_request.create" } as const;
  return withClientAccess(ctx.database.db, origin, found.clientId, ctx.clock.now(), options, async (tx, access) => {
    const consultation = await findConsultation(tx, consultationId);
    if (!consultation || consultation.clientId !== found.clientId) throw new AppError("not_found");
    const unit = await getUnitRef(tx, consultation.unitId);
    const abilities = consultationAbilities(actor, {
      clientVia: access.via,
      unit,
      fieldOfAction: unit?.fieldOfAction ?? null,
    });
    if (!abilities.update || access.erasedAt) throw new AppError("forbidden");
    if (!abilities.requestSupport) {
      throw new AppError("invalid_state", { detail: "Second-Level-Support gibt es für Beratungen der Faire Integration." });
    }
    const [team] = await listSupportTeams(tx);
    if (!team) throw new AppError("invalid_state", { detail: "Es ist kein Support-Team eingerichtet." });
    const request = await repo.insertSupportRequest(tx, {
      consultationId,
      supportUnitId: team.id,
      question: input.question,
      askedBy: actor.userId,
      askedAt: ctx.clock.now(),
    });
    await recordAuditEvent(tx, origin, {
      action: "support_request.create",
      outcome: "success",
      recordType: RECORD,
      recordId: request.id,
      details: { clientId: found.clientId, consultationId },
    });
    return presentSupportRequest(request);
  });
}

/** The support team units whose requests the actor answers (empty: not a member of any). */
async function teamsOf(ctx: AppContext, origin: RequestOrigin) {
  return (await listSupportTeams(ctx.database.db)).filter((team) => answersSupportFor(origin.actor!, team.path));
}

/** The support team's queue: open questions oldest first, or answered ones newest first. */
export async function listSupportQueue(ctx: AppContext, origin: RequestOrigin, query: SupportQueueQuery): Promise<SupportQueueItem[]> {
  const teams = await teamsOf(ctx, origin);
  ensure(teams.length > 0);
  const { db } = ctx.database;
  const rows = await repo.listQueue(db, { supportUnitIds: teams.map((t) => t.id), status: query.status, limit: query.limit });
  const networks = await unitsById(
    db,
    rows.map((r) => r.unitPath?.split("/")[1]),
  );
  return rows.map((row) => presentQueueItem(row, networks));
}

/**
 * Answers a request once; the asking counselor gets a mail with a link (no case details). The
 * same answer sent again by the same person (a retried request) changes nothing.
 */
export async function answerSupportRequest(
  ctx: AppContext,
  origin: RequestOrigin,
  id: string,
  input: { answer: string; version: number },
): Promise<SupportQueueItem> {
  const actor = origin.actor!;
  return ctx.database.db.transaction(async (tx) => {
    const entry = await repo.findQueueEntry(tx, id, { forUpdate: true });
    const team = entry ? await getUnitRef(tx, entry.request.supportUnitId) : null;
    if (!entry || !team || !answersSupportFor(actor, team.path)) throw new AppError("not_found");
    const networks = await unitsById(tx, [entry.unitPath?.split("/")[1]]);
    const current = entry.request;
    if (current.answeredAt) {
      if (current.answer === input.answer && current.answeredBy === actor.userId) return presentQueueItem(entry, networks);
      throw new AppError("invalid_state", { detail: "Diese Anfrage ist bereits beantwortet." });
    }
    if (current.version !== input.version) throw new AppError("conflict", { extra: { currentVersion: current.version } });
    const answered = await repo.answerSupportRequest(tx, id, input.version, { text: input.answer, by: actor.userId, at: ctx.clock.now() });
    if (!answered) throw new AppError("conflict");
    const asker = await findUserById(tx, current.askedBy);
    if (asker && !asker.disabledAt) {
      const link = `${ctx.config.publicUrl}/staff/consultations/${current.consultationId}`;
      await enqueueMail(tx, supportAnswerMail(asker, link), `support-request-answered:${id}`);
    }
    await recordAuditEvent(tx, origin, {
      action: "support_request.answer",
      outcome: "success",
      recordType: RECORD,
      recordId: id,
      details: { consultationId: current.consultationId },
    });
    return presentQueueItem({ ...entry, request: answered }, networks);
  });
}
