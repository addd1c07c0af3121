import type { UnitListQuery } from "../../../common/contracts/directory.js";
import type { RoleGrant } from "../../../common/domain/roles.js";
import type { AppContext } from "../../platform/context.js";
import { createCounter, type MetricsRegistry } from "../../platform/metrics.js";
import { NotifiedCache } from "../../platform/notified-cache.js";

/** The channel the database announces changes of units, sites and providers on (migration 0010). */
export const DIRECTORY_CHANGED_CHANNEL = "directory_changed";

/**
 * What a node keeps of the directory, which changes a few times a day and is read on almost
 * every request, until the database announces a change of units, sites or providers, or this
 * node answers a state-changing request (one listening connection for both kinds):
 * - unit lists as sent (validated JSON), under "list:…" keys (unitListKey);
 * - unit refs by id (frozen: shared by every reader), under "ref:<id>": the unit a consultation is
 *   recorded in is looked up on every recording;
 * - site refs by id under "site:<id>" and the day's open public sites under "public-sites:<day>":
 *   every public search, slot list and booking reads them.
 */
export type DirectoryCache = NotifiedCache<string | Readonly<object>>;

// The node's cache per app context (one per node, also when two test nodes share one embedded
// database), so that services reach it from the context they are given.
const registered = new WeakMap<object, DirectoryCache>();

export function createDirectoryCache(ctx: AppContext, metrics: MetricsRegistry): DirectoryCache {
  const cache: DirectoryCache = new NotifiedCache(DIRECTORY_CHANGED_CHANNEL, ctx.config.directoryCacheSeconds * 1000, {
    maxEntries: 5_000,
    lookups: createCounter(metrics, "lotse_directory_cache_lookups_total", "Directory reads by whether this node had them in memory", [
      "result",
    ]),
  });
  registered.set(ctx, cache);
  return cache;
}

/** The node's directory cache, if the app made one (scripts and seeds run without). */
export const directoryCacheOf = (ctx: object): DirectoryCache | undefined => registered.get(ctx);

/**
 * Everything a list depends on besides the directory itself: the caller's grants (what is visible
 * and what they may do with it), the query, and the day (units closed before today drop out).
 * Two people with the same grants share an entry.
 */
export function unitListKey(grants: readonly RoleGrant[], query: UnitListQuery, today: string): string {
  const grantKey = grants
    .map((g) => `${g.role}@${g.unitPath}`)
    .sort()
    .join(",");
  return `list:${JSON.stringify([today, grantKey, query.type ?? null, query.parentId ?? null, query.q ?? null, query.includeClosed ?? false])}`;
}

export const unitRefKey = (id: string) => `ref:${id}`;
export const siteRefKey = (id: string) => `site:${id}`;
/** The open public sites of a day (the public search reads them all on every search). */
export const publicSitesKey = (today: string) => `public-sites:${today}`;
