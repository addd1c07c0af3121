import { z } from "zod";
import {
  createSavedQueryRequest,
  savedQueryListResponse,
  savedQuerySchema,
  updateSavedQueryRequest,
} from "../../../common/contracts/monitoring.js";
import { idParams } from "../../../common/contracts/shared.js";
import { requestOrigin, requireActor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import * as savedQueries from "./saved-queries.js";

const tags = ["monitoring"];
const staff = { access: "staff" as const };

/**
 * Sonderanfragen: saved report queries. They hold parameters only; the web runs them through
 * GET /api/monitoring/report, so the caller's scope and disclosure control apply as to any report.
 */
export function registerSavedQueryRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/monitoring/queries",
    {
      config: staff,
      schema: {
        tags,
        summary: "Saved queries the caller sees: their own and those shared with them",
        response: { 200: savedQueryListResponse },
      },
    },
    async (request) => savedQueries.listSavedQueries(ctx, requireActor(request)),
  );

  app.get(
    "/api/monitoring/queries/:id",
    { config: staff, schema: { tags, summary: "One saved query", params: idParams, response: { 200: savedQuerySchema } } },
    async (request) => savedQueries.getSavedQuery(ctx, requireActor(request), request.params.id),
  );

  app.post(
    "/api/monitoring/queries",
    {
      config: staff,
      schema: {
        tags,
        summary: "Save a report query by name (checked like a report; private, shared with the own unit, or national)",
        body: createSavedQueryRequest,
        response: { 201: savedQuerySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await savedQueries.createSavedQuery(ctx, requestOrigin(request), request.body)),
  );

  app.patch(
    "/api/monitoring/queries/:id",
    {
      config: staff,
      schema: {
        tags,
        summary: "Change a saved query (optimistic locking by version: 409 when stale)",
        params: idParams,
        body: updateSavedQueryRequest,
        response: { 200: savedQuerySchema },
      },
    },
    async (request) => savedQueries.updateSavedQuery(ctx, requestOrigin(request), request.params.id, request.body),
  );

  app.delete(
    "/api/monitoring/queries/:id",
    {
      config: staff,
      schema: {
        tags,
        summary: "Delete a saved query (owner; shared ones also the monitoring team)",
        params: idParams,
        response: { 204: z.void().describe("No body") },
      },
    },
    async (request, reply) => {
      await savedQueries.deleteSavedQuery(ctx, requestOrigin(request), request.params.id);
      return reply.code(204).send(undefined);
    },
  );
}
