import type { ProfessionalField } from "./reference-professions.js";

/**
 * Anerkennungsverfahren: codes and rules of a recognition procedure, shared by server and web.
 * The database repeats the rules as check constraints (server/db/schema/procedures.ts).
 */

/** Rechtsgrundlage: the federal BQFG, a state's recognition law, or a profession's own law. */
export const legalBases = ["bqfg", "state_law", "profession_law"] as const;
export type LegalBasis = (typeof legalBases)[number];

/** Ergebnis des Bescheids; `withdrawn` = the client withdrew or gave up the procedure. */
export const procedureOutcomes = ["pending", "full_equivalence", "partial_equivalence", "no_equivalence", "withdrawn"] as const;
export type ProcedureOutcome = (typeof procedureOutcomes)[number];

/** Ausgleichsmaßnahme: Anpassungslehrgang, Kenntnisprüfung, Eignungsprüfung, Anpassungsqualifizierung. */
export const compensationMeasures = ["adaptation_course", "knowledge_test", "aptitude_test", "adaptation_qualification"] as const;
export type CompensationMeasure = (typeof compensationMeasures)[number];

/** "Mein Ordner": the kinds of documents a checklist holds; `other` carries a free label. */
export const documentKinds = [
  "identity_document",
  "qualification_certificate",
  "transcript_of_records",
  "proof_of_professional_experience",
  "cv",
  "declaration_no_prior_application",
  "proof_of_residence_or_intent_to_work",
  "proof_of_name_change",
  "certificate_of_good_conduct",
  "medical_certificate",
  "language_certificate",
  "other",
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/**
 * The checklist a new procedure starts with, after the typical requirements (the competent
 * authority may ask for more or less; counselors edit the list):
 * - every procedure: the documents § 5 BQFG (not regulated) and § 12 BQFG (regulated) name and
 *   the state laws copy — proof of identity, the qualification with its subjects and duration,
 *   proof of professional experience, a tabular CV in German, and a declaration that no
 *   application has been made before;
 * - under the BQFG and state law: applicants who do not live in the EU, the EEA or Switzerland show
 *   that they intend to work in Germany (those who live here show their registration);
 * - regulated health professions (licence to practise, Approbation / Berufserlaubnis): a
 *   certificate of good conduct, a medical certificate of fitness and proof of German (B2, for
 *   physicians and pharmacists also the C1 specialist language test);
 * - regulated education and social professions: good conduct (work with children) and German;
 * - regulated legal and tax professions: good conduct.
 * A name-change proof is needed only when names differ between documents, so it is not prefilled.
 */
export function defaultDocumentKinds(
  legalBasis: LegalBasis,
  profession: { regulated: boolean; professionalField: ProfessionalField | string },
): DocumentKind[] {
  const kinds: DocumentKind[] = [
    "identity_document",
    "qualification_certificate",
    "transcript_of_records",
    "proof_of_professional_experience",
    "cv",
    "declaration_no_prior_application",
  ];
  if (legalBasis !== "profession_law") kinds.push("proof_of_residence_or_intent_to_work");
  if (profession.regulated) {
    switch (profession.professionalField) {
      case "health":
        kinds.push("certificate_of_good_conduct", "medical_certificate", "language_certificate");
        break;
      case "education_social":
        kinds.push("certificate_of_good_conduct", "language_certificate");
        break;
      case "law_tax":
        kinds.push("certificate_of_good_conduct");
        break;
    }
  }
  return kinds;
}

export type ProcedureDecisionState = {
  outcome: ProcedureOutcome;
  compensationMeasure: CompensationMeasure | null;
  applicationDate: string | null;
  decisionDate: string | null;
};

export type ProcedureFieldProblem = { field: keyof ProcedureDecisionState; code: string; message: string };

/**
 * The rules of a procedure's dates and outcome, on its whole state after a change (so a form can
 * show them before sending):
 * - a compensation measure exactly with partial equivalence;
 * - a decision date exactly when the outcome is no longer pending (for `withdrawn`: the day of
 *   the withdrawal);
 * - an equivalence decision needs an application; a withdrawal does not (a client may give up
 *   before applying, e.g. when documents cannot be obtained) — decided here, documented in the glossary;
 * - the decision is not before the application, and neither lies in the future (`today` in Berlin).
 */
export function procedureDecisionProblems(state: ProcedureDecisionState, today: string): ProcedureFieldProblem[] {
  const problems: ProcedureFieldProblem[] = [];
  const { outcome, compensationMeasure, applicationDate, decisionDate } = state;
  if (outcome === "partial_equivalence" && !compensationMeasure) {
    problems.push({
      field: "compensationMeasure",
      code: "required",
      message: "Bei teilweiser Gleichwertigkeit ist die Ausgleichsmaßnahme anzugeben",
    });
  }
  if (outcome !== "partial_equivalence" && compensationMeasure) {
    problems.push({
      field: "compensationMeasure",
      code: "not_allowed",
      message: "Eine Ausgleichsmaßnahme gibt es nur bei teilweiser Gleichwertigkeit",
    });
  }
  if (outcome !== "pending" && !decisionDate) {
    problems.push({
      field: "decisionDate",
      code: "required",
      message: outcome === "withdrawn" ? "Bitte geben Sie das Datum der Rücknahme an" : "Bitte geben Sie das Datum des Bescheids an",
    });
  }
  if (outcome === "pending" && decisionDate) {
    problems.push({ field: "decisionDate", code: "not_allowed", message: "Ein Bescheiddatum gibt es erst mit einem Ergebnis" });
  }
  if (outcome !== "pending" && outcome !== "withdrawn" && !applicationDate) {
    problems.push({
      field: "applicationDate",
      code: "required",
      message: "Ein Bescheid setzt einen Antrag voraus: bitte das Antragsdatum angeben",
    });
  }
  if (applicationDate && applicationDate > today) {
    problems.push({ field: "applicationDate", code: "in_future", message: "Das Antragsdatum liegt in der Zukunft" });
  }
  if (decisionDate && decisionDate > today) {
    problems.push({ field: "decisionDate", code: "in_future", message: "Das Datum liegt in der Zukunft" });
  }
  if (decisionDate && applicationDate && decisionDate < applicationDate) {
    problems.push({ field: "decisionDate", code: "before_application", message: "Das Datum liegt vor dem Antragsdatum" });
  }
  return problems;
}

export type DocumentState = { kind: DocumentKind; label?: string | null; present: boolean; translated: boolean; certified: boolean };
export type DocumentFieldProblem = { field: "label" | "translated" | "certified"; code: string; message: string };

/** One checklist entry: "other" needs a label; a translation or certified copy needs the document itself. */
export function documentProblems(doc: DocumentState): DocumentFieldProblem[] {
  const problems: DocumentFieldProblem[] = [];
  if (doc.kind === "other" && !doc.label) {
    problems.push({ field: "label", code: "required", message: "Bitte benennen Sie die sonstige Unterlage" });
  }
  if (doc.translated && !doc.present) {
    problems.push({ field: "translated", code: "requires_present", message: "Eine Übersetzung setzt die vorhandene Unterlage voraus" });
  }
  if (doc.certified && !doc.present) {
    problems.push({
      field: "certified",
      code: "requires_present",
      message: "Eine beglaubigte Kopie setzt die vorhandene Unterlage voraus",
    });
  }
  return problems;
}
