import {
  answerSupportRequestRequest,
  createSupportRequestRequest,
  supportQueueItemSchema,
  supportQueueQuery,
  supportQueueResponse,
  supportRequestSchema,
} from "../../../common/contracts/consultations.js";
import { idParams } from "../../../common/contracts/shared.js";
import { requestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import * as support from "./support-requests-service.js";

const tags = ["consultations"];
const staff = { access: "staff" as const };

/** Second-level support (Faire Integration): questions to the national support team and its answers. */
export function registerSupportRequestRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    "/api/consultations/:id/support-requests",
    {
      config: staff,
      schema: {
        tags,
        summary: "Ask the support team about a Faire Integration consultation (no client details go with it)",
        params: idParams,
        body: createSupportRequestRequest,
        response: { 201: supportRequestSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await support.requestSupport(ctx, requestOrigin(request), request.params.id, request.body)),
  );

  app.get(
    "/api/support-requests",
    {
      config: staff,
      schema: {
        tags,
        summary: "The support team's queue: open or answered requests, without client identity",
        querystring: supportQueueQuery,
        response: { 200: supportQueueResponse },
      },
    },
    async (request) => ({ items: await support.listSupportQueue(ctx, requestOrigin(request), request.query) }),
  );

  app.post(
    "/api/support-requests/:id/answer",
    {
      config: staff,
      schema: {
        tags,
        summary: "Answer a support request (support team); the asking counselor is notified by mail",
        params: idParams,
        body: answerSupportRequestRequest,
        response: { 200: supportQueueItemSchema },
      },
    },
    async (request) => support.answerSupportRequest(ctx, requestOrigin(request), request.params.id, request.body),
  );
}
