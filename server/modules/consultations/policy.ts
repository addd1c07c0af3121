import type { Actor } from "../../platform/actor.js";

/**
 * The reference-profession catalogue is national reference data: all staff read it (counselors
 * pick from it, monitoring counts by it); administrators of the whole network curate it.
 */
export function canCurateCatalogue(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === "administrator" && !g.unitPath.includes("/"));
}
