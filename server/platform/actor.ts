import type { FastifyRequest } from "fastify";
import type { RoleGrant } from "../../common/domain/roles.js";
import { AppError } from "./errors.js";

/** The signed-in person behind a request, resolved from the session cookie. */
export type Actor = {
  userId: string;
  email: string;
  displayName: string;
  sessionId: string;
  csrfToken: string;
  grants: RoleGrant[];
  /** A second factor was verified in this session. */
  mfaVerified: boolean;
  /** The user's roles demand a second factor (production) and it is not yet enrolled/verified. */
  mfaPending: boolean;
};

/** Who did something, for the audit trail: the actor (if any) and where the request came from. */
export type RequestOrigin = { actor: Actor | null; ip: string; requestId: string; userAgent?: string };

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /**
     * Who may reach the route at all, before its policy decides:
     * "public" (no session), "session" (any signed-in user, also while MFA set-up is pending),
     * "staff" (signed in, second factor done where required). The access matrix test reads this.
     */
    access?: "public" | "session" | "staff";
  }
}

/** The actor of a route marked "staff"/"session"; the guard hook has already enforced it. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthenticated");
  return request.actor;
}

export function requestOrigin(request: FastifyRequest): RequestOrigin {
  return {
    actor: request.actor,
    ip: request.ip,
    requestId: String(request.id),
    userAgent: request.headers["user-agent"],
  };
}
