import type { Caller, MatrixContext, Row } from "../../../test/access.js";
import { seedId } from "../../directory/seed.js";
import { caseworkAccessRows } from "./casework-access-rows.js";

/**
 * Access-matrix rows (server/test/access-matrix.ts) for the clients routes, against a client
 * of the Berlin demo sub-project: only casework roles covering it (the Berlin counselor and
 * lead) read or change it. Searching is open to every casework role; the results are scoped.
 */

const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const caseworkers: Caller[] = ["leadBerlin", "counselorBerlin", "counselorBavaria"];
const berlinCaseworkers: Caller[] = ["leadBerlin", "counselorBerlin"];
let n = 0;

export const newClientBody = (unitId = berlinSub) => ({
  firstName: "Matrix",
  lastName: `Testperson ${++n}`,
  birthYear: 1990,
  nationalities: ["SY"],
  postcode: "10115",
  refugeeBackground: true,
  unitId,
  consent: { processing: true },
});

/** A fresh Berlin client, recorded by the Berlin counselor. */
export const freshBerlinClient = async (ctx: MatrixContext) => {
  const res = await ctx.as("counselorBerlin").post("/api/clients", newClientBody());
  if (res.statusCode !== 201) throw new Error(`client not created: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; consents: { id: string }[] };
};

export const clientAccessRows: Record<string, Row> = {
  ...caseworkAccessRows,
  "GET /api/clients": { allow: caseworkers, request: () => ({ url: "/api/clients?q=Matrix" }) },
  "POST /api/clients": { allow: berlinCaseworkers, request: () => ({ url: "/api/clients", body: newClientBody() }) },
  "POST /api/clients/duplicate-check": {
    allow: caseworkers,
    request: () => ({ url: "/api/clients/duplicate-check", body: { firstName: "Matrix", lastName: "Testperson", birthYear: 1990 } }),
  },
  "GET /api/clients/:id": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/clients/${(await freshBerlinClient(ctx)).id}` }),
  },
  "PATCH /api/clients/:id": {
    allow: berlinCaseworkers,
    request: async (ctx) => {
      const client = await freshBerlinClient(ctx);
      return { url: `/api/clients/${client.id}`, body: { version: client.version, germanLevel: "B1" } };
    },
  },
  "POST /api/clients/:id/consents": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/clients/${(await freshBerlinClient(ctx)).id}/consents`, body: { kind: "contact" } }),
  },
  "POST /api/clients/:id/consents/:consentId/withdraw": {
    allow: berlinCaseworkers,
    request: async (ctx) => {
      const client = await freshBerlinClient(ctx);
      return { url: `/api/clients/${client.id}/consents/${client.consents[0]!.id}/withdraw`, body: {} };
    },
  },
};
