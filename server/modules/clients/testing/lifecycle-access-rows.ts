import type { Caller, Row } from "../../../test/access.js";
import { freshBerlinClient } from "./access-rows.js";

/** Access-matrix rows for the person-level routes (lifecycle-routes.ts). */
const berlinCaseworkers: Caller[] = ["leadBerlin", "counselorBerlin"];

export const clientLifecycleAccessRows: Record<string, Row> = {
  "GET /api/clients/:id/timeline": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/clients/${(await freshBerlinClient(ctx)).id}/timeline` }),
  },
  "GET /api/clients/:id/export": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/clients/${(await freshBerlinClient(ctx)).id}/export` }),
  },
  "GET /api/clients/:id/export.pdf": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/clients/${(await freshBerlinClient(ctx)).id}/export.pdf` }),
  },
  "POST /api/clients/:id/erase": {
    allow: ["leadBerlin"],
    request: async (ctx) => {
      const client = await freshBerlinClient(ctx);
      return { url: `/api/clients/${client.id}/erase`, body: { version: client.version } };
    },
  },
  "POST /api/clients/:id/merge": {
    allow: berlinCaseworkers,
    request: async (ctx) => {
      const [kept, dup] = [await freshBerlinClient(ctx), await freshBerlinClient(ctx)];
      return { url: `/api/clients/${kept.id}/merge`, body: { duplicateId: dup.id, version: kept.version, duplicateVersion: dup.version } };
    },
  },
  "GET /api/retention/runs": { allow: ["admin"], request: () => ({ url: "/api/retention/runs" }) },
};
