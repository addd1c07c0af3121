import type { TimelineEntry } from "../../../common/contracts/timeline.js";
import type { Executor } from "../../db/index.js";
import { unitNamesById } from "../directory/service.js";
import { targetName } from "./presenter.js";
import * as repo from "./repository.js";

/**
 * What the clients module asks of every module keeping records about a client: timeline lines,
 * the access export, erasure and merge. Unaudited here: the clients module audits the use case.
 */

/**
 * The client's referrals as timeline lines. Overdue is judged against `today` (a Berlin day);
 * without it, against the database's current Berlin day.
 */
export async function timelineEntries(tx: Executor, clientId: string, today?: string): Promise<TimelineEntry[]> {
  const rows = await repo.referralsOfClient(tx, clientId);
  if (rows.length === 0) return [];
  const names = await unitNamesById(
    tx,
    rows.map((r) => r.toUnitId),
  );
  const day = today ?? (await repo.databaseBerlinToday(tx));
  return rows.map((r) => ({
    id: r.id,
    at: r.sentAt.toISOString(),
    type: "referral" as const,
    targetName: targetName(r, names),
    status: r.status,
    overdue: r.status === "sent" && r.answerDueOn !== null && day > r.answerDueOn,
  }));
}

/** Everything this module stores about the client, for the access export (Art. 15 GDPR). */
export async function exportRecords(tx: Executor, clientId: string): Promise<Record<string, unknown>[]> {
  const [rows, events] = await Promise.all([repo.referralsOfClient(tx, clientId), repo.eventsOfClient(tx, clientId)]);
  const names = await unitNamesById(
    tx,
    rows.flatMap((r) => [r.fromUnitId, r.toUnitId]),
  );
  return rows.map((r) => ({
    id: r.id,
    from: names.get(r.fromUnitId) ?? null,
    to: targetName(r, names),
    externalNote: r.externalNote,
    sharedFields: r.sharedFields,
    message: r.message,
    status: r.status,
    statusReason: r.statusReason,
    sentAt: r.sentAt.toISOString(),
    answerDueOn: r.answerDueOn,
    events: events.filter((e) => e.referralId === r.id).map((e) => ({ status: e.status, reason: e.reason, at: e.at.toISOString() })),
  }));
}

/** Erasure: the free texts go (they may name the person); targets, statuses and dates stay for statistics. */
export async function erasePersonalData(tx: Executor, clientId: string): Promise<number> {
  return repo.eraseFreeTexts(tx, clientId);
}

/** Merge: the duplicate's referrals move to the kept record. */
export async function moveRecords(tx: Executor, fromClientId: string, toClientId: string): Promise<number> {
  return repo.moveToClient(tx, fromClientId, toClientId);
}

/** This module as a record keeper of the clients module (timeline, access export, erasure, merge); registered at start. */
export const referralRecordKeeper = {
  module: "referrals",
  timelineEntries: (tx: Executor, clientId: string) => timelineEntries(tx, clientId),
  exportRecords,
  erasePersonalData,
  moveRecords,
  retention: [{ recordType: "referral_message" as const, erase: repo.eraseMessagesSentBefore }],
};
