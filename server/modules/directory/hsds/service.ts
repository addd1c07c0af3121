import type {
  HsdsListQuery,
  HsdsOrganization,
  HsdsOrganizationDetail,
  HsdsPage,
  HsdsPageQuery,
  HsdsService,
  HsdsServiceAtLocation,
} from "../../../../common/contracts/hsds.js";
import type { AppContext } from "../../../platform/context.js";
import { AppError } from "../../../platform/errors.js";
import { isPublicSite } from "../policy.js";
import * as repo from "../repository.js";
import { berlinToday } from "../service.js";
import { buildHsdsDirectory, type HsdsDirectory } from "./presenter.js";

/**
 * The Open Referral HSDS 3.0 export of the public directory: exactly the open sites the public
 * search shows (`isPublicSite`), read per request like the search (a few hundred rows).
 */
export const HSDS_VERSION = "3.0.0";
export const HSDS_ATTRIBUTION = "Human Services Data Specification: an Open Referral resource (https://openreferral.org/)";

async function loadDirectory(ctx: AppContext): Promise<HsdsDirectory> {
  const rows = (await repo.listPublicSites(ctx.database.db, berlinToday(ctx))).filter(isPublicSite);
  return buildHsdsDirectory(rows);
}

export function hsdsApiInfo(ctx: AppContext) {
  return { version: HSDS_VERSION, openapi_url: `${ctx.config.publicUrl}/api/openapi.json`, attribution: HSDS_ATTRIBUTION };
}

/** One page in the HSDS `Page` envelope; a page past the last is empty, not an error. */
export function paginate<T>(items: T[], query: HsdsPageQuery): HsdsPage<T> {
  const totalPages = Math.ceil(items.length / query.per_page);
  const contents = items.slice((query.page - 1) * query.per_page, query.page * query.per_page);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: query.page,
    size: contents.length,
    first_page: query.page === 1,
    last_page: query.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

export async function listOrganizations(ctx: AppContext, query: HsdsPageQuery): Promise<HsdsPage<HsdsOrganization>> {
  return paginate((await loadDirectory(ctx)).organizations, query);
}

/** An organization with its locations and services (basic, or fully nested with `fullService`). */
export async function getOrganization(ctx: AppContext, id: string, fullService: boolean): Promise<HsdsOrganizationDetail> {
  const directory = await loadDirectory(ctx);
  const organization = directory.organizations.find((o) => o.id === id);
  if (!organization) throw new AppError("not_found");
  const services = directory.services.filter((s) => s.organization_id === id);
  return {
    ...organization,
    locations: directory.locations.filter((l) => l.organization_id === id),
    services: fullService ? services.map((s) => nestService(directory, s)) : services,
  };
}

export async function listServices(ctx: AppContext, query: HsdsListQuery): Promise<HsdsPage<HsdsService>> {
  const { services } = await loadDirectory(ctx);
  return paginate(query.organization_id ? services.filter((s) => s.organization_id === query.organization_id) : services, query);
}

export async function getService(ctx: AppContext, id: string): Promise<HsdsService> {
  const directory = await loadDirectory(ctx);
  const service = directory.services.find((s) => s.id === id);
  if (!service) throw new AppError("not_found");
  return nestService(directory, service);
}

export async function listServiceAtLocations(ctx: AppContext, query: HsdsListQuery): Promise<HsdsPage<HsdsServiceAtLocation>> {
  const directory = await loadDirectory(ctx);
  const ofOrganization = query.organization_id
    ? new Set(directory.services.filter((s) => s.organization_id === query.organization_id).map((s) => s.id))
    : null;
  return paginate(
    ofOrganization ? directory.serviceAtLocations.filter((sal) => ofOrganization.has(sal.service_id)) : directory.serviceAtLocations,
    query,
  );
}

export async function getServiceAtLocation(ctx: AppContext, id: string): Promise<HsdsServiceAtLocation> {
  const directory = await loadDirectory(ctx);
  const sal = directory.serviceAtLocations.find((s) => s.id === id);
  if (!sal) throw new AppError("not_found");
  return withLocation(directory, sal);
}

/** A service with its organization and its service_at_locations, each with its location. */
function nestService(directory: HsdsDirectory, service: HsdsService): HsdsService {
  return {
    ...service,
    organization: directory.organizations.find((o) => o.id === service.organization_id)!,
    service_at_locations: directory.serviceAtLocations
      .filter((sal) => sal.service_id === service.id)
      .map((sal) => withLocation(directory, sal)),
  };
}

function withLocation(directory: HsdsDirectory, sal: HsdsServiceAtLocation): HsdsServiceAtLocation {
  return { ...sal, location: directory.locations.find((l) => l.id === sal.location_id)! };
}
