import {
  changeReferralStatusRequest,
  createReferralRequest,
  referralBoxQuery,
  referralListResponse,
  referralPartnerListResponse,
  referralPartnerQuery,
  referralSchema,
  referralsOfClientQuery,
} from "../../../common/contracts/referrals.js";
import { idParams } from "../../../common/contracts/shared.js";
import { requestOrigin, requireActor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import * as referrals from "./service.js";

const tags = ["referrals"];
const staff = { access: "staff" as const };

/**
 * Verweise: send, answer and follow referrals. The sender side is casework in the sending
 * sub-project, the recipient side casework in the partner; anyone else gets 404.
 */
export function registerReferralRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    "/api/referrals",
    {
      config: staff,
      schema: {
        tags,
        summary: "Refer a client to a partner sub-project (needs the client's sharing consent) or an external service",
        body: createReferralRequest,
        response: { 201: referralSchema },
      },
    },
    async (request, reply) => {
      const origin = requestOrigin(request);
      const id = await referrals.createReferral(ctx, origin, request.body);
      return reply.code(201).send(await referrals.getReferral(ctx, origin, id));
    },
  );

  app.get(
    "/api/referrals",
    {
      config: staff,
      schema: {
        tags,
        summary: "The referrals of one client (audited, like a read of the client)",
        querystring: referralsOfClientQuery,
        response: { 200: referralListResponse },
      },
    },
    async (request) => ({ items: await referrals.listReferralsOfClient(ctx, requestOrigin(request), request.query.clientId) }),
  );

  app.get(
    "/api/referrals/partners",
    {
      config: staff,
      schema: {
        tags,
        summary: "Open sub-projects of every state network to refer to, by name",
        querystring: referralPartnerQuery,
        response: { 200: referralPartnerListResponse },
      },
    },
    async (request) => ({ items: await referrals.searchPartners(ctx, requireActor(request), request.query) }),
  );

  app.get(
    "/api/referrals/inbox",
    {
      config: staff,
      schema: {
        tags,
        summary: "Referrals to the caller's sub-projects (Posteingang); no personal data in the list",
        querystring: referralBoxQuery,
        response: { 200: referralListResponse },
      },
    },
    async (request) => ({ items: await referrals.listInbox(ctx, requestOrigin(request), request.query) }),
  );

  app.get(
    "/api/referrals/outbox",
    {
      config: staff,
      schema: {
        tags,
        summary: "Referrals sent from the caller's sub-projects",
        querystring: referralBoxQuery,
        response: { 200: referralListResponse },
      },
    },
    async (request) => ({ items: await referrals.listOutbox(ctx, requestOrigin(request), request.query) }),
  );

  app.get(
    "/api/referrals/:id",
    {
      config: staff,
      schema: {
        tags,
        summary: "One referral with its history; the recipient also reads the shared fields (audited)",
        params: idParams,
        response: { 200: referralSchema },
      },
    },
    async (request) => referrals.getReferral(ctx, requestOrigin(request), request.params.id),
  );

  app.post(
    "/api/referrals/:id/status",
    {
      config: staff,
      schema: {
        tags,
        summary: "Accept, decline (with reason), start, complete or withdraw a referral (optimistic locking by version)",
        params: idParams,
        body: changeReferralStatusRequest,
        response: { 200: referralSchema },
      },
    },
    async (request) => referrals.changeReferralStatus(ctx, requestOrigin(request), request.params.id, request.body),
  );
}
