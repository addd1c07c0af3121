import {
  closeUnitRequest,
  createProviderRequest,
  createUnitRequest,
  moveUnitRequest,
  postcodeListResponse,
  postcodeParams,
  providerListQuery,
  providerListResponse,
  providerSchema,
  reopenUnitRequest,
  unitDetailSchema,
  unitHistoryResponse,
  unitListQuery,
  unitListResponse,
  updateUnitRequest,
} from "../../../common/contracts/directory.js";
import { idParams } from "../../../common/contracts/shared.js";
import type { StateCode } from "../../../common/domain/units.js";
import { requestOrigin, requireActor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import type { DirectoryCache } from "./directory-cache.js";
import { registerHsdsRoutes } from "./hsds/routes.js";
import { registerPublicDirectoryRoutes } from "./public-routes.js";
import * as directory from "./service.js";

const tags = ["directory"];

/** Network units, sites, providers and postcodes. HTTP only: the service decides and authorizes. */
export function registerDirectoryRoutes(app: HttpApp, ctx: AppContext, directoryCache: DirectoryCache): void {
  registerPublicDirectoryRoutes(app, ctx);
  registerHsdsRoutes(app, ctx);
  app.get(
    "/api/units",
    {
      config: { access: "staff" },
      schema: {
        tags,
        summary: "Units of the network the caller may see, by depth and name",
        querystring: unitListQuery,
        response: { 200: unitListResponse },
      },
    },
    async (request, reply) => {
      const json = await directory.listUnitsJson(ctx, requireActor(request), request.query, directoryCache);
      // Already validated against unitListResponse and serialized (and cached) by the service:
      // Fastify sends a JSON string as it is.
      return reply.type("application/json; charset=utf-8").send(json as never);
    },
  );

  app.get(
    "/api/units/:id",
    {
      config: { access: "staff" },
      schema: {
        tags,
        summary: "One unit with breadcrumbs, site details and abilities",
        params: idParams,
        response: { 200: unitDetailSchema },
      },
    },
    async (request) => directory.getUnit(ctx, requireActor(request), request.params.id),
  );

  app.get(
    "/api/units/:id/history",
    {
      config: { access: "staff" },
      schema: {
        tags,
        summary: "Snapshots of every change of a unit, newest first",
        params: idParams,
        response: { 200: unitHistoryResponse },
      },
    },
    async (request) => ({ items: await directory.getUnitHistory(ctx, requireActor(request), request.params.id) }),
  );

  app.post(
    "/api/units",
    {
      config: { access: "staff" },
      schema: { tags, summary: "Create a unit or site below a parent", body: createUnitRequest, response: { 201: unitDetailSchema } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await directory.createUnit(ctx, requestOrigin(request), request.body);
      return reply.code(201).send(await directory.getUnit(ctx, actor, id));
    },
  );

  app.patch(
    "/api/units/:id",
    {
      config: { access: "staff" },
      schema: {
        tags,
        summary: "Change a unit (optimistic locking by version)",
        params: idParams,
        body: updateUnitRequest,
        response: { 200: unitDetailSchema },
      },
    },
    async (request) => {
      await directory.updateUnit(ctx, requestOrigin(request), request.params.id, request.body);
      return directory.getUnit(ctx, requireActor(request), request.params.id);
    },
  );

  app.post(
    "/api/units/:id/move",
    {
      config: { access: "staff" },
      schema: {
        tags,
        summary: "Move a unit with its subtree below another parent",
        params: idParams,
        body: moveUnitRequest,
        response: { 200: unitDetailSchema },
      },
    },
    async (request) => {
      await directory.moveUnit(ctx, requestOrigin(request), request.params.id, request.body);
      return directory.getUnit(ctx, requireActor(request), request.params.id);
    },
  );

  app.post(
    "/api/units/:id/close",
    {
      config: { access: "staff" },
      schema: {
        tags,
        summary: "Close a unit (kept for statistics); cascade closes open units below",
        params: idParams,
        body: closeUnitRequest,
        response: { 200: unitDetailSchema },
      },
    },
    async (request) => {
      await directory.closeUnit(ctx, requestOrigin(request), request.params.id, request.body);
      return directory.getUnit(ctx, requireActor(request), request.params.id);
    },
  );

  app.post(
    "/api/units/:id/reopen",
    {
      config: { access: "staff" },
      schema: { tags, summary: "Reopen a closed unit", params: idParams, body: reopenUnitRequest, response: { 200: unitDetailSchema } },
    },
    async (request) => {
      await directory.reopenUnit(ctx, requestOrigin(request), request.params.id, request.body);
      return directory.getUnit(ctx, requireActor(request), request.params.id);
    },
  );

  app.get(
    "/api/providers",
    {
      config: { access: "staff" },
      schema: {
        tags,
        summary: "Search providers (Träger) by name",
        querystring: providerListQuery,
        response: { 200: providerListResponse },
      },
    },
    async (request) => ({ items: await directory.listProviders(ctx, requireActor(request), request.query) }),
  );

  app.post(
    "/api/providers",
    {
      config: { access: "staff" },
      schema: { tags, summary: "Add a provider (Träger)", body: createProviderRequest, response: { 201: providerSchema } },
    },
    async (request, reply) => reply.code(201).send(await directory.createProvider(ctx, requestOrigin(request), request.body.name)),
  );

  app.get(
    "/api/postcodes/:postcode",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Places and coordinates of a German postcode (data: GeoNames (geonames.org), CC BY 4.0)",
        params: postcodeParams,
        response: { 200: postcodeListResponse },
      },
    },
    async (request) => ({
      items: (await directory.lookupPostcode(ctx, request.params.postcode)).map((p) => ({ ...p, stateCode: p.stateCode as StateCode })),
    }),
  );
}
