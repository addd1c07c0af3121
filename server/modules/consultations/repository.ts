import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { ConsultationKind } from "../../../common/domain/consultations.js";
import { type Executor, isConstraintViolation, pgArrayLiteral } from "../../db/index.js";
import { consultations } from "../../db/schema/index.js";
import { fixedStatement } from "../../db/statement.js";
import type { PeriodEntry } from "./rules.js";

export type ConsultationRow = typeof consultations.$inferSelect;
export type ConsultationInsert = typeof consultations.$inferInsert;

/** The index that makes "one first consultation per client and period" race-free. */
export const FIRST_PER_PERIOD_INDEX = "consultations_first_per_period_key";

/** Whether an error is the unique index refusing a second first consultation. */
export function isFirstPerPeriodViolation(error: unknown): boolean {
  return isConstraintViolation(error, "23505", FIRST_PER_PERIOD_INDEX);
}

/** Everything of a new consultation but what the database defaults (not demo, version 1). */
export type NewConsultation = Omit<ConsultationRow, "isDemo" | "version">;

/**
 * Inserts a recorded consultation and returns its row, built from the values (the hot path of
 * recording: a fixed statement without `returning`, see server/db/statement.ts).
 */
export async function insertConsultation(exec: Executor, values: NewConsultation): Promise<ConsultationRow> {
  await insertConsultationSql(exec, {
    ...values,
    languages: pgArrayLiteral(values.languages),
    topics: pgArrayLiteral(values.topics),
    fiReasons: pgArrayLiteral(values.fiReasons),
    createdAt: values.createdAt.toISOString(),
    updatedAt: values.updatedAt.toISOString(),
  });
  return { ...values, isDemo: false, version: 1 };
}

type ConsultationParams = Omit<NewConsultation, "languages" | "topics" | "fiReasons" | "createdAt" | "updatedAt"> & {
  languages: string;
  topics: string;
  fiReasons: string;
  createdAt: string;
  updatedAt: string;
};
const insertConsultationSql = fixedStatement<ConsultationParams>(
  (p) => sql`insert into consultations (id, client_id, unit_id, site_id, counselor_id, date, funding_period, kind, channel,
                                        languages, interpreter, duration_minutes, reference_profession_id, topics, next_steps,
                                        fi_reasons, fi_reason_other, employer_sector, created_at, created_by, updated_at)
             values (${p("id")}::uuid, ${p("clientId")}::uuid, ${p("unitId")}::uuid, ${p("siteId")}::uuid, ${p("counselorId")}::uuid,
                     ${p("date")}::date, ${p("fundingPeriod")}, ${p("kind")}, ${p("channel")}, ${p("languages")}::text[],
                     ${p("interpreter")}::boolean, ${p("durationMinutes")}::int, ${p("referenceProfessionId")}::uuid,
                     ${p("topics")}::text[], ${p("nextSteps")}, ${p("fiReasons")}::text[], ${p("fiReasonOther")},
                     ${p("employerSector")}, ${p("createdAt")}::timestamptz, ${p("createdBy")}::uuid, ${p("updatedAt")}::timestamptz)`,
);

export async function findConsultation(exec: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = exec.select().from(consultations).where(eq(consultations.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** Writes the changes if the version still matches; null when someone else was faster. */
export async function updateConsultation(exec: Executor, id: string, version: number, changes: Partial<ConsultationInsert>, now: Date) {
  const [row] = await exec
    .update(consultations)
    .set({ ...changes, version: version + 1, updatedAt: now })
    .where(and(eq(consultations.id, id), eq(consultations.version, version)))
    .returning();
  return row ?? null;
}

/** A client's consultations, newest first. */
export async function listForClient(exec: Executor, clientId: string): Promise<ConsultationRow[]> {
  return exec
    .select()
    .from(consultations)
    .where(eq(consultations.clientId, clientId))
    .orderBy(desc(consultations.date), desc(consultations.createdAt), desc(consultations.id));
}

/** What the first-consultation rule looks at: kind and date of a client's consultations in one period. */
export async function listPeriodEntries(exec: Executor, clientId: string, fundingPeriod: string): Promise<PeriodEntry[]> {
  const rows = await periodEntries(exec, { clientId, fundingPeriod });
  return rows.map((r) => ({ ...r, kind: r.kind as ConsultationKind }));
}

/** The first-consultation rule reads this on every recording (hot path): built once. */
const periodEntries = fixedStatement<{ clientId: string; fundingPeriod: string }, { id: string; kind: string; date: string }>(
  (p) => sql`select id, kind, date::text as date from consultations
              where client_id = ${p("clientId")}::uuid and funding_period = ${p("fundingPeriod")}
              order by date`,
);

export async function findFirstConsultation(exec: Executor, clientId: string, fundingPeriod: string) {
  const [row] = await exec
    .select({ id: consultations.id, date: consultations.date })
    .from(consultations)
    .where(
      and(
        eq(consultations.clientId, clientId),
        eq(consultations.fundingPeriod, fundingPeriod),
        eq(consultations.kind, "first_consultation"),
      ),
    );
  return row ?? null;
}

/** The counselor's latest consultation, with this client if there is one, else with anyone. */
export async function latestByCounselor(exec: Executor, counselorId: string, clientId: string): Promise<ConsultationRow | null> {
  const [row] = await exec
    .select()
    .from(consultations)
    .where(eq(consultations.counselorId, counselorId))
    .orderBy(sql`(${consultations.clientId} = ${clientId}) desc`, desc(consultations.date), desc(consultations.createdAt))
    .limit(1);
  return row ?? null;
}

/** The reference profession of the client's latest consultation that named one. */
export async function lastReferenceProfessionId(exec: Executor, clientId: string): Promise<string | null> {
  const [row] = await exec
    .select({ id: consultations.referenceProfessionId })
    .from(consultations)
    .where(and(eq(consultations.clientId, clientId), isNotNull(consultations.referenceProfessionId)))
    .orderBy(desc(consultations.date), desc(consultations.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** Erasure: the free texts of a client's consultations go; kinds, dates, codes stay. Returns rows changed. */
export async function eraseFreeTexts(exec: Executor, clientId: string): Promise<number> {
  const rows = await exec
    .update(consultations)
    .set({ nextSteps: null, fiReasonOther: null, version: sql`${consultations.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(consultations.clientId, clientId),
        sql`(${consultations.nextSteps} is not null or ${consultations.fiReasonOther} is not null)`,
      ),
    )
    .returning({ id: consultations.id });
  return rows.length;
}

/**
 * Merge, step one: a first consultation of the duplicate in a period where the kept client has
 * one too becomes a follow-up (the unique index allows one per client and period); then all
 * rows move. `normalizeFirstConsultations` settles who is first afterwards.
 */
export async function moveToClient(exec: Executor, fromClientId: string, toClientId: string): Promise<number> {
  await exec
    .update(consultations)
    .set({ kind: "follow_up" })
    .where(
      and(
        eq(consultations.clientId, fromClientId),
        eq(consultations.kind, "first_consultation"),
        sql`${consultations.fundingPeriod} in (select c.funding_period from ${consultations} c
              where c.client_id = ${toClientId} and c.kind = 'first_consultation')`,
      ),
    );
  const moved = await exec
    .update(consultations)
    .set({ clientId: toClientId, version: sql`${consultations.version} + 1`, updatedAt: sql`now()` })
    .where(eq(consultations.clientId, fromClientId))
    .returning({ id: consultations.id });
  return moved.length;
}

/** Sets one consultation's kind (merge clean-up), bumping its version. */
export async function setKind(exec: Executor, id: string, kind: ConsultationKind): Promise<void> {
  await exec
    .update(consultations)
    .set({ kind, version: sql`${consultations.version} + 1`, updatedAt: sql`now()` })
    .where(eq(consultations.id, id));
}

/** A client's consultations in the order the first-consultation rule reads them (per period, earliest first). */
export async function listInContactOrder(exec: Executor, clientId: string) {
  return exec
    .select({ id: consultations.id, kind: consultations.kind, fundingPeriod: consultations.fundingPeriod })
    .from(consultations)
    .where(eq(consultations.clientId, clientId))
    .orderBy(asc(consultations.fundingPeriod), asc(consultations.date), asc(consultations.createdAt), asc(consultations.id));
}
