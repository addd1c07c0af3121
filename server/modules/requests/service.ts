import { randomUUID } from "node:crypto";
import type {
  AcceptOnlineRequestRequest,
  AcceptOnlineRequestResponse,
  CloseOnlineRequestRequest,
  CreateOnlineRequestRequest,
  CreateOnlineRequestResponse,
  ForwardOnlineRequestRequest,
  ForwardTargets,
  OnlineRequest,
  OnlineRequestListQuery,
} from "../../../common/contracts/requests.js";
import type { PublicLanguage } from "../../../common/domain/public-languages.js";
import { REQUEST_CONSENT_TEXT_VERSION, type RequestAction } from "../../../common/domain/requests.js";
import type { PublicTopic } from "../../../common/domain/units.js";
import type { Executor } from "../../db/index.js";
import type { Actor, RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { enqueueMail } from "../../platform/mail.js";
import { ensure } from "../../platform/policy.js";
import { guardPublicForm } from "../../platform/public-form-guard.js";
import { bookSlotWithin } from "../appointments/public-service.js";
import { recordAuditEvent } from "../audit/service.js";
import { doesCasework } from "../clients/policy.js";
import { createClient } from "../clients/service.js";
import { createConsultation } from "../consultations/service.js";
import { listPublicSiteContacts, type PublicSiteContact } from "../directory/public-service.js";
import { unitNamesById } from "../directory/service.js";
import { requestAnswerMail, requestConfirmationMail, requestForwardedMail, requestMailKeys, requestNotificationMail } from "./mails.js";
import { requestActionsFor, requestInboxPaths, worksOnRequest } from "./policy.js";
import { presentRequest, presentRequestSummary, unitIdsOf } from "./presenter.js";
import * as repo from "./repository.js";

export const REQUEST_FORM = "online_request";
const RECORD = "online_request";

const berlinDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" });

// --- public ------------------------------------------------------------------------------------

/**
 * Stores a request for the site's inbox and queues, in the same transaction, the confirmation to
 * the person (in the page's language) and a notice to the site's contact address. A bot's
 * submission (honeypot) is answered like a success and leaves nothing behind.
 */
export async function submitOnlineRequest(
  ctx: AppContext,
  origin: RequestOrigin,
  input: CreateOnlineRequestRequest,
): Promise<CreateOnlineRequestResponse> {
  return ctx.database.db.transaction(async (tx) => {
    const verdict = await guardPublicForm(ctx, tx, {
      form: REQUEST_FORM,
      token: input.formToken,
      honeypot: input.website,
      ip: origin.ip,
      email: input.email,
    });
    if (!verdict.accepted) return { id: randomUUID(), status: "new" as const };
    const site = await publicSite(ctx, tx, input.siteId);
    if (!site) throw new AppError("not_found", { detail: "Diesen Standort gibt es nicht (mehr), oder er nimmt keine Anfragen an." });
    if (input.language !== "de" && !site.languages.includes(input.language)) {
      throw invalidField(
        "language",
        "language_not_offered",
        "In dieser Sprache berät dieser Standort nicht. Bitte wählen Sie eine andere.",
      );
    }
    const now = ctx.clock.now();
    const row = await repo.insertRequest(tx, {
      siteId: site.id,
      topic: input.topic,
      language: input.language,
      channel: input.channel,
      name: input.name,
      email: input.email,
      phone: input.phone ?? null,
      description: input.description,
      locale: input.locale,
      consentTextVersion: REQUEST_CONSENT_TEXT_VERSION,
      consentAt: now,
      status: "new",
      receivedAt: now,
      updatedAt: now,
    });
    await repo.insertEvent(tx, { requestId: row.id, status: "new", siteId: site.id, at: now });
    await recordAuditEvent(tx, origin, { action: "online_request.create", outcome: "success", recordType: RECORD, recordId: row.id });
    await enqueueMail(tx, requestConfirmationMail(row, site.name), requestMailKeys.confirmation(row.id));
    if (site.email) await enqueueMail(tx, requestNotificationMail(site.email, row, site.name, ctx.config.publicUrl));
    return { id: row.id, status: "new" as const };
  });
}

async function publicSite(ctx: AppContext, exec: Executor, id: string): Promise<PublicSiteContact | null> {
  const [site] = await listPublicSiteContacts(ctx, exec, id);
  return site ?? null;
}

// --- staff -------------------------------------------------------------------------------------

/** The inbox: requests at the caller's sites (no names or contact data in the list). */
export async function listOnlineRequests(ctx: AppContext, actor: Actor, query: OnlineRequestListQuery) {
  ensure(doesCasework(actor));
  const { db } = ctx.database;
  const rows = await repo.listRequests(db, {
    paths: requestInboxPaths(actor),
    status: query.status,
    siteId: query.site,
    limit: query.limit,
  });
  const names = await unitNamesById(
    db,
    rows.flatMap((r) => [r.siteId, r.forwardedFromSiteId]),
  );
  return { items: rows.map((r) => presentRequestSummary(r, names)) };
}

/** One request with the person's name and contact: audited like a read of a client (also when refused). */
export async function getOnlineRequest(ctx: AppContext, origin: RequestOrigin, id: string): Promise<OnlineRequest> {
  const actor = origin.actor!;
  const outcome = await ctx.database.db.transaction(async (tx) => {
    const found = await repo.findRequest(tx, id);
    if (!found || !worksOnRequest(actor, found)) {
      if (found) await recordAuditEvent(tx, origin, { action: "online_request.read", outcome: "denied", recordType: RECORD, recordId: id });
      return null;
    }
    await recordAuditEvent(tx, origin, { action: "online_request.read", outcome: "success", recordType: RECORD, recordId: id });
    return present(tx, actor, found);
  });
  if (!outcome) throw new AppError("not_found");
  return outcome;
}

/**
 * Accepts a request: creates the client through the clients module (processing and contact consent
 * as given on the form, on that day, in the form's text version) and, when one was held already, the
 * first consultation through the consultations module (its first-consultation rule applies). One
 * transaction: nothing is half-written when any step is refused.
 */
export async function acceptOnlineRequest(
  ctx: AppContext,
  origin: RequestOrigin,
  id: string,
  input: AcceptOnlineRequestRequest,
): Promise<AcceptOnlineRequestResponse> {
  const actor = origin.actor!;
  return ctx.database.db.transaction(async (tx) => {
    const found = await openRequestFor(tx, actor, id, "accept");
    const { row } = found;
    const subProjectId = found.sitePath!.split("/").at(-2)!;
    const clientId = await createClient(
      ctx,
      origin,
      {
        unitId: subProjectId,
        firstName: input.firstName,
        lastName: input.lastName,
        email: row.email,
        phone: row.phone,
        preferredLanguages: [row.language],
        birthYear: input.birthYear,
        gender: "not_stated",
        nationalities: [],
        refugeeBackground: null,
        residenceStatus: "not_stated",
        germanLevel: "not_stated",
        qualificationKind: "not_stated",
        employmentStatus: "not_stated",
        consent: { processing: true, contact: true, textVersion: row.consentTextVersion },
      },
      { exec: tx, consentGivenOn: berlinDay.format(row.consentAt) },
    );
    const first = input.firstConsultation;
    const consultation = first
      ? await createConsultation(
          ctx,
          origin,
          {
            clientId,
            date: first.date,
            kind: "first_consultation",
            unitId: subProjectId,
            siteId: row.siteId,
            channel: first.channel,
            languages: [row.language],
            interpreter: false,
            durationMinutes: first.durationMinutes ?? null,
            nextSteps: first.nextSteps ?? null,
            topics: [],
            fiReasons: first.fiReasons,
            fiReasonOther: first.fiReasonOther ?? null,
          },
          tx,
        )
      : null;
    // The first appointment, booked for the person with what they wrote (confirmation mail in their language).
    const booking = input.appointment
      ? await bookSlotWithin(ctx, tx, origin, {
          slotId: input.appointment.slotId,
          siteId: row.siteId,
          name: row.name,
          email: row.email,
          phone: row.phone,
          language: row.language,
          locale: row.locale as PublicLanguage,
          topic: row.topic as PublicTopic,
          message: null,
          source: "request",
          slotField: "appointment.slotId",
        })
      : null;
    const now = ctx.clock.now();
    const accepted = await repo.updateOpenRequest(tx, id, {
      status: "accepted",
      clientId,
      consultationId: consultation?.id ?? null,
      bookingId: booking?.id ?? null,
      updatedAt: now,
    });
    if (!accepted) throw new AppError("invalid_transition");
    await repo.insertEvent(tx, {
      requestId: id,
      status: "accepted",
      actorId: actor.userId,
      actorName: actor.displayName,
      siteId: row.siteId,
      note: consultation || booking ? null : "Termin vereinbaren",
      at: now,
    });
    await recordAuditEvent(tx, origin, {
      action: "online_request.accept",
      outcome: "success",
      recordType: RECORD,
      recordId: id,
      details: { clientId, consultationId: consultation?.id ?? null, bookingId: booking?.id ?? null },
    });
    return {
      request: await present(tx, actor, { row: accepted, sitePath: found.sitePath }),
      clientId,
      consultationId: consultation?.id ?? null,
      bookingId: booking?.id ?? null,
      links: {
        client: `/staff/clients/${clientId}`,
        consultation: consultation ? `/staff/consultations/${consultation.id}` : null,
      },
    };
  });
}

/**
 * Passes a request on to another site of the network: it leaves this inbox for that one, the
 * history stays with it, the person and the other site's contact address are told.
 */
export async function forwardOnlineRequest(
  ctx: AppContext,
  origin: RequestOrigin,
  id: string,
  input: ForwardOnlineRequestRequest,
): Promise<OnlineRequest> {
  const actor = origin.actor!;
  return ctx.database.db.transaction(async (tx) => {
    const { row } = await openRequestFor(tx, actor, id, "forward");
    if (input.siteId === row.siteId) throw invalidField("siteId", "same_site", "Die Anfrage ist schon bei diesem Standort.");
    const target = await publicSite(ctx, tx, input.siteId);
    if (!target) throw invalidField("siteId", "unknown_site", "An diesen Standort kann keine Anfrage gehen (unbekannt oder geschlossen).");
    const now = ctx.clock.now();
    const forwarded = await repo.updateOpenRequest(tx, id, {
      status: "forwarded",
      siteId: target.id,
      forwardedFromSiteId: row.siteId,
      updatedAt: now,
    });
    if (!forwarded) throw new AppError("invalid_transition");
    await repo.insertEvent(tx, {
      requestId: id,
      status: "forwarded",
      actorId: actor.userId,
      actorName: actor.displayName,
      siteId: row.siteId,
      toSiteId: target.id,
      note: input.note ?? null,
      at: now,
    });
    await recordAuditEvent(tx, origin, {
      action: "online_request.forward",
      outcome: "success",
      recordType: RECORD,
      recordId: id,
      details: { fromSiteId: row.siteId, toSiteId: target.id },
    });
    const fromName = (await unitNamesById(tx, [row.siteId])).get(row.siteId) ?? "";
    await enqueueMail(tx, requestForwardedMail(forwarded, target.name), requestMailKeys.forwarded(id, now));
    if (target.email) await enqueueMail(tx, requestNotificationMail(target.email, forwarded, target.name, ctx.config.publicUrl, fromName));
    return present(tx, actor, { row: forwarded, sitePath: target.path });
  });
}

/** Closes a request with an answer, mailed to the person in the language they wrote in. */
export async function closeOnlineRequest(
  ctx: AppContext,
  origin: RequestOrigin,
  id: string,
  input: CloseOnlineRequestRequest,
): Promise<OnlineRequest> {
  const actor = origin.actor!;
  return ctx.database.db.transaction(async (tx) => {
    const found = await openRequestFor(tx, actor, id, "close");
    const now = ctx.clock.now();
    const closed = await repo.updateOpenRequest(tx, id, { status: "closed", answer: input.answer, updatedAt: now });
    if (!closed) throw new AppError("invalid_transition");
    await repo.insertEvent(tx, {
      requestId: id,
      status: "closed",
      actorId: actor.userId,
      actorName: actor.displayName,
      siteId: closed.siteId,
      at: now,
    });
    await recordAuditEvent(tx, origin, { action: "online_request.close", outcome: "success", recordType: RECORD, recordId: id });
    const site = await publicSite(ctx, tx, closed.siteId);
    const siteName = site?.name ?? (await unitNamesById(tx, [closed.siteId])).get(closed.siteId) ?? "";
    await enqueueMail(tx, requestAnswerMail(closed, siteName, site?.email ?? null), requestMailKeys.answer(id));
    return present(tx, actor, { row: closed, sitePath: found.sitePath });
  });
}

/** Open public sites to forward to, by name or place (unit names and places are public). */
export async function listForwardTargets(ctx: AppContext, actor: Actor, q: string): Promise<ForwardTargets> {
  ensure(doesCasework(actor));
  const needle = q.trim().toLocaleLowerCase("de");
  const sites = await listPublicSiteContacts(ctx, ctx.database.db);
  const items = sites
    .filter((s) => !needle || s.name.toLocaleLowerCase("de").includes(needle) || (s.city ?? "").toLocaleLowerCase("de").includes(needle))
    .slice(0, 30)
    .map((s) => ({ id: s.id, name: s.name, city: s.city, stateCode: s.stateCode }));
  return { items };
}

// --- helpers -----------------------------------------------------------------------------------

/**
 * The request, locked, for a move of the caller: 404 outside their sites (the refusal is not
 * audited: nothing was shown), 409 when it is no longer open (accepted or closed already).
 */
async function openRequestFor(tx: Executor, actor: Actor, id: string, action: RequestAction) {
  const found = await repo.findRequest(tx, id, { forUpdate: true });
  if (!found || !worksOnRequest(actor, found)) throw new AppError("not_found");
  if (!requestActionsFor(actor, { sitePath: found.sitePath, status: found.row.status }).includes(action)) {
    throw new AppError("invalid_transition", { detail: "Diese Anfrage ist schon angenommen oder abgeschlossen." });
  }
  return { ...found, row: repo.withContact(found.row) };
}

async function present(tx: Executor, actor: Actor, found: repo.OnlineRequestWithPath): Promise<OnlineRequest> {
  const events = await repo.listEvents(tx, found.row.id);
  const names = await unitNamesById(tx, unitIdsOf(found.row, events));
  return presentRequest(found.row, events, names, requestActionsFor(actor, { sitePath: found.sitePath, status: found.row.status }));
}
