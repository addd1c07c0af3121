import { z } from "zod";
import { passwordResetConfirm, passwordResetRequest } from "../../../common/contracts/auth.js";
import { requestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import { confirmPasswordReset, requestPasswordReset } from "./password-reset.js";

const tags = ["auth"];

/**
 * Password reset by mail. Policy: public by nature; possession of the mailed single-use token
 * is the authorization, and the request answers alike for known and unknown e-mails.
 */
export function registerPasswordResetRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    "/api/auth/password-reset/request",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Mail a password-reset link (answers 202 whether or not the e-mail has an account)",
        body: passwordResetRequest,
        response: { 202: z.void().describe("No body") },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email, requestOrigin(request));
      return reply.code(202).send(undefined);
    },
  );

  app.post(
    "/api/auth/password-reset/confirm",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Set a new password with the token of a reset or invitation link",
        body: passwordResetConfirm,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await confirmPasswordReset(ctx, request.body, requestOrigin(request));
      return reply.code(204).send(null);
    },
  );
}
