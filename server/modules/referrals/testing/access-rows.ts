import type { Caller, MatrixContext, Row } from "../../../test/access.js";
import { newClientBody } from "../../clients/testing/access-rows.js";
import { seedId } from "../../directory/seed.js";

/**
 * Access-matrix rows (server/test/access-matrix.ts) for the referrals routes. Referrals go from
 * the Berlin demo sub-project to the Bavarian one, so the Berlin counselor and lead are the
 * sender side and the Bavarian counselor the recipient side; nobody else sees a referral. The
 * inbox and outbox are open to every casework role (their contents are scoped).
 */

const bavariaSub = seedId("unit", "demo-sub-project:DE-BY");
const caseworkers: Caller[] = ["leadBerlin", "counselorBerlin", "counselorBavaria"];
const berlinCaseworkers: Caller[] = ["leadBerlin", "counselorBerlin"];

/** A fresh Berlin client who agreed to sharing with the Bavarian sub-project. */
const consentingClient = async (ctx: MatrixContext) => {
  const counselor = ctx.as("counselorBerlin");
  const res = await counselor.post("/api/clients", newClientBody());
  if (res.statusCode !== 201) throw new Error(`client not created: ${res.statusCode} ${res.body}`);
  const { id } = res.json() as { id: string };
  const consent = await counselor.post(`/api/clients/${id}/consents`, { kind: "sharing", partnerUnitId: bavariaSub });
  if (consent.statusCode !== 201) throw new Error(`consent not recorded: ${consent.statusCode} ${consent.body}`);
  return id;
};

const referralBody = (clientId: string) => ({ clientId, toUnitId: bavariaSub, sharedFields: ["name"] });

/** A fresh referral from Berlin to Bayern, sent by the Berlin counselor. */
const freshReferral = async (ctx: MatrixContext) => {
  const res = await ctx.as("counselorBerlin").post("/api/referrals", referralBody(await consentingClient(ctx)));
  if (res.statusCode !== 201) throw new Error(`referral not sent: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number };
};

export const referralAccessRows: Record<string, Row> = {
  "GET /api/referrals/partners": { allow: caseworkers, request: () => ({ url: "/api/referrals/partners?q=Qualifizierung" }) },
  "POST /api/referrals": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: "/api/referrals", body: referralBody(await consentingClient(ctx)) }),
  },
  "GET /api/referrals": {
    allow: berlinCaseworkers,
    request: async (ctx) => ({ url: `/api/referrals?clientId=${await consentingClient(ctx)}` }),
  },
  "GET /api/referrals/inbox": { allow: caseworkers, request: () => ({ url: "/api/referrals/inbox" }) },
  "GET /api/referrals/outbox": { allow: caseworkers, request: () => ({ url: "/api/referrals/outbox?overdue=false" }) },
  "GET /api/referrals/:id": {
    allow: caseworkers,
    request: async (ctx) => ({ url: `/api/referrals/${(await freshReferral(ctx)).id}` }),
  },
  "POST /api/referrals/:id/status": {
    // Withdrawing is the sender's move; the recipient (Bayern) may not.
    allow: berlinCaseworkers,
    request: async (ctx) => {
      const referral = await freshReferral(ctx);
      return { url: `/api/referrals/${referral.id}/status`, body: { status: "withdrawn", version: referral.version } };
    },
  },
};
