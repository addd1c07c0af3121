import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/index.js";
import { procedureDocuments, procedures } from "../../db/schema/index.js";

export type ProcedureRow = typeof procedures.$inferSelect;
export type ProcedureInsert = typeof procedures.$inferInsert;
export type DocumentRow = typeof procedureDocuments.$inferSelect;
export type DocumentValues = Omit<typeof procedureDocuments.$inferInsert, "id" | "procedureId" | "position" | "updatedAt">;

/** A free text left in place of an erased label (the database wants a label on "other"). */
export const ERASED_LABEL = "–";

export async function insertProcedure(exec: Executor, values: ProcedureInsert): Promise<ProcedureRow> {
  const [row] = await exec.insert(procedures).values(values).returning();
  return row!;
}

/** `forUpdate` locks the row until the transaction ends (serialises changes to one procedure). */
export async function findProcedure(exec: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<ProcedureRow | null> {
  const query = exec.select().from(procedures).where(eq(procedures.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** A client's procedures, newest application first (those without one by when they were opened). */
export async function listProcedures(exec: Executor, clientId: string): Promise<ProcedureRow[]> {
  return exec
    .select()
    .from(procedures)
    .where(eq(procedures.clientId, clientId))
    .orderBy(
      desc(sql`coalesce(${procedures.applicationDate}, (${procedures.createdAt} at time zone 'Europe/Berlin')::date)`),
      desc(procedures.createdAt),
    );
}

/** Writes the changes if the version still matches; null when someone else was faster. */
export async function updateProcedure(
  exec: Executor,
  id: string,
  version: number,
  changes: Partial<ProcedureInsert>,
  now: Date,
): Promise<ProcedureRow | null> {
  const [row] = await exec
    .update(procedures)
    .set({ ...changes, version: version + 1, updatedAt: now })
    .where(and(eq(procedures.id, id), eq(procedures.version, version)))
    .returning();
  return row ?? null;
}

export async function listDocuments(exec: Executor, procedureIds: string[]): Promise<DocumentRow[]> {
  if (procedureIds.length === 0) return [];
  return exec
    .select()
    .from(procedureDocuments)
    .where(inArray(procedureDocuments.procedureId, procedureIds))
    .orderBy(asc(procedureDocuments.procedureId), asc(procedureDocuments.position));
}

/** The checklist in the given order (position 0, 1, …), replacing whatever was there. */
export async function replaceDocuments(exec: Executor, procedureId: string, documents: DocumentValues[], now: Date): Promise<void> {
  await exec.delete(procedureDocuments).where(eq(procedureDocuments.procedureId, procedureId));
  if (documents.length === 0) return;
  await exec.insert(procedureDocuments).values(documents.map((d, position) => ({ ...d, procedureId, position, updatedAt: now })));
}

/** How many documents of each procedure are still missing, for the timeline. */
export async function countMissingDocuments(exec: Executor, procedureIds: string[]): Promise<Map<string, number>> {
  if (procedureIds.length === 0) return new Map();
  const rows = await exec
    .select({ procedureId: procedureDocuments.procedureId, missing: sql<number>`count(*)::int` })
    .from(procedureDocuments)
    .where(and(inArray(procedureDocuments.procedureId, procedureIds), eq(procedureDocuments.present, false)))
    .groupBy(procedureDocuments.procedureId);
  return new Map(rows.map((r) => [r.procedureId, Number(r.missing)]));
}

/** Merge: the duplicate's procedures belong to the kept client from now on. */
export async function moveProcedures(exec: Executor, fromClientId: string, toClientId: string): Promise<number> {
  const moved = await exec
    .update(procedures)
    .set({ clientId: toClientId })
    .where(eq(procedures.clientId, fromClientId))
    .returning({ id: procedures.id });
  return moved.length;
}

/**
 * Erasure: the free texts of a client's checklists (notes, labels) go; kinds and states stay
 * for statistics. Counts only the rows that still held text, so a repeat returns 0.
 */
export async function eraseDocumentTexts(exec: Executor, clientId: string): Promise<number> {
  const ofClient = exec.select({ id: procedures.id }).from(procedures).where(eq(procedures.clientId, clientId));
  const changed = await exec
    .update(procedureDocuments)
    .set({ note: null, label: sql`case when ${procedureDocuments.kind} = 'other' then ${ERASED_LABEL} else null end` })
    .where(
      and(
        inArray(procedureDocuments.procedureId, ofClient),
        sql`(${procedureDocuments.note} is not null or ${procedureDocuments.label} is distinct from case when ${procedureDocuments.kind} = 'other' then ${ERASED_LABEL} else null end)`,
      ),
    )
    .returning({ id: procedureDocuments.id });
  return changed.length;
}
