import type { UnitListQuery } from "../../../common/contracts/directory.js";
import type { RoleGrant } from "../../../common/domain/roles.js";
import type { AppContext } from "../../platform/context.js";
import { createCounter, type MetricsRegistry } from "../../platform/metrics.js";
import { NotifiedCache } from "../../platform/notified-cache.js";

/** The channel the database announces changes of units, sites and providers on (migration 0010). */
export const DIRECTORY_CHANGED_CHANNEL = "directory_changed";

/**
 * Unit lists as sent (validated JSON), per node. The directory is read on every staff page and
 * changes a few times a day, so a list is answered from memory until the database announces a
 * change of units, sites or providers, or this node answers a state-changing request.
 */
export type UnitListCache = NotifiedCache<string>;

export function createUnitListCache(ctx: AppContext, metrics: MetricsRegistry): UnitListCache {
  return new NotifiedCache<string>(DIRECTORY_CHANGED_CHANNEL, ctx.config.directoryCacheSeconds * 1000, {
    maxEntries: 2_000,
    lookups: createCounter(metrics, "lotse_directory_cache_lookups_total", "Unit lists by whether this node had them in memory", [
      "result",
    ]),
  });
}

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
  return JSON.stringify([today, grantKey, query.type ?? null, query.parentId ?? null, query.q ?? null, query.includeClosed ?? false]);
}
