import type { ConsultationKind } from "../../../common/domain/consultations.js";
import type { Executor } from "../../db/index.js";
import { labelsFor } from "./names.js";
import * as repo from "./repository.js";
import * as support from "./support-requests-repository.js";

/**
 * What the clients module does to a person as a whole, for this module's records (see
 * clients/record-keepers.ts): access export, erasure and merge. Each runs inside the clients
 * module's transaction, which holds the client rows locked.
 */

/** Everything stored about the client's consultations, for the access export (Art. 15 GDPR). */
export async function exportRecords(tx: Executor, clientId: string): Promise<Record<string, unknown>[]> {
  const rows = await repo.listForClient(tx, clientId);
  const labels = await labelsFor(tx, rows);
  const requests = await support.listForConsultations(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    date: row.date,
    kind: row.kind,
    fundingPeriod: row.fundingPeriod,
    counselor: labels.users.get(row.counselorId) ?? null,
    unit: labels.units.get(row.unitId)?.name ?? null,
    site: row.siteId ? (labels.units.get(row.siteId)?.name ?? null) : null,
    channel: row.channel,
    languages: row.languages,
    interpreter: row.interpreter,
    durationMinutes: row.durationMinutes,
    referenceProfession: row.referenceProfessionId ? (labels.professions.get(row.referenceProfessionId)?.name ?? null) : null,
    topics: row.topics,
    nextSteps: row.nextSteps,
    fiReasons: row.fiReasons,
    fiReasonOther: row.fiReasonOther,
    employerSector: row.employerSector,
    supportRequests: requests
      .filter((r) => r.consultationId === row.id)
      .map((r) => ({
        question: r.question,
        askedAt: r.askedAt.toISOString(),
        answer: r.answer,
        answeredAt: r.answeredAt?.toISOString() ?? null,
      })),
  }));
}

/**
 * Erasure: the free texts go (next steps, the "other" reason, support questions and answers);
 * kinds, dates, codes and durations stay, so statistics of past periods do not change.
 * Idempotent: a repeat changes nothing and returns 0.
 */
export async function erasePersonalData(tx: Executor, clientId: string): Promise<number> {
  const ids = (await repo.listForClient(tx, clientId)).map((r) => r.id);
  return (await repo.eraseFreeTexts(tx, clientId)) + (await support.eraseTexts(tx, ids));
}

/**
 * Merge: the duplicate's consultations move to the kept client. Afterwards the earliest contact
 * of each funding period is its first consultation, as if one record had been kept all along;
 * a displaced first consultation becomes a follow-up.
 */
export async function moveRecords(tx: Executor, fromClientId: string, toClientId: string): Promise<number> {
  const moved = await repo.moveToClient(tx, fromClientId, toClientId);
  if (moved === 0) return 0;
  const rows = await repo.listInContactOrder(tx, toClientId);
  for (const period of new Set(rows.map((r) => r.fundingPeriod))) {
    const inPeriod = rows.filter((r) => r.fundingPeriod === period);
    const earliest = inPeriod[0]!;
    if (earliest.kind === "first_consultation") continue;
    // Demote before promoting: the unique index allows one first consultation per period at any moment.
    for (const first of inPeriod.filter((r) => r.kind === "first_consultation")) await repo.setKind(tx, first.id, "follow_up");
    await repo.setKind(tx, earliest.id, "first_consultation" satisfies ConsultationKind);
  }
  return moved;
}
