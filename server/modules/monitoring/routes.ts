import { measureCatalogueResponse, reportQuery, reportResponse } from "../../../common/contracts/monitoring.js";
import { requireActor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import { reportCsv, reportFileName } from "./csv.js";
import { getReport, measureCatalogue } from "./service.js";

const tags = ["monitoring"];
const staff = { access: "staff" as const };

/**
 * Statistics: aggregates of pseudonymous facts after disclosure control, never a person. Who
 * reads which part of the network is monitoring/policy.ts.
 */
export function registerMonitoringRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/monitoring/report",
    {
      config: staff,
      schema: {
        tags,
        summary: "One measure for a unit's subtree and a period, up to two breakdowns; small counts suppressed (format=csv: as a file)",
        querystring: reportQuery,
        response: { 200: reportResponse.meta({ description: "JSON, or text/csv with format=csv" }) },
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
}
