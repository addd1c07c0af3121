import {
  createGroupEventRequest,
  groupEventListResponse,
  groupEventQuery,
  groupEventSchema,
  updateGroupEventRequest,
} from "../../../common/contracts/consultations.js";
import { idParams } from "../../../common/contracts/shared.js";
import { requestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import * as groupEvents from "./group-events-service.js";

const tags = ["consultations"];
const staff = { access: "staff" as const };

/** Gruppeninformationsveranstaltungen: participant counts only, no client ids. */
export function registerGroupEventRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/group-events",
    {
      config: staff,
      schema: {
        tags,
        summary: "Group information events of a unit's subtree, newest first",
        querystring: groupEventQuery,
        response: { 200: groupEventListResponse },
      },
    },
    async (request) => ({ items: await groupEvents.listGroupEvents(ctx, requestOrigin(request), request.query) }),
  );

  app.post(
    "/api/group-events",
    {
      config: staff,
      schema: {
        tags,
        summary: "Record a group information event (counts only)",
        body: createGroupEventRequest,
        response: { 201: groupEventSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await groupEvents.createGroupEvent(ctx, requestOrigin(request), request.body)),
  );

  app.patch(
    "/api/group-events/:id",
    {
      config: staff,
      schema: {
        tags,
        summary: "Change a group information event (optimistic locking by version)",
        params: idParams,
        body: updateGroupEventRequest,
        response: { 200: groupEventSchema },
      },
    },
    async (request) => groupEvents.updateGroupEvent(ctx, requestOrigin(request), request.params.id, request.body),
  );
}
