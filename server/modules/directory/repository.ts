import { and, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { UnitType } from "../../../common/domain/units.js";
import { type Executor, pgArrayLiteral, queryRows } from "../../db/index.js";
import { providers, sites, unitHistory, units } from "../../db/schema/index.js";
import type { UnitScope } from "./policy.js";

/** The directory's SQL. No other module touches these tables; they go through service.ts. */

const unitColumns = {
  id: units.id,
  type: units.type,
  name: units.name,
  shortName: units.shortName,
  parentId: units.parentId,
  path: units.path,
  depth: units.depth,
  stateCode: units.stateCode,
  providerId: units.providerId,
  providerName: providers.name,
  fieldOfAction: units.fieldOfAction,
  openedOn: units.openedOn,
  closedOn: units.closedOn,
  isDemo: units.isDemo,
  version: units.version,
};
export type UnitRow = {
  id: string;
  type: UnitType;
  name: string;
  shortName: string | null;
  parentId: string | null;
  path: string;
  depth: number;
  stateCode: string | null;
  providerId: string | null;
  providerName: string | null;
  fieldOfAction: string | null;
  openedOn: string;
  closedOn: string | null;
  isDemo: boolean;
  version: number;
};
export type UnitDetailRow = UnitRow & { description: string | null };
export type SiteRow = typeof sites.$inferSelect;

export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The visibility scope as one set-based condition: below one of the granted paths (prefix
 * LIKE, served by the text_pattern_ops index) or one of the listed ids (granted units and
 * their ancestors). Ids and paths are uuids joined by "/": nothing to escape.
 */
export function scopeCondition(scope: UnitScope, alias = sql.raw("units")): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = scope.subtreePaths.map((p) => sql`${alias}.path like ${`${p}/%`}`);
  if (scope.ids.length) parts.push(sql`${alias}.id = any(${pgArrayLiteral(scope.ids)}::uuid[])`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

export type UnitFilter = { scope: UnitScope; type?: UnitType; parentId?: string; q?: string; includeClosed: boolean; today: string };

/**
 * The units list: one query, the visibility filter plus the provider join, ordered by depth
 * then name. Written as plain SQL because it is the hottest read of the API (benchmarked).
 */
export async function listUnits(exec: Executor, filter: UnitFilter): Promise<UnitRow[]> {
  const u = sql.raw("u");
  const conditions: SQL[] = [];
  const scope = scopeCondition(filter.scope, u);
  if (scope) conditions.push(scope);
  if (filter.type) conditions.push(sql`u.type = ${filter.type}`);
  if (filter.parentId) conditions.push(sql`u.parent_id = ${filter.parentId}`);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(sql`(u.name ilike ${pattern} or u.short_name ilike ${pattern})`);
  }
  if (!filter.includeClosed) conditions.push(sql`(u.closed_on is null or u.closed_on > ${filter.today}::date)`);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  return queryRows<UnitRow>(
    exec,
    sql`select u.id, u.type, u.name, u.short_name as "shortName", u.parent_id as "parentId", u.path, u.depth,
               u.state_code as "stateCode", u.provider_id as "providerId", p.name as "providerName",
               u.field_of_action as "fieldOfAction", u.opened_on::text as "openedOn", u.closed_on::text as "closedOn",
               u.is_demo as "isDemo", u.version
          from ${units} u left join ${providers} p on p.id = u.provider_id
          ${where}
         order by u.depth, u.name, u.id`,
  );
}

export async function findUnit(exec: Executor, id: string, options: { forUpdate?: boolean } = {}): Promise<UnitDetailRow | null> {
  const query = exec
    .select({ ...unitColumns, description: units.description })
    .from(units)
    .leftJoin(providers, eq(providers.id, units.providerId))
    .where(eq(units.id, id));
  const rows = options.forUpdate ? await query.for("update", { of: units }) : await query;
  return (rows[0] as UnitDetailRow | undefined) ?? null;
}

export async function findUnitsByIds(exec: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return (await exec
    .select({ id: units.id, name: units.name, type: units.type, depth: units.depth })
    .from(units)
    .where(inArray(units.id, ids))) as {
    id: string;
    name: string;
    type: UnitType;
    depth: number;
  }[];
}

export async function findSite(exec: Executor, unitId: string): Promise<SiteRow | null> {
  const [row] = await exec.select().from(sites).where(eq(sites.unitId, unitId));
  return row ?? null;
}

export async function findSites(exec: Executor, unitIds: string[]): Promise<SiteRow[]> {
  if (unitIds.length === 0) return [];
  return exec.select().from(sites).where(inArray(sites.unitId, unitIds));
}

export async function findOpenStateNetwork(exec: Executor, stateCode: string): Promise<{ id: string } | null> {
  const [row] = await exec
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.type, "state_network"), eq(units.stateCode, stateCode), isNull(units.closedOn)));
  return row ?? null;
}

export async function countOpenChildren(exec: Executor, id: string): Promise<number> {
  const [row] = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(and(eq(units.parentId, id), isNull(units.closedOn)));
  return Number(row?.n ?? 0);
}

/** All units below `path` (not the unit itself). */
export async function findDescendants(exec: Executor, path: string): Promise<UnitDetailRow[]> {
  return (await exec
    .select({ ...unitColumns, description: units.description })
    .from(units)
    .leftJoin(providers, eq(providers.id, units.providerId))
    .where(sql`${units.path} like ${`${path}/%`}`)
    .orderBy(asc(units.depth), asc(units.name))) as UnitDetailRow[];
}

export async function insertUnit(exec: Executor, values: typeof units.$inferInsert): Promise<void> {
  await exec.insert(units).values(values);
}

export async function insertSite(exec: Executor, values: typeof sites.$inferInsert): Promise<void> {
  await exec.insert(sites).values(values);
}

/** Optimistic locking: changes the row only at the expected version; false when stale. */
export async function updateUnitAtVersion(
  exec: Executor,
  id: string,
  version: number,
  values: Partial<typeof units.$inferInsert>,
): Promise<boolean> {
  const rows = await exec
    .update(units)
    .set({ ...values, version: sql`${units.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(units.id, id), eq(units.version, version)))
    .returning({ id: units.id });
  return rows.length === 1;
}

export async function updateSite(exec: Executor, unitId: string, values: Partial<typeof sites.$inferInsert>): Promise<void> {
  if (Object.keys(values).length === 0) return;
  await exec.update(sites).set(values).where(eq(sites.unitId, unitId));
}

/**
 * Rewrites the paths, depths and state codes of a whole subtree in one statement. Sites
 * outside any state network keep the state of their location.
 */
export async function moveSubtree(
  exec: Executor,
  move: { oldPath: string; newPath: string; depthDelta: number; stateCode: string | null },
): Promise<number> {
  const rows = await exec
    .update(units)
    .set({
      path: sql`${move.newPath} || substr(${units.path}, ${move.oldPath.length + 1})`,
      depth: sql`${units.depth} + ${move.depthDelta}`,
      stateCode:
        move.stateCode === null ? sql`case when ${units.type} = 'site' then ${units.stateCode} else null end` : sql`${move.stateCode}`,
      updatedAt: sql`now()`,
    })
    .where(or(eq(units.path, move.oldPath), sql`${units.path} like ${`${move.oldPath}/%`}`))
    .returning({ id: units.id });
  return rows.length;
}

export async function closeUnits(exec: Executor, ids: string[], closedOn: string): Promise<void> {
  if (ids.length === 0) return;
  await exec
    .update(units)
    .set({ closedOn, version: sql`${units.version} + 1`, updatedAt: sql`now()` })
    .where(inArray(units.id, ids));
}

export async function insertHistory(exec: Executor, rows: (typeof unitHistory.$inferInsert)[]): Promise<void> {
  if (rows.length) await exec.insert(unitHistory).values(rows);
}

export async function listHistory(exec: Executor, unitId: string) {
  return exec.select().from(unitHistory).where(eq(unitHistory.unitId, unitId)).orderBy(desc(unitHistory.changedAt), desc(unitHistory.id));
}

// --- providers --------------------------------------------------------------------------------

export async function findProvider(exec: Executor, id: string) {
  const [row] = await exec.select().from(providers).where(eq(providers.id, id));
  return row ?? null;
}

export async function findProviderByName(exec: Executor, name: string) {
  const [row] = await exec.select().from(providers).where(sql`lower(${providers.name}) = lower(${name})`);
  return row ?? null;
}

export async function insertProvider(exec: Executor, name: string, isDemo = false) {
  const [row] = await exec.insert(providers).values({ name, isDemo }).returning();
  return row!;
}

export async function searchProviders(exec: Executor, q: string | undefined, limit: number) {
  return exec
    .select()
    .from(providers)
    .where(q ? ilike(providers.name, `%${escapeLike(q)}%`) : undefined)
    .orderBy(asc(providers.name))
    .limit(limit);
}

/** A site as the public may see it, with what its sub-project says about it. */
export type PublicSiteRow = SiteRow & {
  id: string;
  name: string;
  stateCode: string | null;
  isDemo: boolean;
  projectId: string;
  projectName: string;
  fieldOfAction: string | null;
  /** The site's own provider, or else its project's (as `providerName`). */
  providerId: string | null;
  providerName: string | null;
  /** The project's provider (Träger of the sub-project). */
  projectProviderId: string | null;
  projectProviderName: string | null;
};

/**
 * Open sites below a unit with a field of action (sub-projects), with their project's name and
 * field and the site's provider or else the project's. A few hundred rows at national scale:
 * the service filters and measures distances in memory. `id` narrows to one site.
 */
export async function listPublicSites(exec: Executor, today: string, id?: string): Promise<PublicSiteRow[]> {
  return queryRows<PublicSiteRow>(
    exec,
    sql`select u.id, u.name, u.state_code as "stateCode", u.is_demo as "isDemo",
               p.id as "projectId", p.name as "projectName", p.field_of_action as "fieldOfAction",
               coalesce(own.id, parents.id) as "providerId", coalesce(own.name, parents.name) as "providerName",
               parents.id as "projectProviderId", parents.name as "projectProviderName",
               s.unit_id as "unitId", s.street, s.postcode, s.city, s.latitude, s.longitude, s.phone, s.email, s.website,
               s.languages, s.channels, s.opening_hours as "openingHours", s.accessibility, s.directions, s.time_zone as "timeZone"
          from ${units} u
          join ${sites} s on s.unit_id = u.id
          join ${units} p on p.id = u.parent_id
          left join ${providers} own on own.id = u.provider_id
          left join ${providers} parents on parents.id = p.provider_id
         where u.type = 'site' and p.field_of_action is not null
           and (u.closed_on is null or u.closed_on > ${today}::date)
           and (p.closed_on is null or p.closed_on > ${today}::date)
           ${id ? sql`and u.id = ${id}` : sql``}
         order by u.name, u.id`,
  );
}

/** A site's reference with its address and time zone (appointments); null for other units. */
export async function getSiteRef(exec: Executor, id: string) {
  const [row] = await queryRows<{
    id: string;
    name: string;
    type: UnitType;
    path: string;
    stateCode: string | null;
    closedOn: string | null;
    fieldOfAction: string | null;
    timeZone: string;
    street: string | null;
    postcode: string | null;
    city: string | null;
    languages: string[];
    channels: string[];
  }>(
    exec,
    sql`select u.id, u.name, u.type, u.path, u.state_code as "stateCode", u.closed_on::text as "closedOn",
               p.field_of_action as "fieldOfAction", s.time_zone as "timeZone", s.street, s.postcode, s.city,
               s.languages, s.channels
          from ${units} u join ${sites} s on s.unit_id = u.id left join ${units} p on p.id = u.parent_id
         where u.id = ${id}`,
  );
  return row ?? null;
}

/** Sub-projects at or below a path, open or closed (statistics count closed ones too). */
export async function findSubProjectsUnder(exec: Executor, path: string) {
  return exec
    .select({ id: units.id, name: units.name, path: units.path, fieldOfAction: units.fieldOfAction })
    .from(units)
    .where(and(eq(units.type, "sub_project"), or(eq(units.path, path), sql`${units.path} like ${`${path}/%`}`)))
    .orderBy(asc(units.name), asc(units.id));
}
