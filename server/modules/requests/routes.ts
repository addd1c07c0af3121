import {
  acceptOnlineRequestRequest,
  acceptOnlineRequestResponse,
  closeOnlineRequestRequest,
  createOnlineRequestRequest,
  createOnlineRequestResponse,
  forwardOnlineRequestRequest,
  forwardTargetListResponse,
  forwardTargetQuery,
  onlineRequestListQuery,
  onlineRequestListResponse,
  onlineRequestSchema,
} from "../../../common/contracts/requests.js";
import { idParams } from "../../../common/contracts/shared.js";
import { requestOrigin, requireActor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import * as requests from "./service.js";

const tags = ["requests"];
const staff = { access: "staff" as const };

/**
 * Online-Anfragen: sent from a site's public page (no sign-in, spam-guarded), answered in the
 * site's inbox by its counselors and leads (policy.ts); anyone else gets 404 for a request.
 */
export function registerRequestRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    "/api/public/requests",
    {
      config: { access: "public" },
      schema: {
        tags: ["public"],
        summary: "Send an online counseling request to a site (no sign-in; needs a form token, limited per address and e-mail)",
        description: "404 when the site is unknown, closed or does not counsel the public. A confirmation mail goes out in `locale`.",
        body: createOnlineRequestRequest,
        response: { 201: createOnlineRequestResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await requests.submitOnlineRequest(ctx, requestOrigin(request), request.body)),
  );

  app.get(
    "/api/requests",
    {
      config: staff,
      schema: {
        tags,
        summary: "The online requests of the caller's sites (inbox); no names or contact data in the list",
        querystring: onlineRequestListQuery,
        response: { 200: onlineRequestListResponse },
      },
    },
    async (request) => requests.listOnlineRequests(ctx, requireActor(request), request.query),
  );

  app.get(
    "/api/requests/forward-targets",
    {
      config: staff,
      schema: {
        tags,
        summary: "Open public sites of the whole network to forward a request to, by name or place",
        querystring: forwardTargetQuery,
        response: { 200: forwardTargetListResponse },
      },
    },
    async (request) => requests.listForwardTargets(ctx, requireActor(request), request.query.q),
  );

  app.get(
    "/api/requests/:id",
    {
      config: staff,
      schema: {
        tags,
        summary: "One online request with the person's name and contact (audited)",
        params: idParams,
        response: { 200: onlineRequestSchema },
      },
    },
    async (request) => requests.getOnlineRequest(ctx, requestOrigin(request), request.params.id),
  );

  app.post(
    "/api/requests/:id/accept",
    {
      config: staff,
      schema: {
        tags,
        summary: "Accept a request: creates the client (and a first consultation held already); 409 when no longer open",
        params: idParams,
        body: acceptOnlineRequestRequest,
        response: { 200: acceptOnlineRequestResponse },
      },
    },
    async (request) => requests.acceptOnlineRequest(ctx, requestOrigin(request), request.params.id, request.body),
  );

  app.post(
    "/api/requests/:id/forward",
    {
      config: staff,
      schema: {
        tags,
        summary: "Forward a request to another site of the network (it moves to that site's inbox); 409 when no longer open",
        params: idParams,
        body: forwardOnlineRequestRequest,
        response: { 200: onlineRequestSchema },
      },
    },
    async (request) => requests.forwardOnlineRequest(ctx, requestOrigin(request), request.params.id, request.body),
  );

  app.post(
    "/api/requests/:id/close",
    {
      config: staff,
      schema: {
        tags,
        summary: "Close a request with an answer, mailed to the person in their language; 409 when no longer open",
        params: idParams,
        body: closeOnlineRequestRequest,
        response: { 200: onlineRequestSchema },
      },
    },
    async (request) => requests.closeOnlineRequest(ctx, requestOrigin(request), request.params.id, request.body),
  );
}
