import type {
  Consultation,
  ConsultationAbilities,
  GroupEvent,
  SupportQueueItem,
  SupportRequest,
} from "../../../common/contracts/consultations.js";
import type {
  ConsultationChannel,
  ConsultationKind,
  ConsultationTopic,
  EmployerSector,
  FiReason,
} from "../../../common/domain/consultations.js";
import type { UnitRef } from "../directory/service.js";
import type { GroupEventRow } from "./group-events-repository.js";
import type { Labels } from "./names.js";
import type { ConsultationRow } from "./repository.js";
import type { SupportQueueRow, SupportRequestRow } from "./support-requests-repository.js";

const nameOf = (units: Map<string, UnitRef>, id: string | null) => (id ? (units.get(id)?.name ?? null) : null);

export function presentSupportRequest(row: SupportRequestRow): SupportRequest {
  return {
    id: row.id,
    status: row.answeredAt ? "answered" : "open",
    question: row.question,
    askedAt: row.askedAt.toISOString(),
    answer: row.answer,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    version: row.version,
  };
}

/** Who recorded or changed the row stays in the audit trail; the API shows the counselor by name. */
export function presentConsultation(
  row: ConsultationRow,
  labels: Labels,
  supportRequests: SupportRequestRow[],
  abilities: ConsultationAbilities,
): Consultation {
  return {
    id: row.id,
    clientId: row.clientId,
    kind: row.kind as ConsultationKind,
    date: row.date,
    fundingPeriod: row.fundingPeriod,
    counselorId: row.counselorId,
    counselorName: labels.users.get(row.counselorId) ?? null,
    unitId: row.unitId,
    unitName: nameOf(labels.units, row.unitId),
    siteId: row.siteId,
    siteName: nameOf(labels.units, row.siteId),
    channel: row.channel as ConsultationChannel,
    languages: row.languages,
    interpreter: row.interpreter,
    durationMinutes: row.durationMinutes,
    referenceProfession: row.referenceProfessionId ? (labels.professions.get(row.referenceProfessionId) ?? null) : null,
    topics: row.topics as ConsultationTopic[],
    nextSteps: row.nextSteps,
    fiReasons: row.fiReasons as FiReason[],
    fiReasonOther: row.fiReasonOther,
    employerSector: row.employerSector as EmployerSector | null,
    supportRequests: supportRequests.map(presentSupportRequest),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    abilities,
  };
}

/** The support team's view: the legal matter and the state network, never the client. */
export function presentQueueItem(row: SupportQueueRow, units: Map<string, UnitRef>): SupportQueueItem {
  const networkId = row.unitPath?.split("/")[1] ?? null;
  const network = networkId ? units.get(networkId) : undefined;
  return {
    ...presentSupportRequest(row.request),
    consultationDate: row.consultationDate ?? "",
    fiReasons: row.fiReasons as FiReason[],
    fiReasonOther: row.fiReasonOther,
    employerSector: row.employerSector as EmployerSector | null,
    stateNetwork: network?.type === "state_network" ? { id: network.id, name: network.name } : null,
  };
}

export function presentGroupEvent(row: GroupEventRow, units: Map<string, UnitRef>, abilities: { update: boolean }): GroupEvent {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: nameOf(units, row.unitId),
    siteId: row.siteId,
    siteName: nameOf(units, row.siteId),
    date: row.date,
    title: row.title,
    channel: row.channel as ConsultationChannel,
    languages: row.languages,
    participants: row.participants,
    refugeeParticipants: row.refugeeParticipants,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    abilities,
  };
}
