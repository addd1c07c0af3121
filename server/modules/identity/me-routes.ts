import { z } from "zod";
import {
  ownSessionsResponse,
  passwordChangeRequest,
  totpDisableRequest,
  totpEnableRequest,
  totpSetupResponse,
} from "../../../common/contracts/auth.js";
import { idParams } from "../../../common/contracts/shared.js";
import { requestOrigin, requireActor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import { changeOwnPassword, listOwnSessions, revokeOwnSession } from "./account-service.js";
import { presentOwnSession } from "./presenter.js";
import { clearSessionCookie } from "./session-service.js";
import { disableTotp, enableTotp, startTotpSetup } from "./totp-enrollment.js";

const tags = ["me"];
const noContent = { 204: z.null() };

/**
 * The signed-in user's own account. Policy: every use case acts on `actor.userId` only, so
 * there is no other resource to decide on; set-up of the second factor stays reachable while
 * it is pending ("session"), everything else needs it done ("staff") except the session list.
 */
export function registerMeRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    "/api/me/totp/setup",
    {
      config: { access: "session" },
      schema: { tags, summary: "Start setting up a TOTP second factor", response: { 200: totpSetupResponse } },
    },
    async (request) => startTotpSetup(ctx, requireActor(request), requestOrigin(request)),
  );

  app.post(
    "/api/me/totp/enable",
    {
      config: { access: "session" },
      schema: { tags, summary: "Confirm the set-up with a code from the app", body: totpEnableRequest, response: noContent },
    },
    async (request, reply) => {
      await enableTotp(ctx, requireActor(request), request.body.code, requestOrigin(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/me/totp/disable",
    {
      config: { access: "staff" },
      schema: {
        tags,
        summary: "Remove the second factor (not where the roles require one)",
        body: totpDisableRequest,
        response: noContent,
      },
    },
    async (request, reply) => {
      await disableTotp(ctx, requireActor(request), request.body.password, requestOrigin(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/me/sessions",
    { config: { access: "session" }, schema: { tags, summary: "The caller's active sessions", response: { 200: ownSessionsResponse } } },
    async (request) => {
      const actor = requireActor(request);
      const rows = await listOwnSessions(ctx, actor);
      return { items: rows.map((row) => presentOwnSession(row, actor.sessionId)) };
    },
  );

  app.delete(
    "/api/me/sessions/:id",
    {
      config: { access: "session" },
      schema: { tags, summary: "End one of the caller's sessions (another user's: 404)", params: idParams, response: noContent },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await revokeOwnSession(ctx, actor, request.params.id, requestOrigin(request));
      if (request.params.id === actor.sessionId) clearSessionCookie(ctx, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/me/password",
    {
      config: { access: "staff" },
      schema: { tags, summary: "Change the password; ends the caller's other sessions", body: passwordChangeRequest, response: noContent },
    },
    async (request, reply) => {
      await changeOwnPassword(ctx, requireActor(request), request.body, requestOrigin(request));
      return reply.code(204).send(null);
    },
  );
}
