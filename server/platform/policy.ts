import { AppError } from "./errors.js";

/**
 * Turns a policy decision into the right answer: a resource the actor may not even see is
 * "not found" (no existence leak); one they can see but not change is "forbidden".
 */
export function authorize(decision: { visible: boolean; allowed: boolean }): void {
  if (!decision.visible) throw new AppError("not_found");
  if (!decision.allowed) throw new AppError("forbidden");
}

/** For actions on no particular record (create in a scope, list): deny is 403. */
export function ensure(allowed: boolean): void {
  if (!allowed) throw new AppError("forbidden");
}
