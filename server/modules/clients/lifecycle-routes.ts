import { z } from "zod";
import {
  clientExportResponse,
  eraseClientRequest,
  eraseClientResponse,
  mergeClientRequest,
  mergeClientResponse,
  retentionRunListResponse,
} from "../../../common/contracts/client-lifecycle.js";
import { idParams } from "../../../common/contracts/shared.js";
import { timelineResponse } from "../../../common/contracts/timeline.js";
import { requestOrigin, requireActor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import { exportClientData } from "./data-export.js";
import { renderClientExportPdf } from "./data-export-pdf.js";
import { eraseClient } from "./erasure.js";
import { mergeClients } from "./merge.js";
import { listRetentionRuns } from "./retention.js";
import { clientTimeline } from "./timeline.js";

const tags = ["clients"];
const staff = { access: "staff" as const };

/** The client as a whole: timeline, access export, erasure, merge, and the retention report. */
export function registerClientLifecycleRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/clients/:id/timeline",
    {
      config: staff,
      schema: {
        tags,
        summary: "Consultations, procedures, referrals, tasks and consents of a client, newest first (audited read)",
        params: idParams,
        response: { 200: timelineResponse },
      },
    },
    async (request) => ({ items: await clientTimeline(ctx, requestOrigin(request), request.params.id) }),
  );

  app.get(
    "/api/clients/:id/export",
    {
      config: staff,
      schema: {
        tags,
        summary: "Everything stored about a client (access request, Art. 15 GDPR; audited)",
        params: idParams,
        response: { 200: clientExportResponse },
      },
    },
    async (request) => exportClientData(ctx, requestOrigin(request), request.params.id),
  );

  app.get(
    "/api/clients/:id/export.pdf",
    {
      config: staff,
      schema: {
        tags,
        summary: "The access export as a readable PDF for the person (audited)",
        params: idParams,
        response: { 200: z.any().meta({ description: "application/pdf" }) },
      },
    },
    async (request, reply) => {
      const data = await exportClientData(ctx, requestOrigin(request), request.params.id);
      const pdf = await renderClientExportPdf(data);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="auskunft-${String(data.client.number)}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    "/api/clients/:id/erase",
    {
      config: staff,
      schema: {
        tags,
        summary: "Erase the personal data of a client, keeping the pseudonymous facts (sub-project lead; repeating it is harmless)",
        params: idParams,
        body: eraseClientRequest,
        response: { 200: eraseClientResponse },
      },
    },
    async (request) => eraseClient(ctx, requestOrigin(request), request.params.id, request.body.version),
  );

  app.post(
    "/api/clients/:id/merge",
    {
      config: staff,
      schema: {
        tags,
        summary: "Merge a duplicate into this client, keeping all history (repeating it is harmless)",
        params: idParams,
        body: mergeClientRequest,
        response: { 200: mergeClientResponse },
      },
    },
    async (request) => mergeClients(ctx, requestOrigin(request), request.params.id, request.body),
  );

  app.get(
    "/api/retention/runs",
    {
      config: staff,
      schema: {
        tags,
        summary: "Reports of the automatic deletion (network administrators)",
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: retentionRunListResponse },
      },
    },
    async (request) => ({ items: await listRetentionRuns(ctx, requireActor(request), request.query.limit) }),
  );
}
