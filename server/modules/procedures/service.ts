import type {
  CreateProcedureRequest,
  DocumentInput,
  Procedure,
  ProcedureChecklist,
  ReplaceDocumentsRequest,
  UpdateProcedureRequest,
} from "../../../common/contracts/procedures.js";
import type { TimelineEntry } from "../../../common/contracts/timeline.js";
import { type ChecklistLanguage, isChecklistLanguage } from "../../../common/domain/procedure-checklist-i18n.js";
import {
  type CompensationMeasure,
  defaultDocumentKinds,
  documentProblems,
  type ProcedureDecisionState,
  type ProcedureOutcome,
  procedureDecisionProblems,
} from "../../../common/domain/procedures.js";
import type { Executor } from "../../db/index.js";
import type { Actor, RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, type FieldError, fieldError } from "../../platform/errors.js";
import { ensure } from "../../platform/policy.js";
import { recordAuditEvent } from "../audit/service.js";
import { type ClientAccess, clientChecklistView, withClientAccess } from "../clients/service.js";
import { getReferenceProfession } from "../consultations/reference-professions-service.js";
import { berlinToday, getUnitRefs } from "../directory/service.js";
import { canChangeProcedures, canReadProcedures, doesCasework, procedureAbilities } from "./policy.js";
import { type ProfessionRef, presentChecklist, presentProcedure, presentTimelineEntry } from "./presenter.js";
import * as repo from "./repository.js";

const RECORD = "procedure";

const validationFailed = (errors: FieldError[]) => new AppError("validation_failed", { errors });

/** Audit details of a success: the client, and whether the access was a justified one. */
const auditDetails = (access: ClientAccess, extra: Record<string, unknown> = {}) => ({
  clientId: access.clientId,
  ...extra,
  ...(access.via === "break_glass" ? { via: "break_glass" } : {}),
});

// --- loading ----------------------------------------------------------------------------------

/** The client a procedure belongs to, to establish access before anything else is read. */
async function clientIdOf(exec: Executor, id: string): Promise<string> {
  const row = await repo.findProcedure(exec, id);
  if (!row) throw new AppError("not_found");
  return row.clientId;
}

/** The procedure inside the access transaction; gone or moved to another client (merge) meanwhile: 404. */
async function procedureIn(tx: Executor, id: string, access: ClientAccess, options: { forUpdate?: boolean } = {}) {
  const row = await repo.findProcedure(tx, id, options);
  if (!row || row.clientId !== access.clientId) throw new AppError("not_found");
  return row;
}

/** Names of the units and reference professions the procedures point at. */
async function namesFor(tx: Executor, rows: repo.ProcedureRow[]) {
  const units = await getUnitRefs(tx, [...new Set(rows.map((r) => r.unitId))]);
  const professions = new Map<string, ProfessionRef>();
  for (const id of new Set(rows.map((r) => r.referenceProfessionId))) {
    const p = await getReferenceProfession(tx, id);
    professions.set(id, p ? { id, name: p.name, regulated: p.regulated } : { id, name: "?", regulated: false });
  }
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  return {
    unitName: (row: repo.ProcedureRow) => unitNames.get(row.unitId) ?? "?",
    profession: (row: repo.ProcedureRow) => professions.get(row.referenceProfessionId)!,
  };
}

/** The procedures with their documents and names, as the API shows them to this actor. */
async function present(tx: Executor, actor: Actor, access: ClientAccess, rows: repo.ProcedureRow[]): Promise<Procedure[]> {
  const documents = await repo.listDocuments(
    tx,
    rows.map((r) => r.id),
  );
  const names = await namesFor(tx, rows);
  const abilities = procedureAbilities(actor, access);
  return rows.map((row) =>
    presentProcedure(
      row,
      documents.filter((d) => d.procedureId === row.id),
      { unitName: names.unitName(row), profession: names.profession(row) },
      abilities,
    ),
  );
}

// --- rules ------------------------------------------------------------------------------------

/** Changing needs casework on the client (policy) and a person not yet erased (state). */
function ensureMayChange(actor: Actor, access: ClientAccess) {
  ensure(canChangeProcedures(actor, access));
  if (access.erasedAt) {
    throw new AppError("invalid_state", {
      detail: "Die personenbezogenen Daten dieser Person wurden gelöscht; ihre Akte wird nicht mehr geführt.",
    });
  }
}

function checkDecision(state: ProcedureDecisionState, today: string) {
  const problems = procedureDecisionProblems(state, today);
  if (problems.length) throw validationFailed(problems.map((p) => fieldError(p.field, p.code, p.message)));
}

/** The contract checks these already; repeated here because services may be called without it. */
function documentValues(documents: DocumentInput[]): repo.DocumentValues[] {
  const errors = documents.flatMap((doc, i) =>
    documentProblems(doc).map((p) => fieldError(`documents.${i}.${p.field}`, p.code, p.message)),
  );
  if (errors.length) throw validationFailed(errors);
  return documents.map((d) => ({
    kind: d.kind,
    label: d.label ?? null,
    present: d.present,
    translated: d.translated,
    certified: d.certified,
    note: d.note ?? null,
  }));
}

// --- use cases --------------------------------------------------------------------------------

/**
 * Opens a recognition procedure for a client the actor does casework for. Without a document
 * list the checklist starts from the defaults for the legal basis and the profession. The
 * procedure is kept by the client's owning sub-project.
 */
export async function createProcedure(ctx: AppContext, origin: RequestOrigin, input: CreateProcedureRequest): Promise<Procedure> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  const now = ctx.clock.now();
  return withClientAccess(
    ctx.database.db,
    origin,
    input.clientId,
    now,
    { purpose: "change", action: "procedure.create" },
    async (tx, access) => {
      ensureMayChange(actor, access);
      const profession = await getReferenceProfession(tx, input.referenceProfessionId);
      if (!profession) throw validationFailed([fieldError("referenceProfessionId", "not_found", "Diesen Referenzberuf gibt es nicht")]);
      if (!profession.active) {
        throw validationFailed([fieldError("referenceProfessionId", "inactive", "Dieser Referenzberuf wird nicht mehr geführt")]);
      }
      const applicationDate = input.applicationDate ?? null;
      checkDecision({ outcome: "pending", compensationMeasure: null, applicationDate, decisionDate: null }, berlinToday(ctx));
      const documents = input.documents
        ? documentValues(input.documents)
        : defaultDocumentKinds(input.legalBasis, profession).map((kind) => ({ kind, present: false, translated: false, certified: false }));
      const row = await repo.insertProcedure(tx, {
        clientId: access.clientId,
        unitId: access.unitId,
        referenceProfessionId: profession.id,
        competentAuthority: input.competentAuthority,
        legalBasis: input.legalBasis,
        applicationDate,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await repo.replaceDocuments(tx, row.id, documents, now);
      await recordAuditEvent(tx, origin, {
        action: "procedure.create",
        outcome: "success",
        recordType: RECORD,
        recordId: row.id,
        details: auditDetails(access, { documents: documents.length, defaultChecklist: !input.documents }),
      });
      return (await present(tx, actor, access, [row]))[0]!;
    },
  );
}

/** One procedure with its checklist (audited read; a break-the-glass access may read). */
export async function getProcedure(ctx: AppContext, origin: RequestOrigin, id: string): Promise<Procedure> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  const clientId = await clientIdOf(ctx.database.db, id);
  return withClientAccess(
    ctx.database.db,
    origin,
    clientId,
    ctx.clock.now(),
    { purpose: "read", action: "procedure.read" },
    async (tx, access) => {
      ensure(canReadProcedures(actor, access));
      const row = await procedureIn(tx, id, access);
      await recordAuditEvent(tx, origin, {
        action: "procedure.read",
        outcome: "success",
        recordType: RECORD,
        recordId: id,
        details: auditDetails(access),
      });
      return (await present(tx, actor, access, [row]))[0]!;
    },
  );
}

/** A client's procedures (audited read naming the procedures shown). */
export async function listProcedures(ctx: AppContext, origin: RequestOrigin, clientId: string): Promise<Procedure[]> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  return withClientAccess(
    ctx.database.db,
    origin,
    clientId,
    ctx.clock.now(),
    { purpose: "read", action: "procedure.list" },
    async (tx, access) => {
      ensure(canReadProcedures(actor, access));
      const rows = await repo.listProcedures(tx, clientId);
      await recordAuditEvent(tx, origin, {
        action: "procedure.list",
        outcome: "success",
        recordType: RECORD,
        details: auditDetails(access, { shown: rows.map((r) => r.id) }),
      });
      return present(tx, actor, access, rows);
    },
  );
}

/**
 * Changes authority, legal basis, dates and outcome at the expected version. The rules are
 * checked on the whole state after the change; a stale version is refused before anything else.
 */
export async function updateProcedure(
  ctx: AppContext,
  origin: RequestOrigin,
  id: string,
  input: UpdateProcedureRequest,
): Promise<Procedure> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  const now = ctx.clock.now();
  const clientId = await clientIdOf(ctx.database.db, id);
  return withClientAccess(ctx.database.db, origin, clientId, now, { purpose: "change", action: "procedure.update" }, async (tx, access) => {
    ensureMayChange(actor, access);
    const row = await procedureIn(tx, id, access, { forUpdate: true });
    if (row.version !== input.version) throw new AppError("conflict", { extra: { currentVersion: row.version } });
    const { version, ...changes } = input;
    const pick = <T>(sent: T | undefined, current: T) => (sent === undefined ? current : sent);
    checkDecision(
      {
        outcome: pick(changes.outcome, row.outcome as ProcedureOutcome),
        compensationMeasure: pick(changes.compensationMeasure, row.compensationMeasure as CompensationMeasure | null),
        applicationDate: pick(changes.applicationDate, row.applicationDate),
        decisionDate: pick(changes.decisionDate, row.decisionDate),
      },
      berlinToday(ctx),
    );
    const updated = await repo.updateProcedure(tx, id, version, changes, now);
    if (!updated) throw new AppError("conflict");
    await recordAuditEvent(tx, origin, {
      action: "procedure.update",
      outcome: "success",
      recordType: RECORD,
      recordId: id,
      details: auditDetails(access, { fields: Object.keys(changes).sort() }),
    });
    return (await present(tx, actor, access, [updated]))[0]!;
  });
}

/**
 * "Mein Ordner": replaces the whole ordered checklist at the procedure's version. The version
 * bump and the row lock make concurrent edits of the list answer 409 instead of losing one.
 */
export async function replaceDocuments(
  ctx: AppContext,
  origin: RequestOrigin,
  id: string,
  input: ReplaceDocumentsRequest,
): Promise<Procedure> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  const now = ctx.clock.now();
  const clientId = await clientIdOf(ctx.database.db, id);
  return withClientAccess(
    ctx.database.db,
    origin,
    clientId,
    now,
    { purpose: "change", action: "procedure.documents_replace" },
    async (tx, access) => {
      ensureMayChange(actor, access);
      const row = await procedureIn(tx, id, access, { forUpdate: true });
      if (row.version !== input.version) throw new AppError("conflict", { extra: { currentVersion: row.version } });
      const documents = documentValues(input.documents);
      const updated = await repo.updateProcedure(tx, id, input.version, {}, now);
      if (!updated) throw new AppError("conflict");
      await repo.replaceDocuments(tx, id, documents, now);
      await recordAuditEvent(tx, origin, {
        action: "procedure.documents_replace",
        outcome: "success",
        recordType: RECORD,
        recordId: id,
        details: auditDetails(access, { documents: documents.length, present: documents.filter((d) => d.present).length }),
      });
      return (await present(tx, actor, access, [updated]))[0]!;
    },
  );
}

/**
 * The printable checklist in the client's language: the one asked for, else the first of the
 * client's preferred languages that the checklist speaks, else German. Shows the client's name,
 * so it is an audited read like any other.
 */
export async function getChecklist(
  ctx: AppContext,
  origin: RequestOrigin,
  id: string,
  query: { lang?: ChecklistLanguage },
): Promise<ProcedureChecklist> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  const clientId = await clientIdOf(ctx.database.db, id);
  return withClientAccess(
    ctx.database.db,
    origin,
    clientId,
    ctx.clock.now(),
    { purpose: "read", action: "procedure.checklist_read" },
    async (tx, access) => {
      ensure(canReadProcedures(actor, access));
      const row = await procedureIn(tx, id, access);
      const client = await clientChecklistView(tx, clientId);
      if (!client) throw new AppError("not_found");
      const lang = query.lang ?? client.preferredLanguages.find(isChecklistLanguage) ?? "de";
      const documents = await repo.listDocuments(tx, [id]);
      const profession = await getReferenceProfession(tx, row.referenceProfessionId);
      await recordAuditEvent(tx, origin, {
        action: "procedure.checklist_read",
        outcome: "success",
        recordType: RECORD,
        recordId: id,
        details: auditDetails(access, { lang }),
      });
      return presentChecklist(row, documents, {
        lang,
        asOf: berlinToday(ctx),
        client: { firstName: client.firstName, lastName: client.lastName, number: client.number },
        professionName: profession?.name ?? "?",
      });
    },
  );
}

// --- for the clients module (timeline, access export, erasure, merge) ---------------------------

/** The client's procedures as timeline lines; unaudited: the caller audits the whole read. */
export async function timelineEntries(tx: Executor, clientId: string): Promise<TimelineEntry[]> {
  const rows = await repo.listProcedures(tx, clientId);
  if (rows.length === 0) return [];
  const missing = await repo.countMissingDocuments(
    tx,
    rows.map((r) => r.id),
  );
  const names = await namesFor(tx, rows);
  return rows.map((row) => presentTimelineEntry(row, names.profession(row).name, missing.get(row.id) ?? 0));
}

/** Everything stored about the client's procedures, for the access export (Art. 15 GDPR). */
export async function exportRecords(tx: Executor, clientId: string): Promise<Record<string, unknown>[]> {
  const rows = await repo.listProcedures(tx, clientId);
  const documents = await repo.listDocuments(
    tx,
    rows.map((r) => r.id),
  );
  const names = await namesFor(tx, rows);
  return rows.map((row) => ({
    id: row.id,
    referenceProfession: names.profession(row).name,
    competentAuthority: row.competentAuthority,
    legalBasis: row.legalBasis,
    applicationDate: row.applicationDate,
    decisionDate: row.decisionDate,
    outcome: row.outcome,
    compensationMeasure: row.compensationMeasure,
    createdAt: row.createdAt.toISOString(),
    documents: documents
      .filter((d) => d.procedureId === row.id)
      .map((d) => ({ kind: d.kind, label: d.label, present: d.present, translated: d.translated, certified: d.certified, note: d.note })),
  }));
}

/** Erasure: the free texts of the checklists go, the facts stay. Idempotent (a repeat returns 0). */
export async function erasePersonalData(tx: Executor, clientId: string): Promise<number> {
  return repo.eraseDocumentTexts(tx, clientId);
}

/** Merge: the duplicate's procedures move to the kept client; returns how many moved. */
export async function moveRecords(tx: Executor, fromClientId: string, toClientId: string): Promise<number> {
  return repo.moveProcedures(tx, fromClientId, toClientId);
}

/** This module's part in what the clients module does to a person as a whole (register in app.ts). */
export const procedureRecordKeeper = { module: "procedures", timelineEntries, exportRecords, erasePersonalData, moveRecords };
