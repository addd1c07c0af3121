import { z } from "zod";
import { checklistLanguages } from "../domain/procedure-checklist-i18n.js";
import { compensationMeasures, documentKinds, documentProblems, legalBases, procedureOutcomes } from "../domain/procedures.js";
import { idSchema, isoDate, optionalText, text } from "./shared.js";

/**
 * One entry of "Mein Ordner". The rules of documentProblems (label for "other"; translated or
 * certified only when present) are checked here already, so the form gets field errors such
 * as `documents.2.certified`. No component id: with its defaults, input and output differ.
 */
export const documentInput = z
  .object({
    kind: z.enum(documentKinds),
    /** Required for kind "other"; for the other kinds an optional precision ("Bachelor, Universität Damaskus"). */
    label: optionalText(200),
    present: z.boolean().default(false),
    translated: z.boolean().default(false),
    certified: z.boolean().default(false),
    note: optionalText(500),
  })
  .superRefine((doc, issues) => {
    for (const problem of documentProblems(doc)) {
      issues.addIssue({ code: "custom", path: [problem.field], message: problem.message, params: { code: problem.code } });
    }
  });

const documentList = z.array(documentInput).max(50);

export const createProcedureRequest = z
  .object({
    clientId: idSchema,
    referenceProfessionId: idSchema,
    competentAuthority: text(200),
    legalBasis: z.enum(legalBases),
    applicationDate: isoDate.nullable().optional(),
    /** Omitted: the default checklist for the legal basis and the profession (defaultDocumentKinds). */
    documents: documentList.optional(),
  })
  .meta({ id: "CreateProcedureRequest" });

/** Only the fields sent change; null clears a date or the compensation measure. */
export const updateProcedureRequest = z
  .object({
    version: z.number().int().min(1),
    competentAuthority: text(200).optional(),
    legalBasis: z.enum(legalBases).optional(),
    applicationDate: isoDate.nullable().optional(),
    decisionDate: isoDate.nullable().optional(),
    outcome: z.enum(procedureOutcomes).optional(),
    compensationMeasure: z.enum(compensationMeasures).nullable().optional(),
  })
  .meta({ id: "UpdateProcedureRequest" });

/** Replaces the whole ordered checklist at once, at the procedure's version (409 when stale). */
export const replaceDocumentsRequest = z
  .object({ version: z.number().int().min(1), documents: documentList })
  .meta({ id: "ReplaceProcedureDocumentsRequest" });

export const procedureListQuery = z.object({ clientId: idSchema });

export const checklistQuery = z.object({ lang: z.enum(checklistLanguages).optional() });

// --- responses -------------------------------------------------------------------------------

export const procedureDocumentSchema = z
  .object({
    id: idSchema,
    kind: z.enum(documentKinds),
    label: z.string().nullable(),
    present: z.boolean(),
    translated: z.boolean(),
    certified: z.boolean(),
    note: z.string().nullable(),
  })
  .meta({ id: "ProcedureDocument" });

export const procedureAbilitiesSchema = z.object({ update: z.boolean(), editDocuments: z.boolean() }).meta({ id: "ProcedureAbilities" });

export const procedureSchema = z
  .object({
    id: idSchema,
    clientId: idSchema,
    unit: z.object({ id: idSchema, name: z.string() }),
    referenceProfession: z.object({ id: idSchema, name: z.string(), regulated: z.boolean() }),
    competentAuthority: z.string(),
    legalBasis: z.enum(legalBases),
    applicationDate: z.string().nullable(),
    decisionDate: z.string().nullable(),
    outcome: z.enum(procedureOutcomes),
    compensationMeasure: z.enum(compensationMeasures).nullable(),
    documents: z.array(procedureDocumentSchema),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    abilities: procedureAbilitiesSchema,
  })
  .meta({ id: "Procedure" });

export const procedureListResponse = z.object({ items: z.array(procedureSchema) }).meta({ id: "ProcedureList" });

/** Everything a print page of the checklist needs, in the client's language. */
export const procedureChecklistSchema = z
  .object({
    procedureId: idSchema,
    lang: z.enum(checklistLanguages),
    dir: z.enum(["ltr", "rtl"]),
    title: z.string(),
    /** Berlin day the checklist was produced (the "as of" date on the print). */
    asOf: z.string(),
    headings: z.object({
      client: z.string(),
      clientNumber: z.string(),
      referenceProfession: z.string(),
      competentAuthority: z.string(),
      legalBasis: z.string(),
      applicationDate: z.string(),
      asOf: z.string(),
      document: z.string(),
      present: z.string(),
      translated: z.string(),
      certified: z.string(),
      note: z.string(),
    }),
    yes: z.string(),
    no: z.string(),
    client: z.object({ firstName: z.string(), lastName: z.string(), number: z.string() }),
    /** Names of German professions, authorities and laws stay German, as on the letters. */
    referenceProfession: z.string(),
    competentAuthority: z.string(),
    legalBasis: z.object({ code: z.enum(legalBases), label: z.string() }),
    applicationDate: z.string().nullable(),
    documents: z.array(
      z.object({
        position: z.number().int(),
        kind: z.enum(documentKinds),
        /** The kind in the client's language, or the free label of an "other" document. */
        label: z.string(),
        /** The counselor's precision of a known kind (as entered), or null. */
        detail: z.string().nullable(),
        note: z.string().nullable(),
        state: z.enum(["present", "missing"]),
        stateLabel: z.string(),
        present: z.boolean(),
        translated: z.boolean(),
        certified: z.boolean(),
      }),
    ),
    summary: z.string(),
    hint: z.string(),
  })
  .meta({ id: "ProcedureChecklist" });

export type DocumentInput = z.infer<typeof documentInput>;
export type CreateProcedureRequest = z.infer<typeof createProcedureRequest>;
export type UpdateProcedureRequest = z.infer<typeof updateProcedureRequest>;
export type ReplaceDocumentsRequest = z.infer<typeof replaceDocumentsRequest>;
export type Procedure = z.infer<typeof procedureSchema>;
export type ProcedureDocument = z.infer<typeof procedureDocumentSchema>;
export type ProcedureAbilities = z.infer<typeof procedureAbilitiesSchema>;
export type ProcedureChecklist = z.infer<typeof procedureChecklistSchema>;
