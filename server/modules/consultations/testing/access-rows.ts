import { type Row, signedIn } from "../../../test/access.js";

/**
 * Access-matrix rows (server/test/access-matrix.ts) for the consultations routes: every staff
 * member reads the reference-profession catalogue; only the network administrator curates it.
 */
let n = 0;
const staff = signedIn.filter((c) => c !== "anonymous");

export const consultationAccessRows: Record<string, Row> = {
  "GET /api/reference-professions": { allow: staff, request: () => ({ url: "/api/reference-professions?q=pflege" }) },
  "POST /api/reference-professions": {
    allow: ["admin"],
    request: () => ({
      url: "/api/reference-professions",
      body: { name: `Matrix-Beruf ${++n}`, regulated: false, professionalField: "crafts_construction", qualificationKind: "vocational" },
    }),
  },
  "PATCH /api/reference-professions/:id": {
    allow: ["admin"],
    request: async (ctx) => {
      const created = await ctx.as("admin").post("/api/reference-professions", {
        name: `Matrix-Umbenennung ${++n}`,
        regulated: false,
        professionalField: "crafts_construction",
        qualificationKind: "vocational",
      });
      return { url: `/api/reference-professions/${created.json().id}`, body: { regulated: true } };
    },
  },
};
