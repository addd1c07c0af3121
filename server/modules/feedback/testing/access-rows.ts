import { issueFormToken } from "../../../platform/public-form-guard.js";
import { everyone, type Row } from "../../../test/access.js";

/**
 * Access-matrix rows (server/test/access-matrix.ts) for reports of barriers: anyone may send one
 * (signed in or not); only the administrator of the whole network reads them.
 */
export const feedbackAccessRows: Record<string, Row> = {
  "POST /api/public/accessibility-feedback": {
    allow: everyone,
    // A token issued a minute ago, as if the form had been filled in (each token works once).
    request: (ctx) => ({
      url: "/api/public/accessibility-feedback",
      body: {
        page: "/beratung-finden",
        description: "Matrix: der Kontrast der Schaltfläche ist zu gering.",
        formToken: issueFormToken(ctx.t.ctx, new Date(ctx.t.ctx.clock.now().getTime() - 60_000)),
      },
    }),
  },
  "GET /api/accessibility-feedback": { allow: ["admin"], request: () => ({ url: "/api/accessibility-feedback?limit=5" }) },
};
