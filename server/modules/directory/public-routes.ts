import { publicSiteDetail, publicSiteListResponse, publicSiteQuery } from "../../../common/contracts/public-directory.js";
import { idParams } from "../../../common/contracts/shared.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import * as publicDirectory from "./public-service.js";

const tags = ["public"];

/** Finding counseling without signing in (public pages). The policy is isPublicSite. */
export function registerPublicDirectoryRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/public/sites",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Counseling sites nearest a postcode or place, by language, topic and channel (no sign-in)",
        description: "Distances are straight-line kilometres from the postcode's or place's centre (GeoNames (geonames.org), CC BY 4.0).",
        querystring: publicSiteQuery,
        response: { 200: publicSiteListResponse },
      },
    },
    async (request) => publicDirectory.searchPublicSites(ctx, request.query),
  );

  app.get(
    "/api/public/sites/:id",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "A counseling site: address, hours, languages, channels, accessibility, how to get there",
        params: idParams,
        response: { 200: publicSiteDetail },
      },
    },
    async (request) => publicDirectory.getPublicSite(ctx, request.params.id),
  );
}
