import { issueFormToken } from "../../../platform/public-form-guard.js";
import { type Caller, everyone, type MatrixContext, type Row } from "../../../test/access.js";
import { seedId } from "../../directory/seed.js";

/**
 * Access-matrix rows (server/test/access-matrix.ts) for online requests. Anyone may send one; the
 * inbox is open to every casework role (its contents are scoped); a request at the Berlin demo
 * site is read and answered by the Berlin counselor and lead only (the Bavarian counselor gets 404).
 */
const berlinSite = seedId("unit", "demo-sub-project:DE-BE:site:0");
const bavarianSite = seedId("unit", "demo-sub-project:DE-BY:site:0");
const caseworkers: Caller[] = ["leadBerlin", "counselorBerlin", "counselorBavaria"];
const berlinCaseworkers: Caller[] = ["leadBerlin", "counselorBerlin"];

let n = 0;
const requestBody = (ctx: MatrixContext) => ({
  siteId: berlinSite,
  topic: "recognition",
  language: "de",
  channel: "email",
  name: "Matrix Person",
  email: `matrix.request.${++n}@example.org`,
  description: "Matrix: Ich möchte meinen Abschluss anerkennen lassen.",
  locale: "de",
  consent: true,
  // A token issued a minute ago, as if the form had been filled in (each token works once).
  formToken: issueFormToken(ctx.t.ctx, new Date(ctx.t.ctx.clock.now().getTime() - 60_000)),
});

/** A fresh request at the Berlin site, each from its own address (limits per address). */
const freshRequest = async (ctx: MatrixContext) => {
  const res = await ctx.t.app.inject({
    method: "POST",
    url: "/api/public/requests",
    remoteAddress: `203.0.113.${(n % 250) + 1}`,
    payload: requestBody(ctx),
  });
  if (res.statusCode !== 201) throw new Error(`request not sent: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
};

export const requestAccessRows: Record<string, Row> = {
  "POST /api/public/requests": { allow: everyone, request: (ctx) => ({ url: "/api/public/requests", body: requestBody(ctx) }) },
  "GET /api/requests": { allow: caseworkers, request: () => ({ url: "/api/requests?status=open" }) },
  "GET /api/requests/forward-targets": { allow: caseworkers, request: () => ({ url: "/api/requests/forward-targets?q=Bayern" }) },
  "GET /api/requests/:id": { allow: berlinCaseworkers, request: async (ctx) => ({ url: `/api/requests/${await freshRequest(ctx)}` }) },
  "POST /api/requests/:id/accept": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({
      url: `/api/requests/${await freshRequest(ctx)}/accept`,
      body: { firstName: "Matrix", lastName: "Person", birthYear: 1990 },
    }),
  },
  "POST /api/requests/:id/forward": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/requests/${await freshRequest(ctx)}/forward`, body: { siteId: bavarianSite } }),
  },
  "POST /api/requests/:id/close": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/requests/${await freshRequest(ctx)}/close`, body: { answer: "Matrix: Antwort." } }),
  },
};
