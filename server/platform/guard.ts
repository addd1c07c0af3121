import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "./actor.js";
import { AppError } from "./errors.js";
import { isStateChanging } from "./http.js";
import { safeEqual } from "./secrets.js";

export const CSRF_HEADER = "x-csrf-token";

/**
 * Runs before every /api route: resolves the actor, enforces the route's declared access
 * level and CSRF protection. Policies then decide on the record itself.
 */
export function createGuard(options: { resolveActor: (request: FastifyRequest) => Promise<Actor | null>; publicUrl: string }) {
  const publicOrigin = new URL(options.publicUrl).origin;

  return async function guard(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    request.actor = null;
    if (!request.url.startsWith("/api/")) return;
    const access = request.routeOptions.config?.access;
    request.actor = await options.resolveActor(request);

    if (isStateChanging(request.method)) checkOrigin(request, publicOrigin);
    if (access === "public" || access === undefined) return;

    const actor = request.actor;
    if (!actor) throw new AppError("unauthenticated");
    if (isStateChanging(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !safeEqual(sent, actor.csrfToken)) throw new AppError("csrf_failed");
    }
    if (access === "staff" && actor.mfaPending) throw new AppError("mfa_enrollment_required");
  };
}

/** A browser's state-changing request must come from our own origin (login CSRF, forms). */
function checkOrigin(request: FastifyRequest, publicOrigin: string): void {
  if (request.headers["sec-fetch-site"] === "cross-site") throw new AppError("csrf_failed");
  const origin = request.headers.origin;
  if (!origin) return; // not a browser, or a same-origin request of an old browser
  const ownOrigin = `${request.protocol}://${request.host}`;
  if (origin !== publicOrigin && origin !== ownOrigin) throw new AppError("csrf_failed");
}
