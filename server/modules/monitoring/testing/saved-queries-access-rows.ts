import type { Caller, MatrixContext, Row } from "../../../test/access.js";
import { seedId } from "../../directory/seed.js";

/**
 * Access-matrix rows (server/test/access-matrix.ts) for saved queries (Sonderanfragen): a query
 * of the Berlin state coordination shared with its state network is seen by those steering
 * Berlin (its sub-project lead, the coordination itself, monitoring and federal), changed and
 * deleted by its owner and by the national monitoring team, which curates shared queries.
 * Counselors and administrators read no statistics, so they see no saved queries either.
 */
const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const steering: Caller[] = ["leadBerlin", "coordinationBerlin", "monitoring", "federal"];
const query = { measure: "first_consultations", unit: berlinSub, from: "2022", to: "2022", by: "gender" };

async function sharedBerlinQuery(ctx: MatrixContext): Promise<{ id: string; version: number }> {
  const res = await ctx.as("coordinationBerlin").post("/api/monitoring/queries", { name: "Matrix", query, sharing: "unit" });
  if (res.statusCode !== 201) throw new Error(`saved query: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const savedQueryAccessRows: Record<string, Row> = {
  "GET /api/monitoring/queries": { allow: steering, request: () => ({ url: "/api/monitoring/queries" }) },
  "POST /api/monitoring/queries": {
    allow: steering,
    request: () => ({ url: "/api/monitoring/queries", body: { name: "Matrix", query } }),
  },
  "GET /api/monitoring/queries/:id": {
    allow: steering,
    request: async (ctx) => ({ url: `/api/monitoring/queries/${(await sharedBerlinQuery(ctx)).id}` }),
  },
  "PATCH /api/monitoring/queries/:id": {
    allow: ["coordinationBerlin", "monitoring"],
    request: async (ctx) => {
      const saved = await sharedBerlinQuery(ctx);
      return { url: `/api/monitoring/queries/${saved.id}`, body: { version: saved.version, name: "Matrix, umbenannt" } };
    },
  },
  "DELETE /api/monitoring/queries/:id": {
    allow: ["coordinationBerlin", "monitoring"],
    request: async (ctx) => ({ url: `/api/monitoring/queries/${(await sharedBerlinQuery(ctx)).id}` }),
  },
};
