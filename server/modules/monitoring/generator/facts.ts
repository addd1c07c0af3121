import type { FundingPeriod } from "../../../../common/domain/funding-periods.js";
import type { StateCode } from "../../../../common/domain/units.js";

/** The rows the generator writes, in the shape of their tables (only the columns it sets). */
export type ClientRow = {
  id: string;
  unitId: string;
  firstName: string;
  lastName: string;
  birthYear: number;
  gender: string;
  nationality: string;
  stateCode: string;
  refugee: boolean | null;
  qualificationKind: string;
  counselorId: string;
  lastContactOn: string;
  createdAt: string;
};

export type ConsultationRow = {
  id: string;
  clientId: string;
  unitId: string;
  counselorId: string;
  date: string;
  fundingPeriod: string;
  kind: "first_consultation" | "follow_up" | "referral_consultation";
  channel: string;
  languages: string[];
  professionId: string | null;
  fiReasons: string[];
  createdAt: string;
};

export type ReferralRow = {
  id: string;
  clientId: string;
  consultationId: string;
  fromUnitId: string;
  fromUserId: string;
  toUnitId: string | null;
  externalService: string | null;
  status: string;
  sentAt: string;
};

export type ProcedureRow = {
  id: string;
  clientId: string;
  unitId: string;
  professionId: string;
  authority: string;
  legalBasis: string;
  applicationDate: string;
  decisionDate: string | null;
  outcome: string;
  compensation: string | null;
  createdAt: string;
};

export type GroupEventRow = {
  id: string;
  unitId: string;
  date: string;
  title: string;
  channel: string;
  languages: string[];
  participants: number;
  refugeeParticipants: number | null;
  createdAt: string;
};

export type Facts = {
  clients: ClientRow[];
  consultations: ConsultationRow[];
  referrals: ReferralRow[];
  procedures: ProcedureRow[];
  groupEvents: GroupEventRow[];
};

/** A state network as the generator sees it: its sub-projects by field and a counselor to record with. */
export type GeneratorNetwork = {
  state: StateCode;
  recognition: string[];
  faireIntegration: string[];
  /** Sub-projects referrals may go to (qualification). */
  partners: string[];
  counselorId: string;
};

export type Profession = { key: string; id: string; kind: string };

export type GeneratorContext = {
  seed: number;
  /** 1 for the national data; the demo scales every figure by this factor. */
  factor: number;
  /** The last month with data (index, calendar.ts) and the last day. */
  endMonth: number;
  today: string;
  networks: GeneratorNetwork[];
  professions: Profession[];
  fundingPeriods: readonly FundingPeriod[];
};
