import type {
  ClientSearchQuery,
  CreateClientRequest,
  DuplicateCheckRequest,
  GiveConsentRequest,
  UpdateClientRequest,
} from "../../../common/contracts/clients.js";
import { CURRENT_CONSENT_TEXT_VERSION, clientNumberPattern, normalizeName } from "../../../common/domain/clients.js";
import type { Executor } from "../../db/index.js";
import type { Actor, RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { ensure } from "../../platform/policy.js";
import { recordAuditEvent } from "../audit/service.js";
import { berlinToday, getUnitRef, lookupPostcode, unitIdsInSubtrees, unitNamesById } from "../directory/service.js";
import { withClientAccess } from "./access.js";
import { canCreateClientIn, caseworkPaths, clientAbilities, doesCasework, initialCounselorId } from "./policy.js";
import { presentClient, presentClientHit } from "./presenter.js";
import * as repo from "./repository.js";

export { type ClientAccess, checkClientAccess, withClientAccess } from "./access.js";

const RECORD = "client";
/** Below this trigram similarity two names are not worth a second look. */
const DUPLICATE_THRESHOLD = 0.45;

/** District and state of a postcode; an unknown postcode is a field error, not a silent gap. */
async function placeOf(ctx: AppContext, exec: Executor, postcode: string | null | undefined) {
  if (!postcode) return { postcode: null, district: null, stateCode: null };
  const [place] = await lookupPostcode(ctx, postcode, exec);
  if (!place) throw invalidField("postcode", "unknown_postcode", "Diese Postleitzahl ist nicht bekannt");
  return { postcode, district: place.district, stateCode: place.stateCode };
}

/** The sub-project a new record belongs to: the one named, or the caller's only one. */
async function owningUnit(exec: Executor, actor: Actor, unitId: string | undefined) {
  const candidates = unitId
    ? [unitId]
    : [...new Set(actor.grants.filter((g) => g.role === "counselor" || g.role === "sub_project_lead").map((g) => g.unitId))];
  if (candidates.length !== 1) throw invalidField("unitId", "required", "Bitte wählen Sie das Teilprojekt, das die Beratung führt");
  const unit = await getUnitRef(exec, candidates[0]!);
  if (!unit || !canCreateClientIn(actor, unit)) {
    if (!unitId && !doesCasework(actor)) throw new AppError("forbidden");
    throw invalidField("unitId", "not_allowed", "In diesem Teilprojekt können Sie keine Ratsuchenden erfassen");
  }
  if (unit.closedOn) throw invalidField("unitId", "closed", "Dieses Teilprojekt ist geschlossen");
  return unit;
}

/**
 * Creates a client with its consents, in one transaction with its audit event. Another module's
 * use case (accepting an online request) passes its own transaction as `exec` (the work then runs
 * in a savepoint of it) and the day the person gave their consent.
 */
export async function createClient(
  ctx: AppContext,
  origin: RequestOrigin,
  input: CreateClientRequest,
  options: { exec?: Executor; consentGivenOn?: string } = {},
): Promise<string> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  return (options.exec ?? ctx.database.db).transaction(async (tx) => {
    const unit = await owningUnit(tx, actor, input.unitId);
    const place = await placeOf(ctx, tx, input.postcode);
    const client = await repo.insertClient(tx, {
      unitId: unit.id,
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      preferredLanguages: input.preferredLanguages,
      searchName: normalizeName(input.firstName, input.lastName),
      birthYear: input.birthYear,
      gender: input.gender,
      nationalities: input.nationalities,
      ...place,
      refugeeBackground: input.refugeeBackground,
      residenceStatus: input.residenceStatus,
      germanLevel: input.germanLevel,
      qualificationCountry: input.qualificationCountry ?? null,
      qualificationKind: input.qualificationKind,
      qualificationYear: input.qualificationYear ?? null,
      employmentStatus: input.employmentStatus,
      counselorId: initialCounselorId(actor, unit.path),
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
      updatedAt: ctx.clock.now(),
    });
    const givenOn = options.consentGivenOn ?? berlinToday(ctx);
    const textVersion = input.consent.textVersion ?? CURRENT_CONSENT_TEXT_VERSION;
    const kinds = input.consent.contact ? (["processing", "contact"] as const) : (["processing"] as const);
    for (const kind of kinds) {
      await repo.insertConsent(tx, {
        clientId: client.id,
        kind,
        givenOn,
        textVersion,
        recordedBy: actor.userId,
        recordedAt: ctx.clock.now(),
      });
    }
    await recordAuditEvent(tx, origin, { action: "client.create", outcome: "success", recordType: RECORD, recordId: client.id });
    return client.id;
  });
}

/**
 * Reads one client for the caller. Every attempt is audited in the same transaction: a read
 * (noting a break-the-glass access), or a refusal (see access.ts for 403 vs 404).
 */
export async function getClient(ctx: AppContext, origin: RequestOrigin, id: string) {
  const actor = origin.actor!;
  return withClientAccess(ctx.database.db, origin, id, ctx.clock.now(), { purpose: "read", action: "client.read" }, async (tx, access) => {
    const { row } = (await repo.findClient(tx, id))!;
    const consents = await repo.listConsents(tx, id);
    const names = await unitNamesById(tx, [row.unitId, ...consents.map((c) => c.partnerUnitId)]);
    await recordAuditEvent(tx, origin, {
      action: "client.read",
      outcome: "success",
      recordType: RECORD,
      recordId: id,
      details: access.via === "break_glass" ? { via: "break_glass" } : undefined,
    });
    // An erased record is kept for statistics only: nothing about it can be changed any more.
    const abilities = row.erasedAt
      ? { update: false, giveConsent: false, erase: false }
      : clientAbilities(actor, { unitPath: access.unitPath });
    return presentClient(row, consents, names, abilities);
  });
}

/** A search shows names, so it is a read: one audit event naming the records it showed. */
export async function searchClients(ctx: AppContext, origin: RequestOrigin, query: ClientSearchQuery) {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  const upper = query.q.toUpperCase();
  return ctx.database.db.transaction(async (tx) => {
    const rows = await repo.searchClients(tx, {
      unitIds: await unitIdsInSubtrees(tx, caseworkPaths(actor)),
      name: normalizeName(query.q),
      number: clientNumberPattern.test(upper) ? Number(upper.slice(1)) : null,
      limit: query.limit,
    });
    const names = await unitNamesById(
      tx,
      rows.map((r) => r.unit_id),
    );
    await auditListRead(tx, origin, "client.search", rows);
    return rows.map((r) => {
      const { similarity: _similarity, ...summary } = presentClientHit(r, names);
      return summary;
    });
  });
}

/** Possible duplicates of a person about to be recorded, among the clients the caller may read. */
export async function findDuplicates(ctx: AppContext, origin: RequestOrigin, input: DuplicateCheckRequest) {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  return ctx.database.db.transaction(async (tx) => {
    const rows = await repo.findDuplicateCandidates(tx, {
      unitIds: await unitIdsInSubtrees(tx, caseworkPaths(actor)),
      name: normalizeName(input.firstName, input.lastName),
      birthYear: input.birthYear ?? null,
      nationalities: input.nationalities,
      threshold: DUPLICATE_THRESHOLD,
      limit: 10,
    });
    const names = await unitNamesById(
      tx,
      rows.map((r) => r.unit_id),
    );
    await auditListRead(tx, origin, "client.duplicate_check", rows);
    return rows.map((r) => presentClientHit(r, names));
  });
}

// The audit keeps which records were shown, never the search text (it holds a name).
async function auditListRead(tx: Executor, origin: RequestOrigin, action: string, rows: { id: string }[]) {
  await recordAuditEvent(tx, origin, {
    action,
    outcome: "success",
    recordType: RECORD,
    details: { shown: rows.map((r) => r.id) },
  });
}

/**
 * A change to a client: in the caller's casework (a break-the-glass access is for reading: 403,
 * audited), the row locked until commit, at the expected version, not erased.
 */
function changeClient<T>(
  ctx: AppContext,
  origin: RequestOrigin,
  id: string,
  action: string,
  version: number | undefined,
  work: (tx: Executor, row: repo.ClientRow) => Promise<T>,
) {
  return withClientAccess(ctx.database.db, origin, id, ctx.clock.now(), { purpose: "change", action, forUpdate: true }, async (tx) => {
    const { row } = (await repo.findClient(tx, id))!;
    if (row.erasedAt)
      throw new AppError("conflict", {
        detail: "Die personenbezogenen Daten wurden gelöscht; der Datensatz kann nicht mehr geändert werden",
      });
    if (version !== undefined && row.version !== version) throw new AppError("conflict", { extra: { currentVersion: row.version } });
    return work(tx, row);
  });
}

export async function updateClient(ctx: AppContext, origin: RequestOrigin, id: string, input: UpdateClientRequest): Promise<void> {
  await changeClient(ctx, origin, id, "client.update", input.version, async (tx, row) => {
    const { version, ...changes } = input;
    const place = "postcode" in changes ? await placeOf(ctx, tx, changes.postcode) : {};
    const firstName = changes.firstName ?? row.firstName;
    const lastName = changes.lastName ?? row.lastName;
    const updated = await repo.updateClient(
      tx,
      id,
      version,
      { ...changes, ...place, searchName: normalizeName(firstName, lastName) },
      ctx.clock.now(),
    );
    if (!updated) throw new AppError("conflict");
    // Which fields changed, never their values: the audit trail outlives the personal data.
    await recordAuditEvent(tx, origin, {
      action: "client.update",
      outcome: "success",
      recordType: RECORD,
      recordId: id,
      details: { fields: Object.keys(changes).sort() },
    });
  });
}

export async function giveConsent(ctx: AppContext, origin: RequestOrigin, id: string, input: GiveConsentRequest): Promise<void> {
  const actor = origin.actor!;
  await changeClient(ctx, origin, id, "client.consent_given", undefined, async (tx) => {
    if (input.partnerUnitId && !(await getUnitRef(tx, input.partnerUnitId))) {
      throw invalidField("partnerUnitId", "not_found", "Diese Einheit gibt es nicht");
    }
    const consent = await repo.insertConsent(tx, {
      clientId: id,
      kind: input.kind,
      partnerUnitId: input.partnerUnitId ?? null,
      givenOn: input.givenOn ?? berlinToday(ctx),
      textVersion: input.textVersion ?? CURRENT_CONSENT_TEXT_VERSION,
      recordedBy: actor.userId,
      recordedAt: ctx.clock.now(),
    });
    await recordAuditEvent(tx, origin, {
      action: "client.consent_given",
      outcome: "success",
      recordType: RECORD,
      recordId: id,
      details: { consentId: consent.id, kind: input.kind, partnerUnitId: input.partnerUnitId ?? null },
    });
  });
}

/** A withdrawal takes effect at once; withdrawing twice is not an error (safe to retry). */
export async function withdrawConsent(ctx: AppContext, origin: RequestOrigin, id: string, consentId: string): Promise<void> {
  const actor = origin.actor!;
  await changeClient(ctx, origin, id, "client.consent_withdrawn", undefined, async (tx) => {
    const consent = await repo.findConsent(tx, id, consentId);
    if (!consent) throw new AppError("not_found");
    if (consent.withdrawnAt) return;
    await repo.withdrawConsent(tx, id, consentId, actor.userId, ctx.clock.now());
    await recordAuditEvent(tx, origin, {
      action: "client.consent_withdrawn",
      outcome: "success",
      recordType: RECORD,
      recordId: id,
      details: { consentId, kind: consent.kind },
    });
  });
}

/** For the consultations module: a contact on `day` extends the client's retention period. */
export async function recordContact(tx: Executor, clientId: string, day: string): Promise<void> {
  await repo.touchLastContact(tx, clientId, day);
}
export { type ClientChecklistView, clientChecklistView } from "./checklist-view.js";
export { hasActiveSharingConsent, readSharedFields, type SharedRead } from "./sharing.js";
