import { normalizeForSearch } from "./search.js";

/**
 * Codes of a client's pseudonymous facts (what statistics may use). Labels live in the i18n
 * files under `clients.codes.<list>.<code>`; "not_stated" is always a valid answer.
 */
export const genders = ["female", "male", "diverse", "not_stated"] as const;
export type Gender = (typeof genders)[number];

/** Aufenthaltsstatus, coarse as the monitoring asks it. */
export const residenceStatuses = [
  "german_citizen",
  "eu_citizen",
  "permanent_residence",
  "temporary_residence",
  "protection_status",
  "asylum_procedure",
  "toleration",
  "visa",
  "other",
  "not_stated",
] as const;
export type ResidenceStatus = (typeof residenceStatuses)[number];

/** German level on the CEFR scale (GER). */
export const germanLevels = ["none", "A1", "A2", "B1", "B2", "C1", "C2", "not_stated"] as const;
export type GermanLevel = (typeof germanLevels)[number];

export const qualificationKinds = ["academic", "vocational", "not_stated"] as const;
export type QualificationKind = (typeof qualificationKinds)[number];

export const employmentStatuses = [
  "employed_in_profession",
  "employed_below_qualification",
  "self_employed",
  "unemployed",
  "in_training",
  "not_employed_other",
  "not_stated",
] as const;
export type EmploymentStatus = (typeof employmentStatuses)[number];

/**
 * Einwilligungen. processing: to record the client at all; contact: to be contacted (reminders,
 * follow-ups); sharing: to pass data to one named partner unit for a referral.
 */
export const consentKinds = ["processing", "contact", "sharing"] as const;
export type ConsentKind = (typeof consentKinds)[number];

/** The version of the consent texts counselors read out or hand over; kept with each consent. */
export const CURRENT_CONSENT_TEXT_VERSION = "2026-01";

/** Client numbers as printed on letters: "K" and seven digits. */
export const clientNumberPattern = /^K\d{7}$/;
export const formatClientNumber = (n: number) => `K${String(n).padStart(7, "0")}`;

/**
 * A name reduced for matching (see common/domain/search.ts): "Al-Hassan, Mohammed" matches
 * "Mohammed Al Hassan", "Yıldız" matches "Yildiz".
 */
export const normalizeName = normalizeForSearch;
