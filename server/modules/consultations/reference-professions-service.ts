import type {
  CreateReferenceProfessionRequest,
  ReferenceProfession,
  ReferenceProfessionQuery,
  UpdateReferenceProfessionRequest,
} from "../../../common/contracts/consultations.js";
import type { ProfessionalField } from "../../../common/domain/reference-professions.js";
import type { Executor } from "../../db/index.js";
import type { RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, fieldError } from "../../platform/errors.js";
import { ensure } from "../../platform/policy.js";
import { recordAuditEvent } from "../audit/service.js";
import { canCurateCatalogue } from "./policy.js";
import * as repo from "./reference-professions-repository.js";

const RECORD = "reference_profession";

function present(row: repo.ReferenceProfessionRow): ReferenceProfession {
  return {
    id: row.id,
    name: row.name,
    formerNames: row.formerNames,
    regulated: row.regulated,
    professionalField: row.professionalField as ProfessionalField,
    qualificationKind: row.qualificationKind as "academic" | "vocational",
    active: row.active,
  };
}

/** Staff search the catalogue by current or former name, accent- and case-free. */
export async function listReferenceProfessions(ctx: AppContext, query: ReferenceProfessionQuery) {
  return (await repo.listReferenceProfessions(ctx.database.db, query)).map(present);
}

async function ensureNameFree(tx: Executor, name: string, exceptId?: string) {
  const existing = await repo.findReferenceProfessionByName(tx, name);
  if (existing && existing.id !== exceptId) {
    throw new AppError("already_exists", { errors: [fieldError("name", "taken", "Diesen Referenzberuf gibt es bereits")] });
  }
}

export async function createReferenceProfession(ctx: AppContext, origin: RequestOrigin, input: CreateReferenceProfessionRequest) {
  ensure(canCurateCatalogue(origin.actor!));
  return ctx.database.db.transaction(async (tx) => {
    await ensureNameFree(tx, input.name);
    const row = await repo.insertReferenceProfession(tx, {
      ...input,
      searchText: repo.searchTextOf(input.name, input.formerNames),
      createdBy: origin.actor!.userId,
    });
    await recordAuditEvent(tx, origin, { action: "reference_profession.create", outcome: "success", recordType: RECORD, recordId: row.id });
    return present(row);
  });
}

/** Renames, reclassifies or retires an entry; a retired entry stays on old records and leaves the pick list. */
export async function updateReferenceProfession(
  ctx: AppContext,
  origin: RequestOrigin,
  id: string,
  input: UpdateReferenceProfessionRequest,
) {
  ensure(canCurateCatalogue(origin.actor!));
  return ctx.database.db.transaction(async (tx) => {
    const current = await repo.findReferenceProfession(tx, id);
    if (!current) throw new AppError("not_found");
    if (input.name) await ensureNameFree(tx, input.name, id);
    const name = input.name ?? current.name;
    const formerNames = input.formerNames ?? current.formerNames;
    const row = await repo.updateReferenceProfession(tx, id, { ...input, searchText: repo.searchTextOf(name, formerNames) });
    await recordAuditEvent(tx, origin, {
      action: "reference_profession.update",
      outcome: "success",
      recordType: RECORD,
      recordId: id,
      details: { fields: Object.keys(input).sort() },
    });
    return present(row!);
  });
}

/** For other modules (procedures): one catalogue entry, retired ones too, in the caller's transaction; null if unknown. */
export async function getReferenceProfession(exec: Executor, id: string): Promise<ReferenceProfession | null> {
  const row = await repo.findReferenceProfession(exec, id);
  return row ? present(row) : null;
}

/** For the monitoring: catalogue names by id (retired entries too), for labelling statistics. */
export async function referenceProfessionNames(exec: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const distinct = [...new Set(ids)].filter(Boolean);
  if (distinct.length === 0) return new Map();
  const rows = await repo.findReferenceProfessions(exec, distinct);
  return new Map(rows.map((p) => [p.id, p.name]));
}
