import type { Referral, ReferralEvent, ReferralSummary } from "../../../common/contracts/referrals.js";
import {
  type ExternalService,
  externalServiceLabels,
  isOverdue,
  type ReferralStatus,
  type ShareableClientField,
} from "../../../common/domain/referrals.js";
import type { SharedRead } from "../clients/service.js";
import { nextStatuses, type ReferralSides } from "./policy.js";
import type { ReferralEventRow, ReferralRow } from "./repository.js";

export type UnitNames = Map<string, string>;

const unitRef = (names: UnitNames, id: string) => ({ id, name: names.get(id) ?? "?" });

export function targetName(row: Pick<ReferralRow, "toUnitId" | "externalService" | "externalNote">, names: UnitNames): string {
  if (row.toUnitId) return names.get(row.toUnitId) ?? "?";
  return externalServiceLabels[row.externalService as ExternalService] ?? "?";
}

/** The list form: no free text and, for the recipient, nothing that points at the person. */
export function presentReferralSummary(row: ReferralRow, sides: ReferralSides, names: UnitNames, today: string): ReferralSummary {
  const status = row.status as ReferralStatus;
  return {
    id: row.id,
    clientId: sides.sender ? row.clientId : null,
    side: sides.sender ? "sender" : "recipient",
    fromUnit: unitRef(names, row.fromUnitId),
    toUnit: row.toUnitId ? unitRef(names, row.toUnitId) : null,
    externalService: (row.externalService as ExternalService | null) ?? null,
    targetName: targetName(row, names),
    sharedFields: row.sharedFields as ShareableClientField[],
    status,
    statusReason: row.statusReason,
    sentAt: row.sentAt.toISOString(),
    answerDueOn: row.answerDueOn,
    overdue: isOverdue(row, today),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    abilities: { nextStatuses: nextStatuses(sides, { external: row.toUnitId === null, status }) },
  };
}

export function presentReferralEvent(row: ReferralEventRow, names: UnitNames): ReferralEvent {
  return {
    id: row.id,
    status: row.status as ReferralStatus,
    reason: row.reason,
    actorUnit: row.actorUnitId ? unitRef(names, row.actorUnitId) : null,
    at: row.at.toISOString(),
  };
}

/**
 * The whole referral. The sender sees everything of it; the recipient sees the referral and the
 * shared fields as read just now, and once the consent is withdrawn not even the sender's note.
 */
export function presentReferral(
  row: ReferralRow,
  sides: ReferralSides,
  names: UnitNames,
  today: string,
  events: ReferralEventRow[],
  shared: SharedRead | null,
): Referral {
  const sender = sides.sender;
  return {
    ...presentReferralSummary(row, sides, names, today),
    consultationId: sender ? row.consultationId : null,
    externalNote: row.externalNote,
    message: sender || (shared && !shared.consentWithdrawn) ? row.message : null,
    events: events.map((e) => presentReferralEvent(e, names)),
    shared: sender || !shared ? null : { consentWithdrawn: shared.consentWithdrawn, client: shared.client },
  };
}
