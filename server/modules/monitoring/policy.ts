import { pathCovers, type Role } from "../../../common/domain/roles.js";
import type { Actor } from "../../platform/actor.js";

/**
 * Who reads which statistics (least privilege, decision 0007). Statistics are aggregates that
 * went through disclosure control and never lead to a person, so a read is not audited; but only
 * those steering a part of the network see its figures:
 * - monitoring and federal: the whole network (their grant is on the root);
 * - state coordination: their state network;
 * - sub-project leads: their sub-project.
 * Counselors and administrators get none: they work with cases and with the directory.
 */
const STATISTICS_ROLES: readonly Role[] = ["monitoring", "federal", "state_coordination", "sub_project_lead"];

/** The roots of the subtrees whose statistics the actor reads. */
export function statisticsScopes(actor: Actor): { unitId: string; unitPath: string }[] {
  const grants = actor.grants.filter((g) => STATISTICS_ROLES.includes(g.role));
  // Only the widest: a grant inside another one's subtree adds nothing.
  const widest = grants.filter((g) => !grants.some((o) => o.unitPath !== g.unitPath && pathCovers(o.unitPath, g.unitPath)));
  const unique = new Map(widest.map((g) => [g.unitPath, { unitId: g.unitId, unitPath: g.unitPath }]));
  return [...unique.values()];
}

export const readsStatistics = (actor: Actor): boolean => statisticsScopes(actor).length > 0;

export function canReadStatistics(actor: Actor, unitPath: string): boolean {
  return statisticsScopes(actor).some((s) => pathCovers(s.unitPath, unitPath));
}

/** The unit a report is about when the caller names none: their scope, if it is a single one. */
export function defaultStatisticsUnit(actor: Actor): string | null {
  const scopes = statisticsScopes(actor);
  return scopes.length === 1 ? scopes[0]!.unitId : null;
}
