import { z } from "zod";
import { loginRequest, sessionResponse } from "../../../common/contracts/auth.js";
import { requestOrigin, requireActor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import type { HttpApp } from "../../platform/http.js";
import { recordAuditEvent } from "../audit/service.js";
import { withUnits } from "./grant-units.js";
import { login } from "./login-service.js";
import { presentSession } from "./presenter.js";
import * as repo from "./repository.js";
import { clearSessionCookie, mfaRequiredFor } from "./session-service.js";
import { listActiveGrantsOf } from "./user-repository.js";

const tags = ["auth"];

/** Sign in, sign out, the current session. Policy: these act on the caller's own session only. */
export function registerAuthRoutes(app: HttpApp, ctx: AppContext): void {
  const { db } = ctx.database;

  app.post(
    "/api/auth/login",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Sign in with e-mail, password and (if enrolled) a TOTP code",
        body: loginRequest,
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, reply, request.body, requestOrigin(request));
      const user = (await repo.findUserById(db, result.userId))!;
      const grants = await withUnits(db, await listActiveGrantsOf(db, [user.id]));
      const mfaPending = !result.mfaVerified && mfaRequiredFor(ctx, grants);
      return presentSession(user, grants, { csrfToken: result.csrfToken, expiresAt: result.expiresAt, mfaPending });
    },
  );

  app.post(
    "/api/auth/logout",
    { config: { access: "session" }, schema: { tags, summary: "Sign out (revokes this session)", response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await db.transaction(async (tx) => {
        await repo.revokeSession(tx, actor.sessionId, ctx.clock.now());
        await recordAuditEvent(tx, requestOrigin(request), {
          action: "auth.logout",
          outcome: "success",
          recordType: "session",
          recordId: actor.sessionId,
        });
      });
      clearSessionCookie(ctx, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/auth/session",
    {
      config: { access: "session" },
      schema: { tags, summary: "The current session, user, role grants and CSRF token", response: { 200: sessionResponse } },
    },
    async (request) => {
      const actor = requireActor(request);
      const user = await repo.findUserById(db, actor.userId);
      if (!user) throw new AppError("unauthenticated");
      const grants = await withUnits(db, await listActiveGrantsOf(db, [actor.userId]));
      const sessionRow = await repo.findSessionById(db, actor.sessionId);
      return presentSession(user, grants, {
        csrfToken: actor.csrfToken,
        expiresAt: sessionRow?.expiresAt ?? ctx.clock.now(),
        mfaPending: actor.mfaPending,
      });
    },
  );
}
