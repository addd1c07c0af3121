import { z } from "zod";
import { idParams } from "../../../common/contracts/shared.js";
import {
  createUserRequest,
  grantableRolesQuery,
  grantableRolesResponse,
  grantRoleRequest,
  updateUserRequest,
  userGrantParams,
  userListQuery,
  userListResponse,
  userSchema,
} from "../../../common/contracts/users.js";
import { requestOrigin, requireActor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import * as admin from "./user-admin-service.js";

const tags = ["users"];
const noContent = { 204: z.null() };

/** User administration; the service decides through policy.ts (not visible → 404, not allowed → 403). */
export function registerUserRoutes(app: HttpApp, ctx: AppContext): void {
  const staff = { access: "staff" as const };

  app.get(
    "/api/users",
    {
      config: staff,
      schema: {
        tags,
        summary: "Users with a grant inside the caller's scope",
        querystring: userListQuery,
        response: { 200: userListResponse },
      },
    },
    async (request) => admin.listUsers(ctx, requireActor(request), request.query),
  );

  app.get(
    "/api/users/:id",
    {
      config: staff,
      schema: { tags, summary: "One user with grants and the caller's abilities", params: idParams, response: { 200: userSchema } },
    },
    async (request) => admin.getUser(ctx, requireActor(request), request.params.id),
  );

  app.post(
    "/api/users",
    {
      config: staff,
      schema: {
        tags,
        summary: "Create a user with a first role; mails an invitation",
        body: createUserRequest,
        response: { 201: userSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await admin.createUser(ctx, requireActor(request), request.body, requestOrigin(request))),
  );

  app.patch(
    "/api/users/:id",
    {
      config: staff,
      schema: {
        tags,
        summary: "Rename, disable or re-enable a user",
        params: idParams,
        body: updateUserRequest,
        response: { 200: userSchema },
      },
    },
    async (request) => admin.updateUser(ctx, requireActor(request), request.params.id, request.body, requestOrigin(request)),
  );

  app.post(
    "/api/users/:id/roles",
    {
      config: staff,
      schema: { tags, summary: "Grant a role on a unit", params: idParams, body: grantRoleRequest, response: { 201: userSchema } },
    },
    async (request, reply) =>
      reply.code(201).send(await admin.grantRole(ctx, requireActor(request), request.params.id, request.body, requestOrigin(request))),
  );

  app.delete(
    "/api/users/:id/roles/:grantId",
    { config: staff, schema: { tags, summary: "Revoke a grant (kept as history)", params: userGrantParams, response: noContent } },
    async (request, reply) => {
      await admin.revokeRole(ctx, requireActor(request), request.params.id, request.params.grantId, requestOrigin(request));
      return reply.code(204).send(null);
    },
  );

  app.delete(
    "/api/users/:id/sessions",
    { config: staff, schema: { tags, summary: "Sign a user out everywhere", params: idParams, response: noContent } },
    async (request, reply) => {
      await admin.revokeUserSessions(ctx, requireActor(request), request.params.id, requestOrigin(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/roles/grantable",
    {
      config: staff,
      schema: {
        tags,
        summary: "Roles the caller may grant on a unit",
        querystring: grantableRolesQuery,
        response: { 200: grantableRolesResponse },
      },
    },
    async (request) => admin.grantableRolesAt(ctx, requireActor(request), request.query.unitId),
  );
}
