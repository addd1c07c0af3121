import { randomUUID } from "node:crypto";
import { type AnyColumn, eq, inArray, type SQL, sql } from "drizzle-orm";
import {
  type CreateUnitRequest,
  type SiteInput,
  type SitePatch,
  type UnitListQuery,
  type UpdateUnitRequest,
  unitListResponse,
} from "../../../common/contracts/directory.js";
import { allowedChildTypes, type UnitType } from "../../../common/domain/units.js";
import { type Executor, pgArrayLiteral, queryRows, type Tx } from "../../db/index.js";
import { type sites, units } from "../../db/schema/index.js";
import { fixedStatement } from "../../db/statement.js";
import type { Actor, RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, fieldError, invalidField } from "../../platform/errors.js";
import { authorize, ensure } from "../../platform/policy.js";
import { recordAuditEvent } from "../audit/service.js";
import { type DirectoryCache, directoryCacheOf, siteRefKey, unitListKey, unitRefKey } from "./directory-cache.js";
import { canCreateProvider, canListProviders, canSeeUnit, decide, decideMove, unitAbilities, visibleScope } from "./policy.js";
import { findPostcode } from "./postcodes.js";
import { presentHistoryEntry, presentProvider, presentUnitDetail, presentUnitSummary, unitSnapshot } from "./presenter.js";
import * as repo from "./repository.js";

// ---------------------------------------------------------------------------------------------
// For other modules
// ---------------------------------------------------------------------------------------------

/** What other modules may know about a unit: enough to check scopes and to label it. */
export type UnitRef = {
  id: string;
  name: string;
  type: UnitType;
  path: string;
  stateCode: string | null;
  closedOn: string | null;
  /** Of sub-projects: decides e.g. which consultation fields apply (Faire Integration reasons). */
  fieldOfAction: string | null;
};

const refColumns = {
  id: units.id,
  name: units.name,
  type: units.type,
  path: units.path,
  stateCode: units.stateCode,
  closedOn: units.closedOn,
  fieldOfAction: units.fieldOfAction,
};

/** The public way for other modules (identity, later clients…) to look up units. */
/**
 * The path of a unit as a SQL expression, for a module that must resolve scopes inside its own
 * hot-path query (identity's session lookup on every request) without a second round trip. The
 * directory still owns the SQL that reads its table.
 */
export function unitPathSql(unitId: SQL | AnyColumn): SQL<string | null> {
  return sql<string | null>`(select ${units.path} from ${units} where ${units.id} = ${unitId})`;
}

/**
 * The ids of the units at or below any of the paths, as an array expression for
 * `column = any(…)`: evaluated once per query (an init plan), so the caller's table is read
 * through its unit index instead of checking every row's path. Paths are uuids joined by "/".
 */
export function unitIdsInSubtreesSql(paths: string[]): SQL<string[]> {
  return sql<string[]>`array(select ${units.id} from ${units}
    where ${units.path} = any(${pgArrayLiteral(paths)}::text[]) or ${units.path} like any(${pgArrayLiteral(paths.map((p) => `${p}/%`))}::text[]))`;
}

/**
 * The same set as unitIdsInSubtreesSql, read first: a query given the ids as a literal array can
 * use a composite index on (unit, …) — an init plan's array cannot (clients' name search).
 */
export async function unitIdsInSubtrees(exec: Executor, paths: string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const rows = await queryRows<{ ids: string[] }>(exec, sql`select ${unitIdsInSubtreesSql(paths)} as ids`);
  return rows[0]?.ids ?? [];
}

export async function getUnitRef(exec: Executor, id: string): Promise<UnitRef | null> {
  const [row] = await unitRefById(exec, { id });
  return row ?? null;
}

/**
 * getUnitRef from the node's directory cache (directory-cache.ts), for hot paths that only check
 * a unit (recording a consultation). A unit changed by a transaction still running elsewhere is
 * seen as before, as a read would see it; not for code that changes units itself.
 */
export async function getCachedUnitRef(ctx: Pick<AppContext, "database" | "clock">, exec: Executor, id: string): Promise<UnitRef | null> {
  return cachedRead(ctx, unitRefKey(id), () => getUnitRef(exec, id));
}

/** Looked up on most requests that record something (hot path): built once. */
const unitRefById = fixedStatement<{ id: string }, UnitRef>(
  (p) => sql`select ${units.id}, ${units.name}, ${units.type}, ${units.path}, ${units.stateCode} as "stateCode",
                    ${units.closedOn}::text as "closedOn", ${units.fieldOfAction} as "fieldOfAction"
               from ${units} where ${units.id} = ${p("id")}::uuid`,
);

/** Unit names by id for presenters, each distinct id looked up once; nulls are skipped. */
export async function unitNamesById(exec: Executor, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const refs = await getUnitRefs(exec, [...new Set(ids.filter((id): id is string => Boolean(id)))]);
  return new Map(refs.map((u) => [u.id, u.name]));
}

/** A site as other modules need it to book appointments: where it is and its time zone. */
export type SiteRef = UnitRef & {
  timeZone: string;
  street: string | null;
  postcode: string | null;
  city: string | null;
  languages: string[];
  channels: string[];
};

export async function getSiteRef(exec: Executor, id: string): Promise<SiteRef | null> {
  return repo.getSiteRef(exec, id);
}

/**
 * getSiteRef from the node's directory cache, for the public booking path (every booking and
 * every slot list names its site). Like getCachedUnitRef: not for code that changes sites itself.
 */
export async function getCachedSiteRef(ctx: Pick<AppContext, "database" | "clock">, id: string): Promise<SiteRef | null> {
  return cachedRead(ctx, siteRefKey(id), () => repo.getSiteRef(ctx.database.db, id));
}

/**
 * Reads through the node's directory cache (directory-cache.ts): the cached value, or `read`'s,
 * stored frozen (shared by every reader) unless the directory changed while it was read.
 */
export async function cachedRead<T extends object>(
  ctx: Pick<AppContext, "database" | "clock">,
  key: string,
  read: () => Promise<T | null | undefined>,
): Promise<T | null> {
  const cache = directoryCacheOf(ctx);
  if (!cache) return (await read()) ?? null;
  const cached = cache.get(key, ctx.clock.now().getTime());
  if (cached !== undefined) return cached as T;
  const generation = cache.currentGeneration;
  const value = (await read()) ?? null;
  if (value) cache.set(key, Object.freeze(value), generation, ctx.clock.now().getTime());
  return value;
}

export async function getUnitRefs(exec: Executor, ids: string[]): Promise<UnitRef[]> {
  if (ids.length === 0) return [];
  return (await exec.select(refColumns).from(units).where(inArray(units.id, ids))) as UnitRef[];
}

/**
 * For the monitoring: the sub-projects at or below a unit (facts count for sub-projects), each
 * with its state network or expert unit (the unit below the root on its path) and field of action.
 */
export type StatisticalUnit = { id: string; name: string; networkId: string; field: string };

export async function statisticalUnitsUnder(exec: Executor, path: string): Promise<StatisticalUnit[]> {
  const rows = await repo.findSubProjectsUnder(exec, path);
  return rows.map((r) => ({ id: r.id, name: r.name, networkId: r.path.split("/")[1] ?? r.id, field: r.fieldOfAction ?? "" }));
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

// Made once: building an Intl.DateTimeFormat costs more than the whole units query.
const berlinDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" });

let lastToday = { minute: Number.NaN, day: "" };

/** Today in Europe/Berlin as YYYY-MM-DD: the day a unit opens or closes. */
export function berlinToday(ctx: Pick<AppContext, "clock">): string {
  // Formatting shows up in the profile of the units list; the day cannot change within a minute.
  // (Berlin's offset is whole hours, so midnight falls on a minute boundary.)
  const now = ctx.clock.now();
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastToday.minute) lastToday = { minute, day: berlinDate.format(now) };
  return lastToday.day;
}

const notFound = () => new AppError("not_found");

export async function listUnits(ctx: AppContext, actor: Actor, query: UnitListQuery, today = berlinToday(ctx)) {
  const rows = await repo.listUnits(ctx.database.db, {
    scope: visibleScope(actor),
    type: query.type,
    parentId: query.parentId,
    q: query.q,
    includeClosed: query.includeClosed,
    today,
  });
  return rows.map((row) => presentUnitSummary(row, unitAbilities(actor, row)));
}

/**
 * The list as the JSON the route sends, validated against its contract once and then served from
 * the node's cache until the directory changes (directory-cache.ts): every staff page asks for it.
 */
export async function listUnitsJson(ctx: AppContext, actor: Actor, query: UnitListQuery, cache: DirectoryCache): Promise<string> {
  const today = berlinToday(ctx);
  const key = unitListKey(actor.grants, query, today);
  const cached = cache.get(key, ctx.clock.now().getTime());
  if (typeof cached === "string") return cached;
  const generation = cache.currentGeneration;
  const json = JSON.stringify(unitListResponse.parse({ items: await listUnits(ctx, actor, query, today) }));
  cache.set(key, json, generation, ctx.clock.now().getTime());
  return json;
}

export async function getUnit(ctx: AppContext, actor: Actor, id: string) {
  const { db } = ctx.database;
  const row = await repo.findUnit(db, id);
  if (!row || !canSeeUnit(actor, row)) throw notFound();
  const ancestorIds = row.path.split("/").slice(0, -1);
  const [ancestors, childCount, site] = await Promise.all([
    repo.findUnitsByIds(db, ancestorIds),
    repo.countOpenChildren(db, id),
    row.type === "site" ? repo.findSite(db, id) : Promise.resolve(null),
  ]);
  ancestors.sort((a, b) => a.depth - b.depth);
  return presentUnitDetail(row, {
    abilities: unitAbilities(actor, row),
    ancestors: ancestors.map(({ id, name, type }) => ({ id, name, type })),
    childCount,
    site,
  });
}

export async function getUnitHistory(ctx: AppContext, actor: Actor, id: string) {
  const { db } = ctx.database;
  const row = await repo.findUnit(db, id);
  if (!row || !canSeeUnit(actor, row)) throw notFound();
  return (await repo.listHistory(db, id)).map(presentHistoryEntry);
}

// ---------------------------------------------------------------------------------------------
// Changing (each use case is one transaction: change, history snapshot and audit event)
// ---------------------------------------------------------------------------------------------

type Change = "created" | "updated" | "moved" | "closed" | "reopened";

/** Writes history snapshots of the given units and one audit event per unit, in `tx`. */
async function recordChanges(
  tx: Tx,
  origin: RequestOrigin,
  change: Change,
  ids: string[],
  details: (id: string) => Record<string, unknown>,
) {
  if (ids.length === 0) return;
  const [rows, siteRows] = await Promise.all([Promise.all(ids.map((id) => repo.findUnit(tx, id))), repo.findSites(tx, ids)]);
  const siteById = new Map(siteRows.map((s) => [s.unitId, s]));
  await repo.insertHistory(
    tx,
    rows.map((row) => ({
      unitId: row!.id,
      changedBy: origin.actor?.userId ?? null,
      change,
      snapshot: unitSnapshot(row!, siteById.get(row!.id) ?? null),
    })),
  );
  for (const id of ids) {
    await recordAuditEvent(tx, origin, {
      action: `directory.unit.${change}`,
      outcome: "success",
      recordType: "unit",
      recordId: id,
      details: details(id),
    });
  }
}

/** Loads a unit for a change with a row lock, answering 404 / 403 / 409 as the policy and version say. */
async function loadForChange(tx: Tx, actor: Actor, id: string, action: Parameters<typeof decide>[2], version: number) {
  const row = await repo.findUnit(tx, id, { forUpdate: true });
  if (!row) throw notFound();
  authorize(decide(actor, row, action));
  if (row.version !== version) throw new AppError("conflict", { extra: { currentVersion: row.version } });
  return row;
}

/** A provider by id (must exist) or by name (found case-insensitively, or created). */
async function resolveProvider(tx: Tx, origin: RequestOrigin, actor: Actor, input: { providerId?: string | null; providerName?: string }) {
  if (input.providerId) {
    const provider = await repo.findProvider(tx, input.providerId);
    if (!provider) throw invalidField("providerId", "unknown", "Träger nicht gefunden");
    return provider.id;
  }
  if (input.providerName) {
    const existing = await repo.findProviderByName(tx, input.providerName);
    if (existing) return existing.id;
    ensure(canCreateProvider(actor));
    const created = await repo.insertProvider(tx, input.providerName);
    await recordAuditEvent(tx, origin, {
      action: "directory.provider.created",
      outcome: "success",
      recordType: "provider",
      recordId: created.id,
    });
    return created.id;
  }
  return input.providerId === null ? null : undefined;
}

/** Site columns from the input; coordinates (and the state) come from the postcode when not given. */
async function siteValues(tx: Tx, input: SitePatch, current?: { city: string | null; postcode: string | null }) {
  const values: Partial<typeof sites.$inferInsert> = {};
  for (const key of [
    "street",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "directions",
    "timeZone",
  ] as const) {
    if (input[key] !== undefined) (values as Record<string, unknown>)[key] = input[key];
  }
  if (input.languages) values.languages = input.languages;
  if (input.channels) values.channels = input.channels;
  if (input.openingHours) values.openingHours = input.openingHours;
  if (input.accessibility) values.accessibility = input.accessibility;
  let postcodeState: string | null = null;
  const postcode = input.postcode ?? current?.postcode ?? null;
  if (postcode) {
    const matches = await findPostcode(tx, postcode);
    const city = input.city ?? current?.city;
    const match = matches.find((m) => m.place === city) ?? matches[0];
    if (input.postcode && !match) throw invalidField("site.postcode", "unknown", "Postleitzahl unbekannt");
    if (match && input.postcode && input.latitude == null && input.longitude == null) {
      values.latitude = match.latitude;
      values.longitude = match.longitude;
    }
    postcodeState = match?.stateCode ?? null;
  }
  return { values, postcodeState };
}

export async function createUnit(ctx: AppContext, origin: RequestOrigin, input: CreateUnitRequest): Promise<string> {
  const actor = origin.actor!;
  const id = randomUUID();
  await ctx.database.db.transaction(async (tx) => {
    const parent = await repo.findUnit(tx, input.parentId, { forUpdate: true });
    if (!parent || !canSeeUnit(actor, parent)) {
      throw new AppError("not_found", { errors: [fieldError("parentId", "not_found", "übergeordnete Einheit nicht gefunden")] });
    }
    authorize(decide(actor, parent, "createChild"));
    if (!allowedChildTypes[parent.type].includes(input.type)) {
      throw invalidField("parentId", "parent_type_not_allowed", `Unter „${parent.type}“ ist „${input.type}“ nicht erlaubt`);
    }
    if (parent.closedOn) throw new AppError("invalid_state", { detail: "The parent unit is closed." });
    const openedOn = input.openedOn ?? berlinToday(ctx);
    if (input.type === "state_network" && (await repo.findOpenStateNetwork(tx, input.stateCode!))) {
      throw new AppError("already_exists", {
        errors: [fieldError("stateCode", "taken", "Für dieses Land gibt es bereits ein Landesnetzwerk")],
      });
    }
    const providerId = await resolveProvider(tx, origin, actor, input);
    const site = input.type === "site" ? await siteValues(tx, input.site as SiteInput) : null;
    await repo.insertUnit(tx, {
      id,
      type: input.type,
      name: input.name,
      shortName: input.shortName ?? null,
      parentId: parent.id,
      path: `${parent.path}/${id}`,
      depth: parent.depth + 1,
      stateCode: input.stateCode ?? parent.stateCode ?? site?.postcodeState ?? null,
      providerId: providerId ?? null,
      fieldOfAction: input.fieldOfAction ?? null,
      description: input.description ?? null,
      openedOn,
    });
    if (site) await repo.insertSite(tx, { unitId: id, ...site.values });
    await recordChanges(tx, origin, "created", [id], () => ({ parentId: parent.id, type: input.type }));
  });
  return id;
}

export async function updateUnit(ctx: AppContext, origin: RequestOrigin, id: string, input: UpdateUnitRequest): Promise<void> {
  const actor = origin.actor!;
  await ctx.database.db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id, "update", input.version);
    if (input.fieldOfAction && row.type !== "sub_project") throw invalidField("fieldOfAction", "not_applicable", "nur für Teilprojekte");
    if (input.site && row.type !== "site") throw invalidField("site", "not_applicable", "nur für Standorte");
    if (input.openedOn && row.closedOn && input.openedOn > row.closedOn)
      throw invalidField("openedOn", "after_closed", "liegt nach dem Schließungsdatum");
    const providerId = await resolveProvider(tx, origin, actor, input);
    const changes: Partial<typeof units.$inferInsert> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.shortName !== undefined) changes.shortName = input.shortName;
    if (input.description !== undefined) changes.description = input.description;
    if (input.fieldOfAction !== undefined) changes.fieldOfAction = input.fieldOfAction;
    if (input.openedOn !== undefined) changes.openedOn = input.openedOn;
    if (providerId !== undefined) changes.providerId = providerId;
    if (!(await repo.updateUnitAtVersion(tx, id, input.version, changes))) throw new AppError("conflict");
    if (input.site) {
      const current = await repo.findSite(tx, id);
      const { values } = await siteValues(tx, input.site, current ?? undefined);
      await repo.updateSite(tx, id, values);
    }
    const fields = [...Object.keys(changes), ...Object.keys(input.site ?? {}).map((k) => `site.${k}`)];
    await recordChanges(tx, origin, "updated", [id], () => ({ fields }));
  });
}

export async function moveUnit(
  ctx: AppContext,
  origin: RequestOrigin,
  id: string,
  input: { version: number; parentId: string },
): Promise<void> {
  const actor = origin.actor!;
  await ctx.database.db.transaction(async (tx) => {
    const row = await repo.findUnit(tx, id, { forUpdate: true });
    if (!row) throw notFound();
    const target = await repo.findUnit(tx, input.parentId, { forUpdate: true });
    const targetMissing = () => new AppError("not_found", { errors: [fieldError("parentId", "not_found", "Ziel nicht gefunden")] });
    if (!target) {
      authorize(decide(actor, row, "move"));
      throw targetMissing();
    }
    const decision = decideMove(actor, row, target);
    authorize(decision.unit);
    if (!decision.target.visible) throw targetMissing();
    authorize(decision.target);
    if (row.version !== input.version) throw new AppError("conflict", { extra: { currentVersion: row.version } });
    if (target.path === row.path || target.path.startsWith(`${row.path}/`)) {
      throw invalidField("parentId", "cycle", "Eine Einheit kann nicht unter sich selbst verschoben werden");
    }
    if (target.id === row.parentId) throw invalidField("parentId", "unchanged", "Die Einheit liegt bereits dort");
    if (!allowedChildTypes[target.type].includes(row.type)) {
      throw invalidField("parentId", "parent_type_not_allowed", `Unter „${target.type}“ ist „${row.type}“ nicht erlaubt`);
    }
    if (row.closedOn || target.closedOn)
      throw new AppError("invalid_state", { detail: "Closed units cannot be moved, and nothing moves into a closed unit." });
    if (!(await repo.updateUnitAtVersion(tx, id, input.version, { parentId: target.id }))) throw new AppError("conflict");
    await repo.moveSubtree(tx, {
      oldPath: row.path,
      newPath: `${target.path}/${row.id}`,
      depthDelta: target.depth + 1 - row.depth,
      stateCode: row.type === "state_network" ? row.stateCode : target.stateCode,
    });
    const subtree = await repo.findDescendants(tx, `${target.path}/${row.id}`);
    await recordChanges(tx, origin, "moved", [id, ...subtree.map((d) => d.id)], (changed) =>
      changed === id ? { fromParentId: row.parentId, toParentId: target.id, subtreeSize: subtree.length } : { withAncestorId: id },
    );
  });
}

export async function closeUnit(
  ctx: AppContext,
  origin: RequestOrigin,
  id: string,
  input: { version: number; closedOn: string; cascade: boolean },
): Promise<void> {
  const actor = origin.actor!;
  await ctx.database.db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id, "close", input.version);
    if (row.closedOn) throw new AppError("invalid_state", { detail: "The unit is already closed." });
    if (input.closedOn < row.openedOn) throw invalidField("closedOn", "before_opened", "liegt vor dem Eröffnungsdatum");
    const open = (await repo.findDescendants(tx, row.path)).filter((d) => d.closedOn === null);
    if (open.length && !input.cascade) {
      throw new AppError("invalid_state", {
        detail: "The unit has open units below it; close them first or close with cascade.",
        errors: [fieldError("cascade", "open_descendants", `${open.length} offene untergeordnete Einheiten`)],
        extra: { openDescendants: open.map((d) => ({ id: d.id, name: d.name, type: d.type })) },
      });
    }
    const late = open.find((d) => d.openedOn > input.closedOn);
    if (late) throw invalidField("closedOn", "before_opened", `liegt vor dem Eröffnungsdatum von „${late.name}“`);
    if (!(await repo.updateUnitAtVersion(tx, id, input.version, { closedOn: input.closedOn }))) throw new AppError("conflict");
    await repo.closeUnits(
      tx,
      open.map((d) => d.id),
      input.closedOn,
    );
    await recordChanges(tx, origin, "closed", [id, ...open.map((d) => d.id)], (changed) =>
      changed === id ? { closedOn: input.closedOn, cascaded: open.length } : { closedOn: input.closedOn, withAncestorId: id },
    );
  });
}

export async function reopenUnit(ctx: AppContext, origin: RequestOrigin, id: string, input: { version: number }): Promise<void> {
  const actor = origin.actor!;
  await ctx.database.db.transaction(async (tx) => {
    const row = await loadForChange(tx, actor, id, "reopen", input.version);
    if (!row.closedOn) throw new AppError("invalid_state", { detail: "The unit is not closed." });
    const parent = row.parentId ? await repo.findUnit(tx, row.parentId) : null;
    if (parent?.closedOn) throw new AppError("invalid_state", { detail: "The parent unit is closed; reopen it first." });
    if (!(await repo.updateUnitAtVersion(tx, id, input.version, { closedOn: null }))) throw new AppError("conflict");
    await recordChanges(tx, origin, "reopened", [id], () => ({ closedOn: row.closedOn }));
  });
}

// ---------------------------------------------------------------------------------------------
// Providers and postcodes
// ---------------------------------------------------------------------------------------------

export async function listProviders(ctx: AppContext, actor: Actor, query: { q?: string; limit: number }) {
  ensure(canListProviders(actor));
  return (await repo.searchProviders(ctx.database.db, query.q, query.limit)).map(presentProvider);
}

export async function createProvider(ctx: AppContext, origin: RequestOrigin, name: string) {
  ensure(canCreateProvider(origin.actor!));
  return ctx.database.db.transaction(async (tx) => {
    if (await repo.findProviderByName(tx, name)) {
      throw new AppError("already_exists", { errors: [fieldError("name", "taken", "Diesen Träger gibt es bereits")] });
    }
    const created = await repo.insertProvider(tx, name);
    await recordAuditEvent(tx, origin, {
      action: "directory.provider.created",
      outcome: "success",
      recordType: "provider",
      recordId: created.id,
    });
    return presentProvider(created);
  });
}

/** Places of a postcode (several when a postcode spans places); `exec` lets a caller's transaction read it. */
export async function lookupPostcode(ctx: AppContext, postcode: string, exec: Executor = ctx.database.db) {
  return findPostcode(exec, postcode);
}

// ---------------------------------------------------------------------------------------------
// For the consultations module
// ---------------------------------------------------------------------------------------------

/** The field of action of a sub-project (null for other units and unknown ids). */
/** The open support team units (Support Faire Integration), where second-level support questions go. */
export async function listSupportTeams(exec: Executor): Promise<UnitRef[]> {
  const rows = await exec
    .select(refColumns)
    .from(units)
    .where(sql`${units.type} = 'support_team' and ${units.closedOn} is null`)
    .orderBy(units.name);
  return rows as UnitRef[];
}

/**
 * Open sub-projects of the whole network by name, for choosing a referral partner in any state
 * network. Names of units are public (the public directory shows them too); no scope applies.
 */
export async function searchOpenSubProjects(exec: Executor, q: string, limit: number) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return queryRows<{ id: string; name: string; state_code: string | null; field_of_action: string | null }>(
    exec,
    sql`select id, name, state_code, field_of_action from ${units}
         where type = 'sub_project' and (closed_on is null or closed_on > current_date)
           and (name ilike ${pattern} or coalesce(short_name, '') ilike ${pattern})
         order by name, id limit ${limit}`,
  );
}
