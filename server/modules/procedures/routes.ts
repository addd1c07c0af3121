import {
  checklistQuery,
  createProcedureRequest,
  procedureChecklistSchema,
  procedureListQuery,
  procedureListResponse,
  procedureSchema,
  replaceDocumentsRequest,
  updateProcedureRequest,
} from "../../../common/contracts/procedures.js";
import { idParams } from "../../../common/contracts/shared.js";
import { requestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import * as procedures from "./service.js";

const tags = ["procedures"];
const staff = { access: "staff" as const };

/**
 * Anerkennungsverfahren: a client's recognition procedures with their document checklist
 * ("Mein Ordner"). Access follows the client (see service.ts); every read is audited.
 */
export function registerProcedureRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    "/api/procedures",
    {
      config: staff,
      schema: {
        tags,
        summary: "Open a recognition procedure (checklist prefilled unless documents are given)",
        body: createProcedureRequest,
        response: { 201: procedureSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await procedures.createProcedure(ctx, requestOrigin(request), request.body)),
  );

  app.get(
    "/api/procedures",
    {
      config: staff,
      schema: {
        tags,
        summary: "A client's recognition procedures (audited read)",
        querystring: procedureListQuery,
        response: { 200: procedureListResponse },
      },
    },
    async (request) => ({ items: await procedures.listProcedures(ctx, requestOrigin(request), request.query.clientId) }),
  );

  app.get(
    "/api/procedures/:id",
    {
      config: staff,
      schema: { tags, summary: "One recognition procedure (audited read)", params: idParams, response: { 200: procedureSchema } },
    },
    async (request) => procedures.getProcedure(ctx, requestOrigin(request), request.params.id),
  );

  app.patch(
    "/api/procedures/:id",
    {
      config: staff,
      schema: {
        tags,
        summary: "Change authority, legal basis, dates or decision (optimistic locking by version)",
        params: idParams,
        body: updateProcedureRequest,
        response: { 200: procedureSchema },
      },
    },
    async (request) => procedures.updateProcedure(ctx, requestOrigin(request), request.params.id, request.body),
  );

  app.put(
    "/api/procedures/:id/documents",
    {
      config: staff,
      schema: {
        tags,
        summary: "Replace the document checklist, in order (optimistic locking by the procedure's version)",
        params: idParams,
        body: replaceDocumentsRequest,
        response: { 200: procedureSchema },
      },
    },
    async (request) => procedures.replaceDocuments(ctx, requestOrigin(request), request.params.id, request.body),
  );

  app.get(
    "/api/procedures/:id/checklist",
    {
      config: staff,
      schema: {
        tags,
        summary: "The printable checklist in the client's language (audited read)",
        params: idParams,
        querystring: checklistQuery,
        response: { 200: procedureChecklistSchema },
      },
    },
    async (request) => procedures.getChecklist(ctx, requestOrigin(request), request.params.id, request.query),
  );
}
