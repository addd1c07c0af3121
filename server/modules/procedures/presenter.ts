import type { Procedure, ProcedureAbilities, ProcedureChecklist, ProcedureDocument } from "../../../common/contracts/procedures.js";
import type { TimelineEntry } from "../../../common/contracts/timeline.js";
import { type ChecklistLanguage, checklistDirection, checklistTexts } from "../../../common/domain/procedure-checklist-i18n.js";
import type { CompensationMeasure, DocumentKind, LegalBasis, ProcedureOutcome } from "../../../common/domain/procedures.js";
import type { DocumentRow, ProcedureRow } from "./repository.js";

export type ProfessionRef = { id: string; name: string; regulated: boolean };

// Made once: building an Intl.DateTimeFormat costs more than formatting with it.
const berlinDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" });

export function presentDocument(row: DocumentRow): ProcedureDocument {
  return {
    id: row.id,
    kind: row.kind as DocumentKind,
    label: row.label,
    present: row.present,
    translated: row.translated,
    certified: row.certified,
    note: row.note,
  };
}

export function presentProcedure(
  row: ProcedureRow,
  documents: DocumentRow[],
  refs: { unitName: string; profession: ProfessionRef },
  abilities: ProcedureAbilities,
): Procedure {
  return {
    id: row.id,
    clientId: row.clientId,
    unit: { id: row.unitId, name: refs.unitName },
    referenceProfession: refs.profession,
    competentAuthority: row.competentAuthority,
    legalBasis: row.legalBasis as LegalBasis,
    applicationDate: row.applicationDate,
    decisionDate: row.decisionDate,
    outcome: row.outcome as ProcedureOutcome,
    compensationMeasure: row.compensationMeasure as CompensationMeasure | null,
    documents: documents.map(presentDocument),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities,
  };
}

/** A procedure dates from its application; before that, from the day it was opened. */
export function presentTimelineEntry(row: ProcedureRow, professionName: string, documentsMissing: number): TimelineEntry {
  return {
    type: "procedure",
    id: row.id,
    at: row.applicationDate ?? berlinDay.format(row.createdAt),
    referenceProfessionName: professionName,
    competentAuthority: row.competentAuthority,
    outcome: row.outcome,
    documentsMissing,
  };
}

/** The printable checklist: every text in the client's language except German proper names. */
export function presentChecklist(
  row: ProcedureRow,
  documents: DocumentRow[],
  input: {
    lang: ChecklistLanguage;
    asOf: string;
    client: { firstName: string; lastName: string; number: string };
    professionName: string;
  },
): ProcedureChecklist {
  const texts = checklistTexts[input.lang];
  const { title, ...headings } = texts.headings;
  const legalBasis = row.legalBasis as LegalBasis;
  const present = documents.filter((d) => d.present).length;
  return {
    procedureId: row.id,
    lang: input.lang,
    dir: checklistDirection(input.lang),
    title,
    asOf: input.asOf,
    headings,
    yes: texts.yes,
    no: texts.no,
    client: input.client,
    referenceProfession: input.professionName,
    competentAuthority: row.competentAuthority,
    legalBasis: { code: legalBasis, label: texts.legalBases[legalBasis] },
    applicationDate: row.applicationDate,
    documents: documents.map((d, position) => {
      const kind = d.kind as DocumentKind;
      const other = kind === "other";
      return {
        position,
        kind,
        label: other ? (d.label ?? texts.documentKinds.other) : texts.documentKinds[kind],
        detail: other ? null : d.label,
        note: d.note,
        state: d.present ? "present" : "missing",
        stateLabel: d.present ? texts.states.present : texts.states.missing,
        present: d.present,
        translated: d.translated,
        certified: d.certified,
      };
    }),
    summary: texts.summary.replace("{present}", String(present)).replace("{total}", String(documents.length)),
    hint: texts.hint,
  };
}
