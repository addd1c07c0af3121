import { z } from "zod";
import { accessibilityFeedbackList, accessibilityFeedbackQuery, accessibilityFeedbackRequest } from "../../../common/contracts/feedback.js";
import { requireActor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import { listAccessibilityFeedback, submitAccessibilityFeedback } from "./service.js";

/**
 * Reports of barriers (the accessibility statement's feedback form). Sending is public, guarded
 * against spam (platform/public-form-guard.ts); reading is for administrators (policy.ts).
 */
export function registerFeedbackRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    "/api/public/accessibility-feedback",
    {
      config: { access: "public" },
      schema: {
        tags: ["public"],
        summary: "Report a barrier (no sign-in; needs a form token, limited per address and e-mail)",
        body: accessibilityFeedbackRequest,
        response: { 202: z.void().describe("No body") },
      },
    },
    async (request, reply) => {
      await submitAccessibilityFeedback(ctx, request.body, request.ip);
      return reply.code(202).send(undefined);
    },
  );

  app.get(
    "/api/accessibility-feedback",
    {
      config: { access: "staff" },
      schema: {
        tags: ["feedback"],
        summary: "Reports of barriers, newest first (administrators of the whole network)",
        querystring: accessibilityFeedbackQuery,
        response: { 200: accessibilityFeedbackList },
      },
    },
    async (request) => listAccessibilityFeedback(ctx, requireActor(request), request.query),
  );
}
