import type { FieldOfAction } from "./units.js";

/**
 * Codes of consultations (Beratungen), group information events and second-level support.
 * Labels live in the i18n files under `consultations.codes.<list>.<code>`.
 */

/** Erstberatung, Folgeberatung, Verweisberatung. */
export const consultationKinds = ["first_consultation", "follow_up", "referral_consultation"] as const;
export type ConsultationKind = (typeof consultationKinds)[number];

/** How the contact took place (outreach = aufsuchend, mobile = mobile Beratung). */
export const consultationChannels = ["in_person", "phone", "video", "written", "outreach", "mobile"] as const;
export type ConsultationChannel = (typeof consultationChannels)[number];

/** Topics of recognition and qualification counseling. */
export const consultationTopics = [
  "recognition_procedure",
  "qualification_options",
  "language_courses",
  "financing",
  "job_search",
  "documents",
  "residence_law",
  "other",
] as const;
export type ConsultationTopic = (typeof consultationTopics)[number];

/** Gründe Faire Integration: the labour- and social-law matters a client comes with. */
export const fiReasons = [
  "pay",
  "dismissal",
  "working_time",
  "residence_status",
  "unemployment_benefit",
  "employment_contract",
  "other",
] as const;
export type FiReason = (typeof fiReasons)[number];

/** Branche of the employer (Faire Integration), coarse enough for statistics. */
export const employerSectors = [
  "construction",
  "cleaning",
  "hospitality",
  "care_health",
  "logistics_delivery",
  "transport",
  "meat_food_processing",
  "agriculture",
  "manufacturing",
  "retail",
  "security",
  "temporary_agency",
  "household_services",
  "other",
] as const;
export type EmployerSector = (typeof employerSectors)[number];

/** Fields of action whose consultations record a reference profession and topics. */
export const recognitionFields: readonly FieldOfAction[] = ["recognition_counseling", "qualification"];

/** Second-level support requests are open until the support team answers. */
export const supportRequestStatuses = ["open", "answered"] as const;
export type SupportRequestStatus = (typeof supportRequestStatuses)[number];

/** No consultation (or group event) is dated before the network's first funding period. */
export const EARLIEST_CONSULTATION_DATE = "2015-01-01";
