import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { SupportRequestStatus } from "../../../common/domain/consultations.js";
import type { Executor } from "../../db/index.js";
import { consultations, supportRequests } from "../../db/schema/index.js";
import { unitPathSql } from "../directory/service.js";

export type SupportRequestRow = typeof supportRequests.$inferSelect;

export async function insertSupportRequest(exec: Executor, values: typeof supportRequests.$inferInsert): Promise<SupportRequestRow> {
  const [row] = await exec.insert(supportRequests).values(values).returning();
  return row!;
}

/** The support requests of these consultations, oldest first. */
export async function listForConsultations(exec: Executor, consultationIds: string[]): Promise<SupportRequestRow[]> {
  if (consultationIds.length === 0) return [];
  return exec
    .select()
    .from(supportRequests)
    .where(inArray(supportRequests.consultationId, consultationIds))
    .orderBy(asc(supportRequests.askedAt), asc(supportRequests.id));
}

/**
 * What the support team sees of a request: the question and the legal matter of the
 * consultation (reasons, sector, date, the path of the counselling unit for its state network).
 * No client id leaves this query.
 */
const queueColumns = {
  request: supportRequests,
  consultationDate: consultations.date,
  fiReasons: consultations.fiReasons,
  fiReasonOther: consultations.fiReasonOther,
  employerSector: consultations.employerSector,
  unitPath: unitPathSql(consultations.unitId),
};

export type SupportQueueRow = { request: SupportRequestRow } & Record<
  "consultationDate" | "fiReasonOther" | "employerSector" | "unitPath",
  string | null
> & { fiReasons: string[] };

export async function listQueue(
  exec: Executor,
  filter: { supportUnitIds: string[]; status: SupportRequestStatus; limit: number },
): Promise<SupportQueueRow[]> {
  if (filter.supportUnitIds.length === 0) return [];
  const open = filter.status === "open";
  return (await exec
    .select(queueColumns)
    .from(supportRequests)
    .innerJoin(consultations, eq(consultations.id, supportRequests.consultationId))
    .where(
      and(
        inArray(supportRequests.supportUnitId, filter.supportUnitIds),
        open ? isNull(supportRequests.answeredAt) : isNotNull(supportRequests.answeredAt),
      ),
    )
    // Open questions oldest first (a queue); answered ones newest first (an archive).
    .orderBy(open ? asc(supportRequests.askedAt) : desc(supportRequests.answeredAt), asc(supportRequests.id))
    .limit(filter.limit)) as SupportQueueRow[];
}

export async function findQueueEntry(exec: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = exec
    .select(queueColumns)
    .from(supportRequests)
    .innerJoin(consultations, eq(consultations.id, supportRequests.consultationId))
    .where(eq(supportRequests.id, id));
  const [row] = options.forUpdate ? await query.for("update", { of: supportRequests }) : await query;
  return (row as SupportQueueRow | undefined) ?? null;
}

export async function answerSupportRequest(exec: Executor, id: string, version: number, answer: { text: string; by: string; at: Date }) {
  const [row] = await exec
    .update(supportRequests)
    .set({ answer: answer.text, answeredBy: answer.by, answeredAt: answer.at, version: version + 1 })
    .where(and(eq(supportRequests.id, id), eq(supportRequests.version, version)))
    .returning();
  return row ?? null;
}

/** Erasure: questions and answers about the client's consultations go (they may describe the person). */
export async function eraseTexts(exec: Executor, consultationIds: string[]): Promise<number> {
  if (consultationIds.length === 0) return 0;
  const rows = await exec
    .update(supportRequests)
    .set({ question: "", answer: null, version: sql`${supportRequests.version} + 1` })
    .where(
      and(
        inArray(supportRequests.consultationId, consultationIds),
        sql`(${supportRequests.question} <> '' or ${supportRequests.answer} is not null)`,
      ),
    )
    .returning({ id: supportRequests.id });
  return rows.length;
}
