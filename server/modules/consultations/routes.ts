import {
  clientIdQuery,
  consultationDefaultsSchema,
  consultationListResponse,
  consultationSchema,
  createConsultationRequest,
  createReferenceProfessionRequest,
  referenceProfessionListResponse,
  referenceProfessionQuery,
  referenceProfessionSchema,
  updateConsultationRequest,
  updateReferenceProfessionRequest,
} from "../../../common/contracts/consultations.js";
import { idParams } from "../../../common/contracts/shared.js";
import { requestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import { registerGroupEventRoutes } from "./group-events-routes.js";
import * as catalogue from "./reference-professions-service.js";
import * as consultations from "./service.js";
import { registerSupportRequestRoutes } from "./support-requests-routes.js";

const tags = ["consultations"];
const staff = { access: "staff" as const };

/**
 * Consultations module: consultations (Erst-, Folge-, Verweisberatung), the reference-profession
 * catalogue, group information events and second-level support. Every consultation route reads
 * or changes a client's file, so the service audits it through the clients module's access check.
 */
export function registerConsultationRoutes(app: HttpApp, ctx: AppContext): void {
  registerConsultationRecordRoutes(app, ctx);
  registerReferenceProfessionRoutes(app, ctx);
  registerGroupEventRoutes(app, ctx);
  registerSupportRequestRoutes(app, ctx);
}

function registerConsultationRecordRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/consultations",
    {
      config: staff,
      schema: {
        tags,
        summary: "A client's consultations, newest first (audited read)",
        querystring: clientIdQuery,
        response: { 200: consultationListResponse },
      },
    },
    async (request) => ({ items: await consultations.listConsultations(ctx, requestOrigin(request), request.query.clientId) }),
  );

  app.get(
    "/api/consultations/defaults",
    {
      config: staff,
      schema: {
        tags,
        summary: "Prefill for recording a consultation: last-used values and the kind the server would pick today",
        querystring: clientIdQuery,
        response: { 200: consultationDefaultsSchema },
      },
    },
    async (request) => consultations.consultationDefaults(ctx, requestOrigin(request), request.query.clientId),
  );

  app.post(
    "/api/consultations",
    {
      config: staff,
      schema: {
        tags,
        summary: "Record a consultation (the first contact in a funding period is the first consultation)",
        body: createConsultationRequest,
        response: { 201: consultationSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await consultations.createConsultation(ctx, requestOrigin(request), request.body)),
  );

  app.get(
    "/api/consultations/:id",
    {
      config: staff,
      schema: {
        tags,
        summary: "One consultation with its support requests (audited read)",
        params: idParams,
        response: { 200: consultationSchema },
      },
    },
    async (request) => consultations.getConsultation(ctx, requestOrigin(request), request.params.id),
  );

  app.patch(
    "/api/consultations/:id",
    {
      config: staff,
      schema: {
        tags,
        summary: "Change a consultation (optimistic locking by version; the first-consultation rule is checked again)",
        params: idParams,
        body: updateConsultationRequest,
        response: { 200: consultationSchema },
      },
    },
    async (request) => {
      const origin = requestOrigin(request);
      await consultations.updateConsultation(ctx, origin, request.params.id, request.body);
      return consultations.getConsultation(ctx, origin, request.params.id);
    },
  );
}

function registerReferenceProfessionRoutes(app: HttpApp, ctx: AppContext): void {
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
