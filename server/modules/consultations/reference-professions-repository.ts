import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { referenceProfessionSeed } from "../../../common/domain/reference-professions.js";
import { normalizeForSearch } from "../../../common/domain/search.js";
import type { Executor } from "../../db/index.js";
import { referenceProfessions } from "../../db/schema/index.js";

export type ReferenceProfessionRow = typeof referenceProfessions.$inferSelect;

export const searchTextOf = (name: string, formerNames: readonly string[]) => normalizeForSearch(name, ...formerNames);

/** Adds seed entries that are missing (by seed key); entries curated since are left as they are. */
export async function ensureReferenceProfessions(exec: Executor): Promise<{ added: number }> {
  const rows = referenceProfessionSeed.map((p) => ({
    seedKey: p.key,
    name: p.name,
    formerNames: p.formerNames ?? [],
    regulated: p.regulated,
    professionalField: p.field,
    qualificationKind: p.kind,
    searchText: searchTextOf(p.name, p.formerNames ?? []),
  }));
  const added = await exec.insert(referenceProfessions).values(rows).onConflictDoNothing().returning({ id: referenceProfessions.id });
  return { added: added.length };
}

export async function listReferenceProfessions(
  exec: Executor,
  filter: { q?: string; field?: string; regulated?: boolean; includeInactive: boolean; limit: number },
) {
  const conditions: SQL[] = [];
  if (!filter.includeInactive) conditions.push(eq(referenceProfessions.active, true));
  if (filter.field) conditions.push(eq(referenceProfessions.professionalField, filter.field));
  if (filter.regulated !== undefined) conditions.push(eq(referenceProfessions.regulated, filter.regulated));
  const q = filter.q ? normalizeForSearch(filter.q) : "";
  if (q) {
    conditions.push(sql`(${referenceProfessions.searchText} like ${`%${q}%`} or ${q} <% ${referenceProfessions.searchText})`);
  }
  return exec
    .select()
    .from(referenceProfessions)
    .where(and(...conditions))
    .orderBy(...(q ? [sql`word_similarity(${q}, ${referenceProfessions.searchText}) desc`] : []), asc(referenceProfessions.name))
    .limit(filter.limit);
}

export async function findReferenceProfession(exec: Executor, id: string) {
  const [row] = await exec.select().from(referenceProfessions).where(eq(referenceProfessions.id, id));
  return row ?? null;
}

export async function findReferenceProfessionByName(exec: Executor, name: string) {
  const [row] = await exec.select().from(referenceProfessions).where(sql`lower(${referenceProfessions.name}) = lower(${name})`);
  return row ?? null;
}

export async function insertReferenceProfession(exec: Executor, values: typeof referenceProfessions.$inferInsert) {
  const [row] = await exec.insert(referenceProfessions).values(values).returning();
  return row!;
}

export async function updateReferenceProfession(exec: Executor, id: string, values: Partial<typeof referenceProfessions.$inferInsert>) {
  const [row] = await exec.update(referenceProfessions).set(values).where(eq(referenceProfessions.id, id)).returning();
  return row ?? null;
}

export async function findReferenceProfessions(exec: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return exec.select().from(referenceProfessions).where(inArray(referenceProfessions.id, ids));
}
