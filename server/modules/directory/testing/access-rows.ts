import { eq } from "drizzle-orm";
import { units } from "../../../db/schema/index.js";
import { type Caller, everyone, type MatrixContext, type Row, signedIn } from "../../../test/access.js";
import { hsdsId } from "../hsds/ids.js";
import { seedId } from "../seed.js";

/**
 * Access-matrix rows (server/test/access-matrix.ts) for the directory routes, against records in
 * the Berlin scope: the network is readable by staff in scope and by the national roles; sites
 * are managed by administrators, the state coordination and the sub-project lead.
 */

const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const berlinSite = seedId("unit", "demo-sub-project:DE-BE:site:0");
let n = 0;
/** A fresh site below the Berlin demo sub-project, made by the administrator. */
const freshBerlinSite = async (ctx: MatrixContext, closed = false) => {
  const res = await ctx
    .as("admin")
    .post("/api/units", { type: "site", parentId: berlinSub, name: `Matrix-Standort ${++n}`, site: { city: "Berlin" } });
  const site = res.json() as { id: string; version: number };
  if (!closed) return site;
  const c = await ctx.as("admin").post(`/api/units/${site.id}/close`, { version: site.version, closedOn: "2026-12-31" });
  return c.json() as { id: string; version: number };
};
const versionOf = async (ctx: MatrixContext, id: string) =>
  (await ctx.t.database.db.select({ v: units.version }).from(units).where(eq(units.id, id)))[0]!.v;
const berlinReaders: Caller[] = ["admin", "coordinationBerlin", "leadBerlin", "counselorBerlin", "monitoring", "federal"];
const berlinSiteManagers: Caller[] = ["admin", "coordinationBerlin", "leadBerlin"];

export const directoryAccessRows: Record<string, Row> = {
  // Finding counseling is public: the same answer for everyone, signed in or not.
  "GET /api/public/sites": { allow: everyone, request: () => ({ url: "/api/public/sites?postcode=10115&limit=3" }) },
  "GET /api/public/sites/:id": {
    allow: everyone,
    request: () => ({ url: `/api/public/sites/${berlinSite}` }),
  },
  // The HSDS export is public too (open sites of sub-projects that counsel the public).
  "GET /api/public/hsds": { allow: everyone, request: () => ({ url: "/api/public/hsds" }) },
  "GET /api/public/hsds/organizations": { allow: everyone, request: () => ({ url: "/api/public/hsds/organizations?per_page=5" }) },
  "GET /api/public/hsds/organizations/:id": {
    allow: everyone,
    request: async (ctx) => {
      const [row] = await ctx.t.database.db.select({ providerId: units.providerId }).from(units).where(eq(units.id, berlinSub));
      return { url: `/api/public/hsds/organizations/${hsdsId("organization", `provider:${row!.providerId}`)}` };
    },
  },
  "GET /api/public/hsds/services": { allow: everyone, request: () => ({ url: "/api/public/hsds/services?per_page=5" }) },
  "GET /api/public/hsds/services/:id": {
    allow: everyone,
    request: () => ({ url: `/api/public/hsds/services/${hsdsId("service", berlinSub)}` }),
  },
  "GET /api/public/hsds/service_at_locations": {
    allow: everyone,
    request: () => ({ url: "/api/public/hsds/service_at_locations?per_page=5" }),
  },
  "GET /api/public/hsds/service_at_locations/:id": {
    allow: everyone,
    request: () => ({ url: `/api/public/hsds/service_at_locations/${hsdsId("service_at_location", berlinSite)}` }),
  },
  "GET /api/units": { allow: signedIn, request: () => ({ url: "/api/units" }) },
  "GET /api/units/:id": { allow: berlinReaders, request: () => ({ url: `/api/units/${berlinSub}` }) },
  "GET /api/units/:id/history": { allow: berlinReaders, request: () => ({ url: `/api/units/${berlinSub}/history` }) },
  "POST /api/units": {
    allow: berlinSiteManagers,
    request: () => ({
      url: "/api/units",
      body: { type: "site", parentId: berlinSub, name: `Matrix-Neu ${++n}`, site: { city: "Berlin" } },
    }),
  },
  "PATCH /api/units/:id": {
    allow: berlinSiteManagers,
    request: async (ctx) => ({
      url: `/api/units/${berlinSub}`,
      body: { version: await versionOf(ctx, berlinSub), description: `Matrix ${++n}` },
    }),
  },
  "POST /api/units/:id/move": {
    // A site moves between two Berlin sub-projects: the state coordination and the administrator may.
    allow: ["admin", "coordinationBerlin"],
    request: async (ctx) => {
      const site = await freshBerlinSite(ctx);
      return { url: `/api/units/${site.id}/move`, body: { version: site.version, parentId: seedId("unit", "fi:be") } };
    },
  },
  "POST /api/units/:id/close": {
    allow: berlinSiteManagers,
    request: async (ctx) => {
      const site = await freshBerlinSite(ctx);
      return { url: `/api/units/${site.id}/close`, body: { version: site.version, closedOn: "2026-12-31" } };
    },
  },
  "POST /api/units/:id/reopen": {
    allow: berlinSiteManagers,
    request: async (ctx) => {
      const site = await freshBerlinSite(ctx, true);
      return { url: `/api/units/${site.id}/reopen`, body: { version: site.version } };
    },
  },
  "GET /api/providers": { allow: signedIn, request: () => ({ url: "/api/providers?q=e.V." }) },
  "POST /api/providers": {
    allow: ["admin", "coordinationBerlin"],
    request: () => ({ url: "/api/providers", body: { name: `Matrix-Träger ${++n}` } }),
  },
  "GET /api/postcodes/:postcode": { allow: everyone, request: () => ({ url: "/api/postcodes/10115" }) },
};
