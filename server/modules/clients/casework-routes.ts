import { z } from "zod";
import {
  accessGrantListResponse,
  accessGrantParams,
  accessGrantSchema,
  assignClientRequest,
  breakGlassRequest,
  caseloadQuery,
  caseloadReassignmentSchema,
  caseloadResponse,
  clientAssignmentSchema,
  createTaskRequest,
  myTaskListResponse,
  myTasksQuery,
  reassignCaseloadRequest,
  taskAssigneeListResponse,
  taskListResponse,
  taskParams,
  taskSchema,
  updateTaskRequest,
} from "../../../common/contracts/casework.js";
import { idParams } from "../../../common/contracts/shared.js";
import { requestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import * as breakGlass from "./break-glass.js";
import * as caseload from "./caseload.js";
import * as tasks from "./tasks.js";

const tags = ["clients"];
const staff = { access: "staff" as const };

/** Casework around a client: tasks (Wiedervorlagen), caseload and its reassignment, break-the-glass. */
export function registerCaseworkRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/clients/:id/tasks",
    {
      config: staff,
      schema: { tags, summary: "A client's follow-up tasks (audited read)", params: idParams, response: { 200: taskListResponse } },
    },
    async (request) => ({ items: await tasks.listTasks(ctx, requestOrigin(request), request.params.id) }),
  );

  app.get(
    "/api/clients/:id/task-assignees",
    {
      config: staff,
      schema: {
        tags,
        summary: "Caseworkers of the client's sub-project a task can be given to",
        params: idParams,
        response: { 200: taskAssigneeListResponse },
      },
    },
    async (request) => ({ items: await tasks.listTaskAssignees(ctx, requestOrigin(request), request.params.id) }),
  );

  app.post(
    "/api/clients/:id/tasks",
    {
      config: staff,
      schema: {
        tags,
        summary: "Add a follow-up task (Wiedervorlage)",
        params: idParams,
        body: createTaskRequest,
        response: { 201: taskSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await tasks.createTask(ctx, requestOrigin(request), request.params.id, request.body)),
  );

  app.patch(
    "/api/clients/:id/tasks/:taskId",
    {
      config: staff,
      schema: {
        tags,
        summary: "Change, close or reopen a task (optimistic locking by version)",
        params: taskParams,
        body: updateTaskRequest,
        response: { 200: taskSchema },
      },
    },
    async (request) => tasks.updateTask(ctx, requestOrigin(request), request.params.id, request.params.taskId, request.body),
  );

  app.get(
    "/api/tasks/mine",
    {
      config: staff,
      schema: {
        tags,
        summary: "The caller's open tasks due today, overdue or upcoming (Europe/Berlin days; audited read)",
        querystring: myTasksQuery,
        response: { 200: myTaskListResponse },
      },
    },
    async (request) => tasks.listMyTasks(ctx, requestOrigin(request), request.query.due),
  );

  app.post(
    "/api/clients/:id/assign",
    {
      config: staff,
      schema: {
        tags,
        summary: "Put a client into a counselor's caseload (their open tasks go along)",
        params: idParams,
        body: assignClientRequest,
        response: { 200: clientAssignmentSchema },
      },
    },
    async (request) => caseload.assignClient(ctx, requestOrigin(request), request.params.id, request.body),
  );

  app.get(
    "/api/caseload",
    {
      config: staff,
      schema: {
        tags,
        summary: "Clients and open tasks per counselor (a lead's sub-projects, or one's own); counts only",
        querystring: caseloadQuery,
        response: { 200: caseloadResponse },
      },
    },
    async (request) => ({ items: await caseload.getCaseload(ctx, requestOrigin(request), request.query) }),
  );

  app.post(
    "/api/caseload/reassign",
    {
      config: staff,
      schema: {
        tags,
        summary: "Move all clients and open tasks of a counselor in a sub-project to another (lead; idempotent)",
        body: reassignCaseloadRequest,
        response: { 200: caseloadReassignmentSchema },
      },
    },
    async (request) => caseload.reassignCaseload(ctx, requestOrigin(request), request.body),
  );

  app.post(
    "/api/clients/:id/break-glass",
    {
      config: staff,
      schema: {
        tags,
        summary: "Open a client of another sub-project in the own state network, with a reason, for a limited time",
        params: idParams,
        body: breakGlassRequest,
        response: { 201: accessGrantSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await breakGlass.breakGlass(ctx, requestOrigin(request), request.params.id, request.body)),
  );

  app.get(
    "/api/clients/:id/access-grants",
    {
      config: staff,
      schema: {
        tags,
        summary: "Break-the-glass accesses to a client: who, why, until when (owning sub-project)",
        params: idParams,
        response: { 200: accessGrantListResponse },
      },
    },
    async (request) => ({ items: await breakGlass.listAccessGrants(ctx, requestOrigin(request), request.params.id) }),
  );

  app.post(
    "/api/clients/:id/access-grants/:grantId/revoke",
    {
      config: staff,
      schema: {
        tags,
        summary: "End a break-the-glass access early (lead of the owning sub-project)",
        params: accessGrantParams,
        body: z.object({}).optional(),
        response: { 200: accessGrantSchema },
      },
    },
    async (request) => breakGlass.revokeAccessGrant(ctx, requestOrigin(request), request.params.id, request.params.grantId),
  );
}
