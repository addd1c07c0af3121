import type { Actor } from "../../platform/actor.js";

/**
 * Reports of barriers concern the whole platform and may carry a name and an e-mail address, so
 * only an administrator granted on the federal root (the operator's side) reads them.
 */
export function canReadAccessibilityFeedback(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === "administrator" && !g.unitPath.includes("/"));
}
