import type { MergeClientRequest, MergeClientResponse } from "../../../common/contracts/client-lifecycle.js";
import type { RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { recordAuditEvent } from "../audit/service.js";
import { checkClientAccess } from "./access.js";
import * as lifecycle from "./lifecycle-repository.js";
import { clientRecordKeepers } from "./record-keepers.js";
import type { ClientInsert, ClientRow } from "./repository.js";
import * as repo from "./repository.js";

/** Facts the kept record lacks are taken from the duplicate; what the kept record has wins. */
const fillableFacts = [
  "email",
  "phone",
  "postcode",
  "district",
  "stateCode",
  "refugeeBackground",
  "qualificationCountry",
  "qualificationYear",
  "counselorId",
] as const satisfies readonly (keyof ClientRow)[];
const statedFacts = ["gender", "residenceStatus", "germanLevel", "qualificationKind", "employmentStatus"] as const;

function gapsFilledFrom(kept: ClientRow, duplicate: ClientRow): Partial<ClientInsert> {
  const changes: Partial<ClientInsert> = {};
  for (const key of fillableFacts) if (kept[key] === null && duplicate[key] !== null) Object.assign(changes, { [key]: duplicate[key] });
  for (const key of statedFacts)
    if (kept[key] === "not_stated" && duplicate[key] !== "not_stated") Object.assign(changes, { [key]: duplicate[key] });
  const nationalities = [...new Set([...kept.nationalities, ...duplicate.nationalities])];
  if (nationalities.length !== kept.nationalities.length) changes.nationalities = nationalities;
  const languages = [...new Set([...kept.preferredLanguages, ...duplicate.preferredLanguages])];
  if (languages.length !== kept.preferredLanguages.length) changes.preferredLanguages = languages;
  const lastContact = [kept.lastContactOn, duplicate.lastContactOn].filter(Boolean).sort().at(-1) ?? null;
  if (lastContact !== kept.lastContactOn) changes.lastContactOn = lastContact;
  return changes;
}

/**
 * Zusammenführen of two records of one person: the record in the path is kept, the duplicate's
 * consultations, procedures, referrals, consents and tasks move to it, and the duplicate stays
 * behind as an empty pointer (`mergedIntoId`), so links and the audit trail still resolve.
 * Both records must be in the caller's casework. Repeating a finished merge changes nothing.
 */
export async function mergeClients(
  ctx: AppContext,
  origin: RequestOrigin,
  keptId: string,
  input: MergeClientRequest,
): Promise<MergeClientResponse> {
  if (input.duplicateId === keptId)
    throw invalidField("duplicateId", "same_record", "Ein Datensatz kann nicht mit sich selbst zusammengeführt werden");
  const now = ctx.clock.now();
  const outcome = await ctx.database.db.transaction(async (tx) => {
    // Lock both rows in id order, so two merges of the same pair cannot deadlock.
    const ordered = [keptId, input.duplicateId].sort();
    for (const id of ordered) await repo.findClient(tx, id, { forUpdate: true });
    const keptAccess = await checkClientAccess(tx, origin, keptId, now, { purpose: "change", action: "client.merge" });
    if (keptAccess instanceof AppError) return { refused: keptAccess };
    const duplicate = await repo.findClient(tx, input.duplicateId);
    // A repeat of a finished merge (the duplicate is now only a pointer to the kept record).
    if (duplicate?.row.mergedIntoId === keptId) return { result: { keptId, mergedId: input.duplicateId, moved: {} } };
    const dupAccess = await checkClientAccess(tx, origin, input.duplicateId, now, { purpose: "change", action: "client.merge" });
    if (dupAccess instanceof AppError) return { refused: dupAccess };
    const kept = (await repo.findClient(tx, keptId))!.row;
    const dup = duplicate!.row;
    if (kept.erasedAt || dup.erasedAt)
      throw new AppError("conflict", { detail: "Gelöschte Datensätze können nicht zusammengeführt werden" });
    if (kept.version !== input.version || dup.version !== input.duplicateVersion) throw new AppError("conflict");

    const moved: Record<string, number> = { clients: await lifecycle.moveOwnRecords(tx, dup.id, kept.id) };
    for (const keeper of clientRecordKeepers()) moved[keeper.module] = await keeper.moveRecords(tx, dup.id, kept.id);
    const updated = await repo.updateClient(tx, kept.id, kept.version, gapsFilledFrom(kept, dup), now);
    if (!updated) throw new AppError("conflict");
    await lifecycle.markMerged(tx, dup.id, kept.id, now);
    for (const [recordId, role] of [
      [kept.id, "kept"],
      [dup.id, "merged"],
    ] as const) {
      await recordAuditEvent(tx, origin, {
        action: "client.merge",
        outcome: "success",
        recordType: "client",
        recordId,
        details: { role, keptId: kept.id, mergedId: dup.id, moved },
      });
    }
    return { result: { keptId: kept.id, mergedId: dup.id, moved } };
  });
  if ("refused" in outcome) throw outcome.refused;
  return outcome.result;
}
