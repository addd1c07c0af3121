import type { Report, ReportCell } from "../../../common/contracts/monitoring.js";
import { codeLabels, notStatedLabel } from "../../../common/domain/monitoring/dimensions.js";
import type { Lang } from "./presenter.js";

/**
 * What every export (CSV, XLSX, fact sheet) shows for a report's cells and codes, in one place so
 * that the files cannot disagree: a suppressed cell is "<3" when it is below the minimum and "x"
 * when it is hidden to protect another one; its value is never written.
 */

export const exportWords = {
  de: {
    total: "Insgesamt",
    other: "Übrige",
    share: "Anteil in %",
    nothing: "–",
    unit: "Einheit",
    period: "Zeitraum",
    stichtag: "Stichtag",
    stichtagNone: "keiner (alle bis zur Erstellung erfassten Daten)",
    filters: "Filter",
    noFilters: "keine",
    channel: "Beratungsform",
    language: "Sprache",
    field: "Handlungsschwerpunkt",
    minCount: (n: number) =>
      `Mindestfallzahl: ${n}. Werte unter ${n} als „<${n}“, Werte, aus denen sie sich errechnen ließen, als „x“; „–“: nichts vorhanden.`,
    withheld: "Aufgliederung nicht ausgewiesen: schon welche Werte vorkommen, ließe eine kleine Fallzahl erkennen.",
    source: (date: string) => `Quelle: Lotse – Monitoring des Förderprogramms IQ, erstellt am ${date}.`,
  },
  en: {
    total: "Total",
    other: "Other",
    share: "Share in %",
    nothing: "–",
    unit: "Unit",
    period: "Period",
    stichtag: "Reference date",
    stichtagNone: "none (all data recorded until the file was made)",
    filters: "Filters",
    noFilters: "none",
    channel: "Channel",
    language: "Language",
    field: "Field of action",
    minCount: (n: number) =>
      `Minimum count: ${n}. Values below ${n} shown as "<${n}", values from which they could be worked out as "x"; "–": none.`,
    withheld: "Breakdown not shown: which values occur would itself give a small count away.",
    source: (date: string) => `Source: Lotse – monitoring of the IQ funding programme, made on ${date}.`,
  },
} as const;

/** A cell as a file shows it: a number, or the text that stands in for a hidden or empty one. */
export type CellShown = { kind: "number"; value: number } | { kind: "text"; text: string };

export function cellShown(cell: ReportCell, minCount: number): CellShown {
  if (cell.suppressed) return { kind: "text", text: cell.belowMinimum ? `<${minCount}` : "x" };
  return cell.value === null ? { kind: "text", text: "" } : { kind: "number", value: cell.value };
}

/** The share of a cell (top lists, multiple mentions); empty when hidden (the cell says why). */
export function shareShown(cell: ReportCell): CellShown {
  return cell.share === undefined || cell.share === null ? { kind: "text", text: "" } : { kind: "number", value: cell.share };
}

/** The plain text of a shown cell (CSV: no thousands separators, a dot as decimal mark). */
export const shownText = (c: CellShown): string => (c.kind === "number" ? String(c.value) : c.text);

/** The label of a code in a report (null: all values, i.e. a total; '': not stated). */
export function codeLabel(report: Report, lang: Lang, dim: string, code: string | null | undefined): string {
  if (code === null || code === undefined) return exportWords[lang].total;
  if (code === "") return notStatedLabel[lang];
  return report.labels[dim]?.[code] ?? code;
}

/** "2019-01" → "01/2019"; a period of months as the publication writes it. */
export function periodText(report: Pick<Report, "from" | "to">): string {
  const month = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
  return report.from === report.to ? month(report.from) : `${month(report.from)} – ${month(report.to)}`;
}

/** A day as people read it: 30.09.2022 (German) or 2022-09-30 (English). */
export function dayText(day: string, lang: Lang): string {
  return lang === "de" ? `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}` : day;
}

const languageNames = { de: new Intl.DisplayNames(["de"], { type: "language" }), en: new Intl.DisplayNames(["en"], { type: "language" }) };

/** The report's filters in words, e.g. "Beratungsform: telefonisch; Sprache: Arabisch". */
export function filtersText(report: Report, lang: Lang): string {
  const w = exportWords[lang];
  const { channel, language, field } = report.filters;
  const parts = [
    channel ? `${w.channel}: ${codeLabels.channel?.[channel]?.[lang] ?? channel}` : null,
    language ? `${w.language}: ${languageNames[lang].of(language) ?? language}` : null,
    field ? `${w.field}: ${codeLabels.field?.[field]?.[lang] ?? field}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join("; ") : w.noFilters;
}
