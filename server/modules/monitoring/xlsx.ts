import ExcelJS from "exceljs";
import type { Report, ReportCell, ReportRow } from "../../../common/contracts/monitoring.js";
import type { Lang } from "./presenter.js";
import { type CellShown, cellShown, codeLabel, dayText, exportWords, filtersText, periodText, shareShown } from "./report-cells.js";

/**
 * XLSX export of a report: a header block saying what was counted (measure, unit, period,
 * Stichtag, filters, minimum count, source), then the protected table. One breakdown is a list,
 * two a cross table with row and column totals. Counts and shares are numeric cells with a number
 * format, so that spreadsheets compute with them; hidden cells hold the text "<3" or "x" only.
 */

const COUNT_FORMAT = "#,##0";
const SHARE_FORMAT = "0.0";

/** A table to write: header, rows (the last one the totals) and the number format of each column. */
type Grid = { header: string[]; rows: { cells: (string | CellShown)[]; total?: boolean }[]; formats: string[] };

/** One breakdown (or none): label column(s), the value, and the share where the report has one. */
function listGrid(report: Report, lang: Lang): Grid {
  const w = exportWords[lang];
  const dims = report.dimensions.map((d) => d.id);
  const hasShare = report.rows.some((r) => r.share !== undefined);
  const line = (names: string[], cell: ReportCell) => [...names, cellShown(cell, report.minCount), ...(hasShare ? [shareShown(cell)] : [])];
  return {
    header: [...report.dimensions.map((d) => d.label), report.label, ...(hasShare ? [w.share] : [])],
    rows: [
      ...report.rows.map((row) => ({
        cells: line(
          dims.map((d) => (row.other ? w.other : codeLabel(report, lang, d, row[d] as string | null))),
          row,
        ),
      })),
      {
        cells: line(
          dims.map(() => w.total),
          report.total,
        ),
        total: true,
      },
    ],
    formats: [...dims.map(() => ""), report.value === "share" ? SHARE_FORMAT : COUNT_FORMAT, SHARE_FORMAT],
  };
}

/**
 * Two breakdowns: the first dimension down, the second across, totals (the report's margins) in
 * the last row and column. `pick` chooses the values or the shares of the cells.
 */
function crossGrid(report: Report, lang: Lang, pick: "value" | "share"): Grid {
  const w = exportWords[lang];
  const [d1, d2] = report.dimensions.map((d) => d.id) as [string, string];
  const codesOf = (dim: string) => {
    const fromMargins = (report.margins[dim] ?? []).map((m) => m[dim] as string);
    const fromRows = report.rows.map((r) => r[dim] as string);
    return [...new Set([...fromMargins, ...fromRows])];
  };
  const downs = codesOf(d1);
  const acrosses = codesOf(d2);
  const show = (cell: ReportCell | undefined): CellShown => {
    if (!cell) return { kind: "text", text: w.nothing };
    return pick === "value" ? cellShown(cell, report.minCount) : shareShown(cell);
  };
  const margin = (dim: string, code: string) => report.margins[dim]?.find((m: ReportRow) => m[dim] === code);
  const cellAt = (a: string, b: string) => report.rows.find((r) => r[d1] === a && r[d2] === b);
  const format = pick === "share" || report.value === "share" ? SHARE_FORMAT : COUNT_FORMAT;
  return {
    header: [
      `${report.dimensions[0]!.label} \\ ${report.dimensions[1]!.label}`,
      ...acrosses.map((c) => codeLabel(report, lang, d2, c)),
      w.total,
    ],
    rows: [
      ...downs.map((a) => ({
        cells: [codeLabel(report, lang, d1, a), ...acrosses.map((b) => show(cellAt(a, b))), show(margin(d1, a))],
      })),
      {
        cells: [w.total, ...acrosses.map((b) => show(margin(d2, b))), show(report.total)],
        total: true,
      },
    ],
    formats: ["", ...acrosses.map(() => format), format],
  };
}

/** Writes a grid from `startRow`; returns the row after it. */
function writeGrid(sheet: ExcelJS.Worksheet, grid: Grid, startRow: number, widths: number[]): number {
  const header = sheet.getRow(startRow);
  header.values = grid.header;
  header.font = { bold: true };
  header.alignment = { vertical: "bottom", wrapText: true };
  header.eachCell((c) => {
    c.border = { bottom: { style: "thin" } };
  });
  grid.header.forEach((h, i) => {
    widths[i] = Math.max(widths[i] ?? 0, Math.min(h.length, 28));
  });
  grid.rows.forEach((r, i) => {
    const row = sheet.getRow(startRow + 1 + i);
    r.cells.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      if (typeof c === "string") {
        cell.value = c;
        widths[j] = Math.max(widths[j] ?? 0, Math.min(c.length, 48));
      } else if (c.kind === "number") {
        cell.value = c.value;
        cell.numFmt = grid.formats[j] || COUNT_FORMAT;
      } else {
        cell.value = c.text;
        cell.alignment = { horizontal: "right" };
      }
    });
    if (r.total) {
      row.font = { bold: true };
      row.eachCell((c) => {
        c.border = { top: { style: "thin" } };
      });
    }
  });
  return startRow + 1 + grid.rows.length;
}

export async function reportXlsx(report: Report, lang: Lang, today: string): Promise<Buffer> {
  const w = exportWords[lang];
  const book = new ExcelJS.Workbook();
  book.creator = "Lotse";
  book.title = report.label;
  const sheet = book.addWorksheet(lang === "de" ? "Tabelle" : "Table");
  const meta: [string, string][] = [
    [w.unit, report.unit.name],
    [w.period, periodText(report)],
    [w.stichtag, report.stichtag ? dayText(report.stichtag, lang) : w.stichtagNone],
    [w.filters, filtersText(report, lang)],
  ];
  sheet.getCell("A1").value = report.label;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value = report.definition;
  meta.forEach(([k, v], i) => {
    sheet.getCell(4 + i, 1).value = k;
    sheet.getCell(4 + i, 1).font = { bold: true };
    sheet.getCell(4 + i, 2).value = v;
  });
  let row = 4 + meta.length;
  sheet.getCell(row++, 1).value = w.minCount(report.minCount);
  sheet.getCell(row++, 1).value = w.source(dayText(today, lang));
  if (report.withheld) sheet.getCell(row++, 1).value = w.withheld;
  row += 1;

  const tableStart = row;
  const widths: number[] = [];
  if (report.dimensions.length === 2) {
    row = writeGrid(sheet, crossGrid(report, lang, "value"), row, widths);
    if (report.rows.some((r) => r.share !== undefined)) {
      sheet.getCell(row + 1, 1).value = w.share;
      sheet.getCell(row + 1, 1).font = { bold: true };
      writeGrid(sheet, crossGrid(report, lang, "share"), row + 2, widths);
    }
  } else {
    writeGrid(sheet, listGrid(report, lang), row, widths);
  }
  // Keep the table's header in view while scrolling (everything above it stays with it).
  sheet.views = [{ state: "frozen", ySplit: tableStart, xSplit: 0 }];
  widths.forEach((n, i) => {
    sheet.getColumn(i + 1).width = Math.max(i === 0 ? 18 : 10, n + 2);
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
