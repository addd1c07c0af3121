import {
  createReferenceProfessionRequest,
  referenceProfessionListResponse,
  referenceProfessionQuery,
  referenceProfessionSchema,
  updateReferenceProfessionRequest,
} from "../../../common/contracts/consultations.js";
import { idParams } from "../../../common/contracts/shared.js";
import { requestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import * as catalogue from "./reference-professions-service.js";

const tags = ["consultations"];
const staff = { access: "staff" as const };

/** Consultations module: for now the reference-profession catalogue (Referenzberufe). */
export function registerConsultationRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/reference-professions",
    {
      config: staff,
      schema: {
        tags,
        summary: "Search the reference professions (current or former name)",
        querystring: referenceProfessionQuery,
        response: { 200: referenceProfessionListResponse },
      },
    },
    async (request) => ({ items: await catalogue.listReferenceProfessions(ctx, request.query) }),
  );

  app.post(
    "/api/reference-professions",
    {
      config: staff,
      schema: {
        tags,
        summary: "Add a reference profession (network administrators)",
        body: createReferenceProfessionRequest,
        response: { 201: referenceProfessionSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await catalogue.createReferenceProfession(ctx, requestOrigin(request), request.body)),
  );

  app.patch(
    "/api/reference-professions/:id",
    {
      config: staff,
      schema: {
        tags,
        summary: "Rename, reclassify or retire a reference profession (network administrators)",
        params: idParams,
        body: updateReferenceProfessionRequest,
        response: { 200: referenceProfessionSchema },
      },
    },
    async (request) => catalogue.updateReferenceProfession(ctx, requestOrigin(request), request.params.id, request.body),
  );
}
