import { z } from "zod";
import { consultationChannels } from "../domain/consultations.js";
import { dimensions } from "../domain/monitoring/dimensions.js";
import { MAX_TOP, measureIds } from "../domain/monitoring/measures.js";
import { fieldsOfAction } from "../domain/units.js";
import { idSchema, isoDate, languageCode, optionalText, text } from "./shared.js";

/** A period bound: a month (2022-09), a quarter (2022-Q3) or a year (2022). */
const periodBound = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, "Monat (2022-09), Quartal (2022-Q3) oder Jahr (2022)");

/**
 * GET /api/monitoring/report: one measure for a unit's subtree and a period, with up to two
 * breakdowns. `format=csv` answers the same table as a CSV file, `format=xlsx` as a workbook.
 */
export const reportQuery = z.object({
  measure: z.enum(measureIds),
  /** The unit whose subtree counts; default: the caller's own scope when it is one unit. */
  unit: idSchema.optional(),
  /** First month (a quarter or year: its first month). Default: start of the funding period of `to`. */
  from: periodBound.optional(),
  /** Last month (a quarter or year: its last month). Default: the current month. */
  to: periodBound.optional(),
  /** A funding period (FUNDING_PERIODS code, e.g. 2019-2022) instead of from/to. */
  period: z.string().trim().min(1).max(20).optional(),
  by: z.enum(dimensions).optional(),
  by2: z.enum(dimensions).optional(),
  /** Stichtag: only facts recorded up to this day (Europe/Berlin). */
  stichtag: isoDate.optional(),
  channel: z.enum(consultationChannels).optional(),
  language: languageCode.optional(),
  /** Only sub-projects of this field of action. */
  field: z.enum(fieldsOfAction).optional(),
  /** Length of a top list (top_nationalities, top_professions). */
  top: z.coerce.number().int().min(1).max(MAX_TOP).optional(),
  format: z.enum(["json", "csv", "xlsx"]).default("json"),
  /** Language of labels and of the files' headers. */
  lang: z.enum(["de", "en"]).default("de"),
});
export type ReportQuery = z.infer<typeof reportQuery>;

const cellFields = {
  /** The count (or, for a share measure, the percentage); null when suppressed. */
  value: z.number().nullable(),
  suppressed: z.boolean(),
  /** Suppressed because the count is below the minimum (shown as "<3"). */
  belowMinimum: z.boolean().optional(),
  /** Percentage of the total (top lists) or of the consultations (multiple mentions), one decimal. */
  share: z.number().nullable().optional(),
};

/** A row: the dimension codes by dimension id ('' = not stated), then the value. */
export const reportRowSchema = z
  .object({
    ...cellFields,
    /** The remainder of a top list ("other"). */
    other: z.boolean().optional(),
  })
  .catchall(z.string().nullable())
  .meta({ id: "MonitoringReportRow" });
export type ReportRow = z.infer<typeof reportRowSchema>;

export const reportCellSchema = z.object(cellFields).meta({ id: "MonitoringReportCell" });
export type ReportCell = z.infer<typeof reportCellSchema>;

export const reportResponse = z
  .object({
    measure: z.enum(measureIds),
    label: z.string(),
    definition: z.string(),
    value: z.enum(["count", "share"]),
    unit: z.object({ id: idSchema, name: z.string() }),
    from: z.string(),
    to: z.string(),
    stichtag: z.string().nullable(),
    filters: z.object({ channel: z.string().nullable(), language: z.string().nullable(), field: z.string().nullable() }),
    /** Counts below this are suppressed (MONITORING_MIN_COUNT). */
    minCount: z.number().int(),
    dimensions: z.array(z.object({ id: z.enum(dimensions), label: z.string() })),
    /**
     * No rows although there are counts: which values occur would itself give a small count away
     * (e.g. a total of 3 in three categories). The total is still shown.
     */
    withheld: z.boolean(),
    rows: z.array(reportRowSchema),
    /** Two breakdowns: the totals of each dimension's values (row and column totals). */
    margins: z.record(z.string(), z.array(reportRowSchema)),
    total: reportCellSchema,
    /** Labels of the codes in the rows, per dimension. */
    labels: z.record(z.string(), z.record(z.string(), z.string())),
  })
  .meta({ id: "MonitoringReport" });
export type Report = z.infer<typeof reportResponse>;

const labelSchema = z.object({ de: z.string(), en: z.string() });

/** GET /api/monitoring/measures: what a UI can offer. */
export const measureCatalogueResponse = z
  .object({
    minCount: z.number().int(),
    measures: z.array(
      z.object({
        id: z.enum(measureIds),
        label: labelSchema,
        definition: labelSchema,
        value: z.enum(["count", "share"]),
        dimensions: z.array(z.enum(dimensions)),
        top: z.enum(dimensions).nullable(),
        mentions: z.enum(dimensions).nullable(),
        field: z.enum(fieldsOfAction).nullable(),
        filters: z.array(z.enum(["channel", "language", "field", "stichtag"])),
      }),
    ),
    dimensions: z.array(z.object({ id: z.enum(dimensions), label: labelSchema })),
  })
  .meta({ id: "MonitoringMeasureCatalogue" });
export type MeasureCatalogue = z.infer<typeof measureCatalogueResponse>;

/**
 * GET /api/monitoring/factsheet: the PDF fact sheet "IQ Netzwerk <Land> in Zahlen" of a unit
 * (meant for a state network) for a period, with the Stichtag printed (default: today).
 */
export const factSheetQuery = reportQuery.pick({ unit: true, from: true, to: true, period: true, stichtag: true, lang: true });
export type FactSheetQuery = z.infer<typeof factSheetQuery>;

/**
 * GET /api/monitoring/dashboard: every panel of one scope's dashboard (a unit's subtree, a period,
 * a Stichtag), each a report of the engine after the same disclosure control.
 */
export const dashboardQuery = reportQuery.pick({ unit: true, from: true, to: true, stichtag: true, lang: true });
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const dashboardResponse = z
  .object({
    unit: z.object({ id: idSchema, name: z.string() }),
    from: z.string(),
    to: z.string(),
    stichtag: z.string().nullable(),
    minCount: z.number().int(),
    /**
     * The field of action the consultation panels count (the publication's figures are those of
     * recognition counseling); null when the scope has no such sub-project and all count.
     */
    consultationField: z.enum(fieldsOfAction).nullable(),
    panels: z.object({
      /** first_consultations by month. */
      firstConsultations: reportResponse,
      /** follow_ups by month. */
      followUps: reportResponse,
      /** top_nationalities, top 5. */
      topNationalities: reportResponse,
      /** top_professions, top 5. */
      topProfessions: reportResponse,
      /** fi_reasons by reason and kind (Faire Integration sub-projects). */
      fiReasons: reportResponse,
      /** recognition_outcomes by outcome. */
      recognitionOutcomes: reportResponse,
      /** first_consultations by state of residence (the map). */
      byState: reportResponse,
    }),
  })
  .meta({ id: "MonitoringDashboard" });
export type Dashboard = z.infer<typeof dashboardResponse>;

/** GET /api/monitoring/dashboard/options: the scopes the caller may pick and the default period. */
export const dashboardOptionsResponse = z
  .object({
    units: z.array(
      z.object({
        id: idSchema,
        name: z.string(),
        /** federal (national), state_network (or another unit below the root), sub_project. */
        level: z.enum(["national", "network", "sub_project"]),
        /** The state network (unit below the root) a sub-project belongs to. */
        networkId: idSchema.nullable(),
      }),
    ),
    /** The caller's own scope when it is one unit. */
    defaultUnit: idSchema.nullable(),
    /** The current funding period up to this month. */
    from: z.string(),
    to: z.string(),
    periods: z.array(z.object({ code: z.string(), from: z.string(), to: z.string() })),
    minCount: z.number().int(),
  })
  .meta({ id: "MonitoringDashboardOptions" });
export type DashboardOptions = z.infer<typeof dashboardOptionsResponse>;

// --- Sonderanfragen: saved report queries (/api/monitoring/queries) ---------------------------

/**
 * Who sees a saved query besides its owner: nobody (`private`), the statistics readers of the
 * owner's unit subtree (`unit`), or the national team, monitoring and federal (`national`).
 */
export const savedQuerySharings = ["private", "unit", "national"] as const;
export type SavedQuerySharing = (typeof savedQuerySharings)[number];

/**
 * The report parameters a saved query keeps: those of GET /api/monitoring/report without
 * `format` and `lang` (the engine's own schema). Anything else, a third breakdown for one, is
 * refused by name.
 */
const savedQueryShape = reportQuery.pick({
  measure: true,
  unit: true,
  from: true,
  to: true,
  period: true,
  by: true,
  by2: true,
  stichtag: true,
  channel: true,
  language: true,
  field: true,
  top: true,
});
export const savedReportQuery = savedQueryShape
  .loose()
  .superRefine((query, ctx) => {
    // Named by key (query.by3), which a strict object would not do.
    for (const key of Object.keys(query))
      if (!(key in savedQueryShape.shape))
        ctx.addIssue({ code: "custom", path: [key], message: "Unbekannter Parameter: höchstens zwei Aufgliederungen (by, by2)." });
  })
  .meta({ id: "MonitoringSavedReportQuery" });
export type SavedReportQuery = z.infer<typeof savedReportQuery>;

export const createSavedQueryRequest = z.object({
  name: text(120),
  description: optionalText(1000),
  query: savedReportQuery,
  sharing: z.enum(savedQuerySharings).default("private"),
});
export type CreateSavedQueryRequest = z.input<typeof createSavedQueryRequest>;

/** Changes at the expected version (409 when someone else saved in between). */
export const updateSavedQueryRequest = z.object({
  version: z.number().int().min(1),
  name: text(120).optional(),
  description: optionalText(1000),
  query: savedReportQuery.optional(),
  sharing: z.enum(savedQuerySharings).optional(),
});
export type UpdateSavedQueryRequest = z.input<typeof updateSavedQueryRequest>;

export const savedQuerySchema = z
  .object({
    id: idSchema,
    name: z.string(),
    description: z.string().nullable(),
    query: savedReportQuery,
    owner: z.object({ id: idSchema, name: z.string() }),
    /** The caller owns it. */
    own: z.boolean(),
    sharing: z.enum(savedQuerySharings),
    /** With `unit` sharing: the unit whose subtree sees it. */
    shareUnit: z.object({ id: idSchema, name: z.string() }).nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** What the caller may do with it (the web hides the rest). */
    abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: "MonitoringSavedQuery" });
export type SavedQuery = z.infer<typeof savedQuerySchema>;

export const savedQueryListResponse = z.object({ items: z.array(savedQuerySchema) }).meta({ id: "MonitoringSavedQueryList" });
export type SavedQueryList = z.infer<typeof savedQueryListResponse>;
