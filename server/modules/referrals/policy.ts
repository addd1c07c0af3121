import {
  isTransitionAllowed,
  type ReferralStatus,
  recipientStatuses,
  referralStatuses,
  senderStatuses,
} from "../../../common/domain/referrals.js";
import { pathCovers } from "../../../common/domain/roles.js";
import type { Actor } from "../../platform/actor.js";
import { caseworkPaths } from "../clients/policy.js";

/**
 * Who sees and moves a referral. The sender side is casework in the sending sub-project; the
 * recipient side is casework in the partner sub-project. Nobody else learns that it exists.
 */
export type ReferralLike = { fromUnitPath: string; toUnitPath: string | null; external: boolean; status: ReferralStatus };
export type ReferralSides = { sender: boolean; recipient: boolean };

export function referralSides(actor: Actor, referral: Pick<ReferralLike, "fromUnitPath" | "toUnitPath">): ReferralSides {
  const paths = caseworkPaths(actor);
  const covers = (unitPath: string | null) => unitPath !== null && paths.some((p) => pathCovers(p, unitPath));
  return { sender: covers(referral.fromUnitPath), recipient: covers(referral.toUnitPath) };
}

export const seesReferral = (sides: ReferralSides): boolean => sides.sender || sides.recipient;

/**
 * Whether the actor's side may set this status at all (regardless of the current one): the
 * recipient answers; the sender withdraws. An external service has nobody in Lotse, so its
 * sender records the answer too.
 */
export function maySetStatus(sides: ReferralSides, referral: Pick<ReferralLike, "external">, to: ReferralStatus): boolean {
  const answering = referral.external ? sides.sender : sides.recipient;
  return (answering && recipientStatuses.includes(to)) || (sides.sender && senderStatuses.includes(to));
}

/** The statuses the actor may set now: the abilities shipped with every referral. */
export function nextStatuses(sides: ReferralSides, referral: Pick<ReferralLike, "external" | "status">): ReferralStatus[] {
  return referralStatuses.filter((to) => isTransitionAllowed(referral.status, to) && maySetStatus(sides, referral, to));
}

/** A referral's target: an open sub-project other than the sender's own. */
export type TargetProblem = "not_sub_project" | "closed" | "own_unit";
export function targetProblem(
  unit: { id: string; type: string; closedOn: string | null },
  fromUnitId: string,
  today: string,
): TargetProblem | null {
  if (unit.type !== "sub_project") return "not_sub_project";
  if (unit.closedOn !== null && unit.closedOn <= today) return "closed";
  if (unit.id === fromUnitId) return "own_unit";
  return null;
}
