import type { Report, ReportCell, ReportRow } from "../../../common/contracts/monitoring.js";
import { codeLabels, type Dimension, dimensionLabels, notStatedLabel } from "../../../common/domain/monitoring/dimensions.js";
import { type Measure, percentOneDecimal } from "../../../common/domain/monitoring/measures.js";
import { germanStates } from "../../../common/domain/units.js";
import { shareOf, type Table, type TableCell } from "./tables.js";

/** Shapes a protected table for the API: codes in rows, labels beside them, nothing suppressed leaks. */

export type Lang = "de" | "en";

/** Labels that come from the data (units, professions); the rest are fixed or derived here. */
export type DataLabels = { units: Map<string, string>; professions: Map<string, string> };

const regionNames = { de: new Intl.DisplayNames(["de"], { type: "region" }), en: new Intl.DisplayNames(["en"], { type: "region" }) };

function labelOf(dimension: Dimension, code: string, lang: Lang, data: DataLabels): string {
  if (code === "") return notStatedLabel[lang];
  switch (dimension) {
    case "network":
    case "sub_project":
      return data.units.get(code) ?? code;
    case "profession":
      return data.professions.get(code) ?? code;
    case "nationality":
      try {
        return regionNames[lang].of(code) ?? code;
      } catch {
        return code;
      }
    case "state":
      return germanStates.find((s) => s.code === code)?.name ?? code;
    default:
      return codeLabels[dimension]?.[code]?.[lang] ?? code;
  }
}

function presentCell(measure: Measure, c: TableCell): ReportCell {
  const suppressed = c.suppression !== null;
  const value = suppressed ? null : measure.value === "share" ? percentOneDecimal(c.part, c.n) : c.n;
  return {
    value,
    suppressed,
    ...(c.suppression === "primary" && c.labelled && measure.value === "count" ? { belowMinimum: true } : {}),
    ...(c.shareOf ? { share: shareOf(c) } : {}),
  };
}

/** A row: the codes of the given dimensions (null: all values, in a margin) and the cell. */
function presentRow(measure: Measure, dims: readonly (Dimension | null)[], c: TableCell, other = false): ReportRow {
  const codes = Object.fromEntries(dims.flatMap((d, i) => (d ? [[d, c.codes[i] ?? null]] : [])));
  return { ...codes, ...presentCell(measure, c), ...(other ? { other: true } : {}) } as ReportRow;
}

export type ReportMeta = {
  unit: { id: string; name: string };
  from: string;
  to: string;
  stichtag: string | null;
  filters: Report["filters"];
  minCount: number;
  lang: Lang;
};

export function presentReport(measure: Measure, table: Table, data: DataLabels, meta: ReportMeta): Report {
  const { lang } = meta;
  const rows = table.cells.map((c) => presentRow(measure, table.dims, c));
  if (table.other) rows.push(presentRow(measure, table.dims, table.other, true));
  const margins: Record<string, ReportRow[]> = {};
  table.margins.forEach((list, i) => {
    const d = table.dims[i]!;
    margins[d] = list.map((c) =>
      presentRow(
        measure,
        table.dims.map((x, j) => (j === i ? x : null)),
        c,
      ),
    );
  });
  const labels: Record<string, Record<string, string>> = {};
  table.dims.forEach((d, i) => {
    const codes = new Set([...table.cells, ...(table.margins[i] ?? [])].map((c) => c.codes[i]).filter((c): c is string => c != null));
    labels[d] = Object.fromEntries([...codes].map((code) => [code, labelOf(d, code, lang, data)]));
  });
  return {
    measure: measure.id,
    label: measure.label[lang],
    definition: measure.definition[lang],
    value: measure.value,
    unit: meta.unit,
    from: meta.from,
    to: meta.to,
    stichtag: meta.stichtag,
    filters: meta.filters,
    minCount: meta.minCount,
    dimensions: table.dims.map((d) => ({ id: d, label: dimensionLabels[d][lang] })),
    withheld: table.withheld,
    rows,
    margins,
    total: presentCell(measure, table.total),
    labels,
  };
}
