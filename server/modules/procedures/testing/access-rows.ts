import type { Caller, MatrixContext, Row } from "../../../test/access.js";
import { newClientBody } from "../../clients/testing/access-rows.js";

/**
 * Access-matrix rows (server/test/access-matrix.ts) for the procedures routes, against a
 * procedure of a client of the Berlin demo sub-project: a procedure belongs to the client's
 * file, so exactly the casework roles covering that sub-project (the Berlin counselor and lead)
 * read and change it. Coordination, monitoring, federal and administrators do no casework.
 */
const berlinCaseworkers: Caller[] = ["leadBerlin", "counselorBerlin"];

async function freshBerlinClient(ctx: MatrixContext): Promise<string> {
  const res = await ctx.as("counselorBerlin").post("/api/clients", newClientBody());
  if (res.statusCode !== 201) throw new Error(`client not created: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

async function nurseProfessionId(ctx: MatrixContext): Promise<string> {
  const res = await ctx.as("counselorBerlin").get("/api/reference-professions?q=Pflegefachfrau");
  return res.json().items[0].id;
}

const procedureBody = async (ctx: MatrixContext, clientId: string) => ({
  clientId,
  referenceProfessionId: await nurseProfessionId(ctx),
  competentAuthority: "Landesamt für Gesundheit und Soziales Berlin",
  legalBasis: "profession_law",
});

/** A fresh procedure of a fresh Berlin client, opened by the Berlin counselor. */
async function freshProcedure(ctx: MatrixContext): Promise<{ id: string; version: number; clientId: string }> {
  const res = await ctx.as("counselorBerlin").post("/api/procedures", await procedureBody(ctx, await freshBerlinClient(ctx)));
  if (res.statusCode !== 201) throw new Error(`procedure not created: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const procedureAccessRows: Record<string, Row> = {
  "POST /api/procedures": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: "/api/procedures", body: await procedureBody(ctx, await freshBerlinClient(ctx)) }),
  },
  "GET /api/procedures": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/procedures?clientId=${(await freshProcedure(ctx)).clientId}` }),
  },
  "GET /api/procedures/:id": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/procedures/${(await freshProcedure(ctx)).id}` }),
  },
  "PATCH /api/procedures/:id": {
    allow: berlinCaseworkers,
    request: async (ctx) => {
      const procedure = await freshProcedure(ctx);
      return {
        url: `/api/procedures/${procedure.id}`,
        body: { version: procedure.version, competentAuthority: "Bezirksregierung Münster" },
      };
    },
  },
  "PUT /api/procedures/:id/documents": {
    allow: berlinCaseworkers,
    request: async (ctx) => {
      const procedure = await freshProcedure(ctx);
      return {
        url: `/api/procedures/${procedure.id}/documents`,
        body: { version: procedure.version, documents: [{ kind: "identity_document", present: true }] },
      };
    },
  },
  "GET /api/procedures/:id/checklist": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/procedures/${(await freshProcedure(ctx)).id}/checklist?lang=ar` }),
  },
};
