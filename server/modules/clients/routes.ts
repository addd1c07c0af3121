import { z } from "zod";
import {
  clientConsentParams,
  clientListResponse,
  clientSchema,
  clientSearchQuery,
  createClientRequest,
  duplicateCheckRequest,
  duplicateCheckResponse,
  giveConsentRequest,
  updateClientRequest,
} from "../../../common/contracts/clients.js";
import { idParams } from "../../../common/contracts/shared.js";
import { requestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import { registerCaseworkRoutes } from "./casework-routes.js";
import { registerClientLifecycleRoutes } from "./lifecycle-routes.js";
import * as clients from "./service.js";

const tags = ["clients"];
const staff = { access: "staff" as const };

/**
 * Ratsuchende: the only routes that return personal data of clients. Every read is audited by
 * the service; names never travel in a URL except the search text (`q`), which the access log
 * leaves out (app.ts).
 */
export function registerClientRoutes(app: HttpApp, ctx: AppContext): void {
  registerClientLifecycleRoutes(app, ctx);
  app.get(
    "/api/clients",
    {
      config: staff,
      schema: {
        tags,
        summary: "Search clients by name or client number (no list of everyone)",
        querystring: clientSearchQuery,
        response: { 200: clientListResponse },
      },
    },
    async (request) => ({ items: await clients.searchClients(ctx, requestOrigin(request), request.query) }),
  );

  app.post(
    "/api/clients",
    {
      config: staff,
      schema: { tags, summary: "Record a client with their consent", body: createClientRequest, response: { 201: clientSchema } },
    },
    async (request, reply) => {
      const origin = requestOrigin(request);
      const id = await clients.createClient(ctx, origin, request.body);
      return reply.code(201).send(await clients.getClient(ctx, origin, id));
    },
  );

  app.post(
    "/api/clients/duplicate-check",
    {
      config: staff,
      schema: {
        tags,
        summary: "Possible duplicates of a person about to be recorded (names in the body, not the URL)",
        body: duplicateCheckRequest,
        response: { 200: duplicateCheckResponse },
      },
    },
    async (request) => ({ items: await clients.findDuplicates(ctx, requestOrigin(request), request.body) }),
  );

  app.get(
    "/api/clients/:id",
    { config: staff, schema: { tags, summary: "One client (audited read)", params: idParams, response: { 200: clientSchema } } },
    async (request) => clients.getClient(ctx, requestOrigin(request), request.params.id),
  );

  app.patch(
    "/api/clients/:id",
    {
      config: staff,
      schema: {
        tags,
        summary: "Change a client's data (optimistic locking by version)",
        params: idParams,
        body: updateClientRequest,
        response: { 200: clientSchema },
      },
    },
    async (request) => {
      const origin = requestOrigin(request);
      await clients.updateClient(ctx, origin, request.params.id, request.body);
      return clients.getClient(ctx, origin, request.params.id);
    },
  );

  app.post(
    "/api/clients/:id/consents",
    {
      config: staff,
      schema: { tags, summary: "Record a consent", params: idParams, body: giveConsentRequest, response: { 201: clientSchema } },
    },
    async (request, reply) => {
      const origin = requestOrigin(request);
      await clients.giveConsent(ctx, origin, request.params.id, request.body);
      return reply.code(201).send(await clients.getClient(ctx, origin, request.params.id));
    },
  );

  app.post(
    "/api/clients/:id/consents/:consentId/withdraw",
    {
      config: staff,
      schema: {
        tags,
        summary: "Withdraw a consent (effective at once; repeating it is harmless)",
        params: clientConsentParams,
        body: z.object({}).optional(),
        response: { 200: clientSchema },
      },
    },
    async (request) => {
      const origin = requestOrigin(request);
      await clients.withdrawConsent(ctx, origin, request.params.id, request.params.consentId);
      return clients.getClient(ctx, origin, request.params.id);
    },
  );
  registerCaseworkRoutes(app, ctx);
}
