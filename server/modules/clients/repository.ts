import { and, asc, eq, type Placeholder, type SQL, sql } from "drizzle-orm";
import { type Executor, pgArrayLiteral, queryRows } from "../../db/index.js";
import { clientConsents, clients } from "../../db/schema/index.js";
import { fixedStatement } from "../../db/statement.js";
import { unitPathSql } from "../directory/service.js";

export type ClientRow = typeof clients.$inferSelect;
export type ClientInsert = typeof clients.$inferInsert;
export type ConsentRow = typeof clientConsents.$inferSelect;

/** The summary columns of a search hit or duplicate candidate. */
export type ClientHitRow = {
  id: string;
  number: number;
  first_name: string;
  last_name: string;
  birth_year: number;
  nationalities: string[] | string;
  unit_id: string;
  score: number;
};

/**
 * Clients whose owning unit is one of the units (the caller resolves its scope to unit ids
 * first, directory.unitIdsInSubtrees): with the ids as a literal array PostgreSQL reads the
 * composite (unit, name trigram) index and never looks at other sub-projects' names.
 */
function inUnits(unitIds: string[]): SQL {
  if (unitIds.length === 0) return sql`false`;
  return sql`c.unit_id = any(${pgArrayLiteral(unitIds)}::uuid[])`;
}

export async function insertClient(exec: Executor, values: ClientInsert): Promise<ClientRow> {
  const [row] = await exec.insert(clients).values(values).returning();
  return row!;
}

/**
 * A client with its owning unit's path (what the policy decides on), in one query; `forUpdate`
 * locks the row until the transaction ends. The path is null if the unit is gone.
 */
export async function findClient(exec: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = exec
    .select({ row: clients, unitPath: unitPathSql(clients.unitId) })
    .from(clients)
    .where(eq(clients.id, id));
  const [found] = options.forUpdate ? await query.for("update", { of: clients }) : await query;
  return found ?? null;
}

/**
 * Only what an access check needs (owning unit and its path, merged, erased): every casework
 * request starts with it, and the personal part is not read for it. Built once (hot path).
 */
export async function findClientAccessFacts(exec: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const [row] = await (options.forUpdate ? accessFactsForUpdate : accessFacts)(exec, { id });
  if (!row) return null;
  return { ...row, erasedAt: row.erasedAt === null ? null : new Date(row.erasedAt) };
}

type AccessFactsRow = { unitId: string; mergedIntoId: string | null; erasedAt: string | null; unitPath: string | null };
const accessFactsSql = (id: Placeholder) =>
  sql`select c.unit_id as "unitId", c.merged_into_id as "mergedIntoId", c.erased_at::text as "erasedAt",
             ${unitPathSql(sql`c.unit_id`)} as "unitPath"
        from clients c where c.id = ${id}::uuid`;
const accessFacts = fixedStatement<{ id: string }, AccessFactsRow>((p) => accessFactsSql(p("id")));
const accessFactsForUpdate = fixedStatement<{ id: string }, AccessFactsRow>((p) => sql`${accessFactsSql(p("id"))} for update of c`);

/** Writes the changes if the version still matches; null when someone else was faster. */
export async function updateClient(exec: Executor, id: string, version: number, changes: Partial<ClientInsert>, now: Date) {
  const [row] = await exec
    .update(clients)
    .set({ ...changes, version: version + 1, updatedAt: now })
    .where(and(eq(clients.id, id), eq(clients.version, version)))
    .returning();
  return row ?? null;
}

export async function insertConsent(exec: Executor, values: typeof clientConsents.$inferInsert): Promise<ConsentRow> {
  const [row] = await exec.insert(clientConsents).values(values).returning();
  return row!;
}

export async function listConsents(exec: Executor, clientId: string): Promise<ConsentRow[]> {
  return exec
    .select()
    .from(clientConsents)
    .where(eq(clientConsents.clientId, clientId))
    .orderBy(asc(clientConsents.recordedAt), asc(clientConsents.id));
}

export async function withdrawConsent(
  exec: Executor,
  clientId: string,
  consentId: string,
  by: string,
  now: Date,
): Promise<ConsentRow | null> {
  const [row] = await exec
    .update(clientConsents)
    .set({ withdrawnAt: now, withdrawnBy: by })
    .where(and(eq(clientConsents.id, consentId), eq(clientConsents.clientId, clientId), sql`${clientConsents.withdrawnAt} is null`))
    .returning();
  return row ?? null;
}

export async function findConsent(exec: Executor, clientId: string, consentId: string): Promise<ConsentRow | null> {
  const [row] = await exec
    .select()
    .from(clientConsents)
    .where(and(eq(clientConsents.id, consentId), eq(clientConsents.clientId, clientId)));
  return row ?? null;
}

const hitColumns = sql`c.id, c.number, c.first_name, c.last_name, c.birth_year, c.nationalities, c.unit_id`;

/**
 * Search by client number (exact) or name: word similarity of the normalized query to the best
 * matching part of the normalized name (pg_trgm `<%`). It covers prefixes ("hass" finds
 * "Al-Hassan"), typos and transliterations ("Shevtchenko"), and — names and query being
 * normalized alike (sorted words) — full names in any order. Best first.
 */
export async function searchClients(exec: Executor, input: { unitIds: string[]; name: string; number: number | null; limit: number }) {
  const { name, number } = input;
  const byName = name.length >= 2 ? sql`${name} <% c.search_name` : sql`false`;
  const byNumber = number !== null ? sql`c.number = ${number}` : sql`false`;
  return queryRows<ClientHitRow>(
    exec,
    sql`select ${hitColumns}, word_similarity(${name}, c.search_name)::float8 as score
          from ${clients} c
         where ${inUnits(input.unitIds)} and (${byNumber} or ${byName})
         order by ${number !== null ? sql`(c.number = ${number}) desc,` : sql``} score desc, c.last_name, c.first_name, c.id
         limit ${input.limit}`,
  );
}

/**
 * Possible duplicates: similar name, and birth year and nationality not contradicting. The unit
 * and birth-year conditions leave a few hundred rows at most, so similarity is computed on them
 * directly — the trigram operator `%` on the composite (unit, trigram) GIN index hangs PGlite.
 */
export async function findDuplicateCandidates(
  exec: Executor,
  input: { unitIds: string[]; name: string; birthYear: number | null; nationalities: string[]; threshold: number; limit: number },
) {
  const sameYear = input.birthYear !== null ? sql`c.birth_year = ${input.birthYear}` : sql`true`;
  const nationality = input.nationalities.length
    ? sql`(c.nationalities = '{}' or c.nationalities && ${pgArrayLiteral(input.nationalities)}::text[])`
    : sql`true`;
  return queryRows<ClientHitRow>(
    exec,
    sql`select ${hitColumns}, similarity(c.search_name, ${input.name})::float8 as score
          from ${clients} c
         where ${inUnits(input.unitIds)} and ${sameYear} and ${nationality}
           and similarity(c.search_name, ${input.name}) >= ${input.threshold}
         order by score desc, c.id
         limit ${input.limit}`,
  );
}

/** Moves the last contact forward (never back): the retention period starts there. */
export async function touchLastContact(exec: Executor, clientId: string, day: string): Promise<void> {
  await touchLastContactSql(exec, { clientId, day });
}

/** After every consultation (hot path): built once. */
const touchLastContactSql = fixedStatement<{ clientId: string; day: string }>(
  (p) => sql`update clients set last_contact_on = greatest(last_contact_on, ${p("day")}::date) where id = ${p("clientId")}::uuid`,
);
