import {
  hsdsApiInfo,
  hsdsListQuery,
  hsdsOrganizationDetail,
  hsdsOrganizationPage,
  hsdsOrganizationQuery,
  hsdsPageQuery,
  hsdsService,
  hsdsServiceAtLocation,
  hsdsServiceAtLocationPage,
  hsdsServicePage,
} from "../../../../common/contracts/hsds.js";
import { idParams } from "../../../../common/contracts/shared.js";
import type { AppContext } from "../../../platform/context.js";
import type { HttpApp } from "../../../platform/http.js";
import * as hsds from "./service.js";

const tags = ["public", "hsds"];
const config = { access: "public" as const };
const base = "/api/public/hsds";
const credit = "HSDS 3.0 — Human Services Data Specification: an Open Referral resource (https://openreferral.org/).";

/**
 * The public directory as Open Referral HSDS 3.0 (paths and `Page` envelope as in the HSDS API
 * template). No sign-in; open sites of sub-projects that counsel the public only (isPublicSite).
 */
export function registerHsdsRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    base,
    { config, schema: { tags, summary: "HSDS: the HSDS version this export speaks", description: credit, response: { 200: hsdsApiInfo } } },
    async () => hsds.hsdsApiInfo(ctx),
  );

  app.get(
    `${base}/organizations`,
    {
      config,
      schema: {
        tags,
        summary: "HSDS: organizations (Träger) running public counseling, paginated",
        description: credit,
        querystring: hsdsPageQuery,
        response: { 200: hsdsOrganizationPage },
      },
    },
    async (request) => hsds.listOrganizations(ctx, request.query),
  );

  app.get(
    `${base}/organizations/:id`,
    {
      config,
      schema: {
        tags,
        summary: "HSDS: an organization with its locations and services (full_service=true: services fully nested)",
        description: credit,
        params: idParams,
        querystring: hsdsOrganizationQuery,
        response: { 200: hsdsOrganizationDetail },
      },
    },
    async (request) => hsds.getOrganization(ctx, request.params.id, request.query.full_service === "true"),
  );

  app.get(
    `${base}/services`,
    {
      config,
      schema: {
        tags,
        summary: "HSDS: services (sub-projects and their field of action), paginated",
        description: credit,
        querystring: hsdsListQuery,
        response: { 200: hsdsServicePage },
      },
    },
    async (request) => hsds.listServices(ctx, request.query),
  );

  app.get(
    `${base}/services/:id`,
    {
      config,
      schema: {
        tags,
        summary: "HSDS: a service fully nested (organization, service_at_locations with their locations)",
        description: credit,
        params: idParams,
        response: { 200: hsdsService },
      },
    },
    async (request) => hsds.getService(ctx, request.params.id),
  );

  app.get(
    `${base}/service_at_locations`,
    {
      config,
      schema: {
        tags,
        summary: "HSDS: service_at_locations (a sub-project at one of its sites), paginated",
        description: credit,
        querystring: hsdsListQuery,
        response: { 200: hsdsServiceAtLocationPage },
      },
    },
    async (request) => hsds.listServiceAtLocations(ctx, request.query),
  );

  app.get(
    `${base}/service_at_locations/:id`,
    {
      config,
      schema: {
        tags,
        summary: "HSDS: a service_at_location with its location (address, phones, schedules, languages, accessibility)",
        description: credit,
        params: idParams,
        response: { 200: hsdsServiceAtLocation },
      },
    },
    async (request) => hsds.getServiceAtLocation(ctx, request.params.id),
  );
}
