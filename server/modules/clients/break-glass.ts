import type { AccessGrant, BreakGlassRequest } from "../../../common/contracts/casework.js";
import { formatClientNumber } from "../../../common/domain/clients.js";
import type { Actor, RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { enqueueMail, type MailMessage } from "../../platform/mail.js";
import { recordAuditEvent } from "../audit/service.js";
import { getUnitRef } from "../directory/service.js";
import { listStaffCovering, type StaffRef } from "../identity/user-repository.js";
import { withClientAccess } from "./access.js";
import * as grants from "./break-glass-repository.js";
import { presentAccessGrant } from "./casework-presenter.js";
import { breakGlassDecision, leadsUnit } from "./policy.js";
import * as clientsRepo from "./repository.js";
import { staffNames } from "./tasks.js";

/**
 * Break-the-glass (Notfallzugriff): a counselor opens a client of another sub-project in their own
 * state network by giving a reason, for BREAK_GLASS_MINUTES. The reason goes to the audit trail
 * (the one free text that does: the issue demands it) and, with the client's number but not the
 * name, to the owning sub-project's leads. Reading then works through access.ts; changing does not.
 */

const berlinTime = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", dateStyle: "medium", timeStyle: "short" });

function leadNotice(
  lead: StaffRef,
  opener: Actor,
  facts: { number: string; unitName: string; reason: string; expiresAt: Date },
): MailMessage {
  const until = `${berlinTime.format(facts.expiresAt)} Uhr`;
  return {
    to: lead.email,
    subject: `Lotse: Notfallzugriff auf die Akte ${facts.number}`,
    text: [
      `Guten Tag ${lead.displayName},`,
      "",
      `${opener.displayName} (${opener.email}) hat per Notfallzugriff die Akte ${facts.number} Ihres Teilprojekts „${facts.unitName}“ geöffnet.`,
      "",
      `Begründung: ${facts.reason}`,
      `Zugriff bis: ${until}`,
      "",
      "Sie sehen die Zugriffe auf der Seite der Akte und können einen Zugriff dort vorzeitig beenden.",
      "",
      "Diese Nachricht wurde automatisch von Lotse erzeugt.",
    ].join("\n"),
  };
}

export async function breakGlass(ctx: AppContext, origin: RequestOrigin, clientId: string, input: BreakGlassRequest): Promise<AccessGrant> {
  const actor = origin.actor!;
  const now = ctx.clock.now();
  // A refusal outside the state network is audited and committed before it is answered.
  const outcome = await ctx.database.db.transaction(async (tx) => {
    const found = await clientsRepo.findClient(tx, clientId);
    if (!found?.unitPath || found.row.mergedIntoId) return { refused: new AppError("not_found") };
    const { row, unitPath } = found;
    const decision = breakGlassDecision(actor, { unitPath });
    if (decision === "out_of_reach") {
      await recordAuditEvent(tx, origin, { action: "client.break_glass", outcome: "denied", recordType: "client", recordId: clientId });
      return { refused: new AppError("not_found") };
    }
    if (decision === "not_needed") {
      throw new AppError("invalid_state", { detail: "Sie haben bereits Zugriff auf diese Akte; ein Notfallzugriff ist nicht nötig." });
    }
    if (row.erasedAt) throw new AppError("invalid_state", { detail: "Die personenbezogenen Daten wurden gelöscht." });
    const grant = await grants.insertAccessGrant(tx, {
      clientId,
      userId: actor.userId,
      reason: input.reason,
      grantedAt: now,
      expiresAt: new Date(now.getTime() + ctx.config.breakGlassMinutes * 60_000),
    });
    await recordAuditEvent(tx, origin, {
      action: "client.break_glass",
      outcome: "success",
      recordType: "client",
      recordId: clientId,
      details: { grantId: grant.id, reason: input.reason, expiresAt: grant.expiresAt.toISOString() },
    });
    const unit = await getUnitRef(tx, row.unitId);
    const facts = { number: formatClientNumber(row.number), unitName: unit?.name ?? "", reason: input.reason, expiresAt: grant.expiresAt };
    for (const lead of await listStaffCovering(tx, unitPath, ["sub_project_lead"])) {
      await enqueueMail(tx, leadNotice(lead, actor, facts), `break-glass:${grant.id}:${lead.id}`);
    }
    return { value: presentAccessGrant(grant, new Map([[actor.userId, actor.displayName]]), now) };
  });
  if ("refused" in outcome) throw outcome.refused;
  return outcome.value;
}

/** Who opened the file by break-the-glass, why and until when: for the owning sub-project. */
export async function listAccessGrants(ctx: AppContext, origin: RequestOrigin, clientId: string): Promise<AccessGrant[]> {
  const now = ctx.clock.now();
  const options = { purpose: "change", action: "client.access_grants_read" } as const;
  return withClientAccess(ctx.database.db, origin, clientId, now, options, async (tx) => {
    const rows = await grants.listAccessGrants(tx, clientId);
    await recordAuditEvent(tx, origin, {
      action: "client.access_grants_read",
      outcome: "success",
      recordType: "client",
      recordId: clientId,
    });
    const names = await staffNames(
      tx,
      rows.map((r) => r.userId),
    );
    return rows.map((r) => presentAccessGrant(r, names, now));
  });
}

/** The owning sub-project's lead ends a justified access early; ending it twice changes nothing. */
export async function revokeAccessGrant(ctx: AppContext, origin: RequestOrigin, clientId: string, grantId: string): Promise<AccessGrant> {
  const actor = origin.actor!;
  const now = ctx.clock.now();
  const action = "client.break_glass_revoke";
  const outcome = await withClientAccess(ctx.database.db, origin, clientId, now, { purpose: "change", action }, async (tx, access) => {
    if (!leadsUnit(actor, access.unitPath)) {
      await recordAuditEvent(tx, origin, { action, outcome: "denied", recordType: "client", recordId: clientId });
      return { refused: new AppError("forbidden") };
    }
    const grant = await grants.findAccessGrant(tx, clientId, grantId);
    if (!grant) return { refused: new AppError("not_found") };
    const active = grant.revokedAt === null && grant.expiresAt > now;
    const revoked = active ? await grants.revokeAccessGrant(tx, grantId, now) : null;
    if (revoked) {
      await recordAuditEvent(tx, origin, {
        action,
        outcome: "success",
        recordType: "client",
        recordId: clientId,
        details: { grantId, userId: grant.userId },
      });
    }
    return { value: presentAccessGrant(revoked ?? grant, await staffNames(tx, [grant.userId]), now) };
  });
  if ("refused" in outcome) throw outcome.refused;
  return outcome.value;
}
