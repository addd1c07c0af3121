import { type ConsultationKind, EARLIEST_CONSULTATION_DATE, recognitionFields } from "../../../common/domain/consultations.js";
import { type FundingPeriod, fundingPeriodOf } from "../../../common/domain/funding-periods.js";
import type { FieldOfAction } from "../../../common/domain/units.js";
import { type FieldError, fieldError } from "../../platform/errors.js";

/** The domain rules of a consultation as pure functions: the service loads, these decide. */

/** The day of a consultation: not before the first funding period, not in the future, inside a period. */
export function dateErrors(date: string, today: string, periods: readonly FundingPeriod[]): FieldError[] {
  if (date < EARLIEST_CONSULTATION_DATE) return [fieldError("date", "too_early", "Beratungen werden ab dem 01.01.2015 erfasst")];
  if (date > today) return [fieldError("date", "in_future", "Das Datum liegt in der Zukunft")];
  if (!fundingPeriodOf(periods, date)) {
    return [fieldError("date", "outside_funding_periods", "Das Datum liegt in keiner Förderperiode")];
  }
  return [];
}

/** The kind-specific part of a consultation, as it will be stored. */
export type SubjectFields = {
  referenceProfessionId: string | null;
  topics: readonly string[];
  fiReasons: readonly string[];
  fiReasonOther: string | null;
  employerSector: string | null;
};

const notHere = (field: string) =>
  fieldError(field, "not_for_field_of_action", "Diese Angabe gehört nicht zum Handlungsschwerpunkt des Teilprojekts");

/**
 * Reference profession and topics belong to recognition and qualification counseling; reasons
 * and sector to Faire Integration, where at least one reason is needed and "other" needs its text.
 */
export function subjectErrors(fields: SubjectFields, fieldOfAction: string | null): FieldError[] {
  const errors: FieldError[] = [];
  if (!recognitionFields.includes(fieldOfAction as FieldOfAction)) {
    if (fields.referenceProfessionId) errors.push(notHere("referenceProfessionId"));
    if (fields.topics.length) errors.push(notHere("topics"));
  }
  if (fieldOfAction !== "faire_integration") {
    if (fields.fiReasons.length) errors.push(notHere("fiReasons"));
    if (fields.fiReasonOther) errors.push(notHere("fiReasonOther"));
    if (fields.employerSector) errors.push(notHere("employerSector"));
    return errors;
  }
  if (fields.fiReasons.length === 0) errors.push(fieldError("fiReasons", "required", "Bitte wählen Sie mindestens einen Grund"));
  const other = fields.fiReasons.includes("other");
  if (other && !fields.fiReasonOther) errors.push(fieldError("fiReasonOther", "required", "Bitte beschreiben Sie den sonstigen Grund"));
  if (!other && fields.fiReasonOther) {
    errors.push(fieldError("fiReasonOther", "other_not_chosen", "Ein Freitext gehört nur zum Grund „Sonstiges“"));
  }
  return errors;
}

export type PeriodEntry = { id: string; kind: ConsultationKind; date: string };

export type PeriodViolation =
  | { code: "first_consultation_exists"; first: PeriodEntry }
  | { code: "first_consultation_missing" }
  | { code: "before_first_consultation"; first: PeriodEntry; earlier: PeriodEntry };

/**
 * The first-consultation rule on the consultations of one client in one funding period, as they
 * would be after a change: if there are any, exactly one is the first consultation and none is
 * dated before it. `changedId` names the consultation being recorded or changed, so that the
 * violation can point at the other one.
 */
export function periodViolation(entries: readonly PeriodEntry[], changedId: string): PeriodViolation | null {
  if (entries.length === 0) return null;
  const firsts = entries.filter((e) => e.kind === "first_consultation");
  if (firsts.length > 1) return { code: "first_consultation_exists", first: firsts.find((e) => e.id !== changedId) ?? firsts[0]! };
  const first = firsts[0];
  if (!first) return { code: "first_consultation_missing" };
  const earlier = entries.filter((e) => e.date < first.date).sort((a, b) => a.date.localeCompare(b.date))[0];
  return earlier ? { code: "before_first_consultation", first, earlier } : null;
}

/** The kind the server picks when the counselor leaves it open. */
export function defaultKind(firstInPeriod: { id: string } | null): ConsultationKind {
  return firstInPeriod ? "follow_up" : "first_consultation";
}

/** 2024-03-05 → 05.03.2024, for messages. */
export const germanDate = (iso: string) => iso.split("-").reverse().join(".");
