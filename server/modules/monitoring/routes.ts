import {
  dashboardOptionsResponse,
  dashboardQuery,
  dashboardResponse,
  factSheetQuery,
  measureCatalogueResponse,
  reportQuery,
  reportResponse,
} from "../../../common/contracts/monitoring.js";
import { requireActor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import { berlinToday } from "../directory/service.js";
import { reportCsv, reportFileName } from "./csv.js";
import { getDashboard, getDashboardOptions } from "./dashboard.js";
import { getFactSheet } from "./factsheet.js";
import { factSheetFileName, factSheetPdf } from "./factsheet-pdf.js";
import { registerSavedQueryRoutes } from "./saved-queries-routes.js";
import { getReport, measureCatalogue } from "./service.js";
import { reportXlsx } from "./xlsx.js";

const tags = ["monitoring"];
const staff = { access: "staff" as const };

/**
 * Statistics: aggregates of pseudonymous facts after disclosure control, never a person. Who
 * reads which part of the network is monitoring/policy.ts.
 */
export function registerMonitoringRoutes(app: HttpApp, ctx: AppContext): void {
  registerSavedQueryRoutes(app, ctx);
  app.get(
    "/api/monitoring/report",
    {
      config: staff,
      schema: {
        tags,
        summary:
          "One measure for a unit's subtree and a period, up to two breakdowns; small counts suppressed (format=csv or xlsx: as a file)",
        querystring: reportQuery,
        response: { 200: reportResponse.meta({ description: "JSON, text/csv with format=csv, an XLSX workbook with format=xlsx" }) },
      },
    },
    async (request, reply) => {
      const report = await getReport(ctx, requireActor(request), request.query);
      if (request.query.format === "csv") {
        return (
          reply
            .type("text/csv; charset=utf-8")
            .header("content-disposition", `attachment; filename="${reportFileName(report)}"`)
            .header("cache-control", "no-store")
            // A text body with its own content type is sent as is; the JSON contract does not apply.
            .send(reportCsv(report, request.query.lang) as unknown as typeof report)
        );
      }
      if (request.query.format === "xlsx") {
        return reply
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", `attachment; filename="${reportFileName(report, "xlsx")}"`)
          .header("cache-control", "no-store")
          .send((await reportXlsx(report, request.query.lang, berlinToday(ctx))) as unknown as typeof report);
      }
      return reply.header("cache-control", "no-store").send(report);
    },
  );

  app.get(
    "/api/monitoring/measures",
    {
      config: staff,
      schema: {
        tags,
        summary: "The measures with their breakdowns and filters, labelled in German and English",
        response: { 200: measureCatalogueResponse },
      },
    },
    async (request) => measureCatalogue(ctx, requireActor(request)),
  );
  app.get(
    "/api/monitoring/factsheet",
    {
      config: staff,
      schema: {
        tags,
        summary:
          "PDF fact sheet '<network> in Zahlen' of a unit and period with its Stichtag; every figure from the reports, small counts suppressed",
        querystring: factSheetQuery,
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const sheet = await getFactSheet(ctx, requireActor(request), request.query);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${factSheetFileName(sheet)}"`)
        .header("cache-control", "no-store")
        .send(await factSheetPdf(sheet));
    },
  );
  app.get(
    "/api/monitoring/dashboard",
    {
      config: staff,
      schema: {
        tags,
        summary:
          "Every panel of a scope's dashboard (monthly trend, top nationalities and professions, Faire Integration reasons, recognition outcomes, first consultations by state), each a report after disclosure control",
        querystring: dashboardQuery,
        response: { 200: dashboardResponse },
      },
    },
    async (request, reply) => reply.header("cache-control", "no-store").send(await getDashboard(ctx, requireActor(request), request.query)),
  );
  app.get(
    "/api/monitoring/dashboard/options",
    {
      config: staff,
      schema: {
        tags,
        summary: "The units whose dashboard the caller may read, their default and the default period",
        response: { 200: dashboardOptionsResponse },
      },
    },
    async (request) => getDashboardOptions(ctx, requireActor(request)),
  );
}
