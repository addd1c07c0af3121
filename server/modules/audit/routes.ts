import { auditSearchQuery, auditSearchResponse } from "../../../common/contracts/audit.js";
import { requestOrigin, requireActor } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import type { HttpApp } from "../../platform/http.js";
import { ensure } from "../../platform/policy.js";
import { canSearchAudit } from "./policy.js";
import { presentAuditEvent } from "./presenter.js";
import { recordAuditEvent, searchAuditEvents } from "./service.js";

export function registerAuditRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/audit/events",
    {
      config: { access: "staff" },
      schema: {
        tags: ["audit"],
        summary: "Search the audit trail (administrators)",
        querystring: auditSearchQuery,
        response: { 200: auditSearchResponse },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const allowed = canSearchAudit(actor);
      if (!allowed) {
        await recordAuditEvent(ctx.database.db, requestOrigin(request), { action: "audit.search", outcome: "denied" });
      }
      ensure(allowed);
      const q = request.query;
      const result = await searchAuditEvents(ctx.database.db, {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      return { items: result.items.map(presentAuditEvent), nextBefore: result.nextBefore };
    },
  );
}
