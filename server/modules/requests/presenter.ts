import type { OnlineRequest, OnlineRequestSummary } from "../../../common/contracts/requests.js";
import type { PublicLanguage } from "../../../common/domain/public-languages.js";
import type { RequestAction, RequestChannel, RequestStatus } from "../../../common/domain/requests.js";
import type { PublicTopic } from "../../../common/domain/units.js";
import type { OnlineRequestEventRow, OnlineRequestRow } from "./repository.js";

export type UnitNames = Map<string, string>;

const unitRef = (names: UnitNames, id: string) => ({ id, name: names.get(id) ?? "?" });

/** The inbox line: what the request is about, never who sent it. */
export function presentRequestSummary(row: OnlineRequestRow, names: UnitNames): OnlineRequestSummary {
  return {
    id: row.id,
    site: unitRef(names, row.siteId),
    topic: row.topic as PublicTopic,
    language: row.language,
    channel: row.channel as RequestChannel,
    status: row.status as RequestStatus,
    receivedAt: row.receivedAt.toISOString(),
    forwardedFrom: row.forwardedFromSiteId ? unitRef(names, row.forwardedFromSiteId) : null,
  };
}

export function presentRequest(
  row: OnlineRequestRow,
  events: OnlineRequestEventRow[],
  names: UnitNames,
  actions: RequestAction[],
): OnlineRequest {
  return {
    ...presentRequestSummary(row, names),
    name: row.name,
    email: row.email,
    phone: row.phone,
    description: row.description,
    locale: row.locale as PublicLanguage,
    consentTextVersion: row.consentTextVersion,
    consentAt: row.consentAt.toISOString(),
    answer: row.answer,
    clientId: row.clientId,
    consultationId: row.consultationId,
    bookingId: row.bookingId,
    contactErasedAt: row.contactErasedAt?.toISOString() ?? null,
    history: events.map((e) => ({
      status: e.status as RequestStatus,
      at: e.at.toISOString(),
      actorName: e.actorName,
      site: unitRef(names, e.siteId),
      toSite: e.toSiteId ? unitRef(names, e.toSiteId) : null,
      note: e.note,
    })),
    actions,
  };
}

/** Every unit a request and its history name. */
export const unitIdsOf = (row: OnlineRequestRow, events: OnlineRequestEventRow[]): string[] => [
  row.siteId,
  ...(row.forwardedFromSiteId ? [row.forwardedFromSiteId] : []),
  ...events.flatMap((e) => [e.siteId, ...(e.toSiteId ? [e.toSiteId] : [])]),
];
