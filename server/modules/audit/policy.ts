import type { Actor } from "../../platform/actor.js";

/**
 * The audit trail shows who read and changed what across the whole network, so only an
 * administrator granted on the federal root may search it.
 */
export function canSearchAudit(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === "administrator" && !g.unitPath.includes("/"));
}
