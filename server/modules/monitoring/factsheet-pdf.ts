import PDFDocument from "pdfkit";
import type { Report, ReportCell, ReportRow } from "../../../common/contracts/monitoring.js";
import type { FactSheet } from "./factsheet.js";
import type { Lang } from "./presenter.js";
import { type CellShown, cellShown, codeLabel, dayText, exportWords, periodText } from "./report-cells.js";

/**
 * The fact sheet as one A4 page, drawn with pdfkit's vector graphics and its standard fonts
 * (Helvetica: WinAnsi covers German; no font files to ship). Hidden cells print as in the
 * tables ("<3", "x") and get no bar, so neither the text nor the drawing carries their value.
 */

const words = {
  de: {
    title: (name: string) => `${name} in Zahlen`,
    kicker: "FÖRDERPROGRAMM IQ – MONITORING",
    period: "Zeitraum",
    stichtag: "Stichtag",
    first: "Erstberatungen zu Anerkennung und Qualifizierung",
    followUps: "Folgeberatungen zu Anerkennung und Qualifizierung",
    refugee: "der Erstberatungen für Personen mit Fluchthintergrund",
    fi: "Beratungen zur Fairen Integration (Erst- und Folgeberatungen)",
    groupEvents: "Teilnehmende an Gruppeninformationsveranstaltungen",
    decisions: "entschiedene Anerkennungsverfahren (Bescheide)",
    topNationalities: "Die häufigsten Staatsangehörigkeiten",
    topProfessions: "Die häufigsten Referenzberufe",
    ofFirst: "Erstberatungen, Anteil an allen",
    byYear: "Erstberatungen nach Jahr",
    fiReasons: "Faire Integration: Beratungsanlässe",
    fiNote: "Mehrfachnennungen; Anteil an den Beratungen in %",
    outcomes: "Ergebnisse der Anerkennungsverfahren",
    none: "Keine Fälle im Zeitraum.",
    withheld: "Nicht ausgewiesen (kleine Fallzahlen).",
    footer: (n: number) => `Werte unter ${n} nicht ausgewiesen („<${n}“); „x“: zum Schutz anderer Werte nicht ausgewiesen.`,
    file: "in-zahlen",
  },
  en: {
    title: (name: string) => `${name} in figures`,
    kicker: "IQ FUNDING PROGRAMME – MONITORING",
    period: "Period",
    stichtag: "Reference date",
    first: "first consultations on recognition and qualification",
    followUps: "follow-ups on recognition and qualification",
    refugee: "of first consultations for persons with refugee background",
    fi: "Faire Integration consultations (first and follow-up)",
    groupEvents: "participants in group information events",
    decisions: "decided recognition procedures",
    topNationalities: "Top nationalities",
    topProfessions: "Top reference professions",
    ofFirst: "first consultations, share of all",
    byYear: "First consultations by year",
    fiReasons: "Faire Integration: reasons",
    fiNote: "multiple mentions; share of consultations in %",
    outcomes: "Outcomes of recognition procedures",
    none: "No cases in the period.",
    withheld: "Not shown (small counts).",
    footer: (n: number) => `Values below ${n} not shown ("<${n}"); "x": not shown to protect other values.`,
    file: "in-figures",
  },
} as const;

const colors = { band: "#0b4a6f", accent: "#e07b00", bar: "#1f77b4", bar2: "#8cc5e8", ink: "#1a1a1a", muted: "#5f6b73", rule: "#c9d3da" };

const PAGE = { width: 595.28, height: 841.89, margin: 42 };
const CONTENT = PAGE.width - 2 * PAGE.margin;

function numberText(value: number, lang: Lang, decimals = 0): string {
  return new Intl.NumberFormat(lang === "de" ? "de-DE" : "en-GB", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** A shown cell as printed: numbers with the language's separators, hidden cells as in the tables. */
function printed(c: CellShown, lang: Lang, decimals = 0): string {
  return c.kind === "number" ? numberText(c.value, lang, decimals) : c.text;
}

type Doc = PDFKit.PDFDocument;

/** Shortens a text with "…" until it fits the width at the current font. */
function fitText(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let t = text;
  while (t.length > 1 && doc.widthOfString(`${t}…`) > width) t = t.slice(0, -1);
  return `${t.trimEnd()}…`;
}

function sectionTitle(doc: Doc, text: string, x: number, y: number, width: number, note?: string): number {
  doc.font("Helvetica-Bold").fontSize(10).fillColor(colors.band);
  doc.text(fitText(doc, text.toUpperCase(), width), x, y + 1, { width, lineBreak: false });
  doc
    .moveTo(x, y + 15)
    .lineTo(x + width, y + 15)
    .lineWidth(0.8)
    .strokeColor(colors.accent)
    .stroke();
  if (note)
    doc
      .font("Helvetica")
      .fontSize(7.5)
      .fillColor(colors.muted)
      .text(note, x, y + 19, { width, lineBreak: false });
  return y + (note ? 31 : 22);
}

function keyFigure(doc: Doc, value: string, label: string, x: number, y: number, width: number): void {
  doc.font("Helvetica-Bold").fontSize(26).fillColor(colors.band).text(value, x, y, { width, lineBreak: false });
  doc
    .font("Helvetica")
    .fontSize(8.5)
    .fillColor(colors.muted)
    .text(label, x, y + 31, { width: width - 8, height: 24, ellipsis: true });
}

/** A total as a big number: a count, or a share with one decimal and "%". */
function totalText(report: Report, lang: Lang): string {
  const shown = cellShown(report.total, report.minCount);
  // No value at all (a share of nothing): the sign for "nothing", not a blank.
  if (shown.kind === "text" && shown.text === "") return exportWords[lang].nothing;
  if (report.value === "share") return shown.kind === "number" ? `${numberText(shown.value, lang, 1)} %` : shown.text;
  return printed(shown, lang);
}

/** A bar's cells; a missing one (null) means nothing was counted and prints "–". */
type Bar = { label: string; cell: ReportCell | null; minCount: number; secondary?: ReportCell | null };

/**
 * Horizontal bars: label, bar, figure. `length` is what the bar's length shows (a count or a
 * share); a hidden cell has no bar and prints its mark instead of the figure.
 */
function horizontalBars(
  doc: Doc,
  bars: Bar[],
  x: number,
  y: number,
  width: number,
  options: { lang: Lang; labelWidth: number; figure: (c: ReportCell, minCount: number) => string; length: (c: ReportCell) => number },
): number {
  const lengthOf = (c: ReportCell | null | undefined) => (c && !c.suppressed ? options.length(c) : 0);
  const max = Math.max(1, ...bars.flatMap((b) => [lengthOf(b.cell), lengthOf(b.secondary)]));
  const figureWidth = 78;
  const barSpace = width - options.labelWidth - figureWidth - 8;
  const paired = bars.some((b) => b.secondary !== undefined);
  const rowHeight = paired ? 22 : 17;
  bars.forEach((b, i) => {
    const top = y + i * rowHeight;
    doc.font("Helvetica").fontSize(8.5).fillColor(colors.ink);
    doc.text(fitText(doc, b.label, options.labelWidth - 6), x, top + 2, { width: options.labelWidth - 6, lineBreak: false });
    const pairs: (ReportCell | null)[] = paired ? [b.cell, b.secondary ?? null] : [b.cell];
    pairs.forEach((c, j) => {
      const h = paired ? 8 : 11;
      const by = top + (paired ? j * 9 : 1);
      const barX = x + options.labelWidth;
      const length = lengthOf(c);
      const len = length > 0 ? Math.max(1, (length / max) * barSpace) : 0;
      if (len > 0)
        doc
          .rect(barX, by, len, h)
          .fillColor(j === 0 ? colors.bar : colors.bar2)
          .fill();
      const figure = c ? options.figure(c, b.minCount) : exportWords[options.lang].nothing;
      doc
        .font(j === 0 ? "Helvetica-Bold" : "Helvetica")
        .fontSize(paired ? 7 : 8.5)
        .fillColor(colors.ink)
        .text(figure, barX + len + 4, by + (paired ? 0.5 : 2), { width: figureWidth, lineBreak: false });
    });
  });
  return y + bars.length * rowHeight;
}

function topList(doc: Doc, report: Report, title: string, x: number, y: number, width: number, lang: Lang): number {
  const w = words[lang];
  let top = sectionTitle(doc, title, x, y, width, w.ofFirst);
  const dim = report.dimensions[0]?.id ?? "";
  const rows = report.rows.filter((r) => !r.other);
  if (rows.length === 0) return note(doc, report.withheld ? w.withheld : w.none, x, top, width);
  top = horizontalBars(
    doc,
    rows.map((r) => ({ label: codeLabel(report, lang, dim, r[dim] as string), cell: r, minCount: report.minCount })),
    x,
    top,
    width,
    {
      lang,
      labelWidth: 104,
      length: (c) => c.value ?? 0,
      figure: (c, min) => {
        const count = printed(cellShown(c, min), lang);
        return c.share === undefined || c.share === null ? count : `${count} (${numberText(c.share, lang, 1)} %)`;
      },
    },
  );
  return top;
}

function note(doc: Doc, text: string, x: number, y: number, width: number): number {
  doc.font("Helvetica-Oblique").fontSize(8.5).fillColor(colors.muted).text(text, x, y, { width, lineBreak: false });
  return y + 14;
}

/** Vertical bars of the first consultations per year. */
function yearBars(doc: Doc, report: Report, x: number, y: number, width: number, lang: Lang): number {
  const w = words[lang];
  const top = sectionTitle(doc, w.byYear, x, y, width);
  const rows = report.rows;
  if (rows.length === 0) return note(doc, report.withheld ? w.withheld : w.none, x, top, width);
  const height = 110;
  const base = top + 14 + height;
  const max = Math.max(1, ...rows.map((r) => (r.suppressed ? 0 : (r.value ?? 0))));
  const slot = width / Math.max(rows.length, 4);
  const barWidth = Math.min(34, slot * 0.62);
  rows.forEach((r, i) => {
    const cx = x + i * slot + slot / 2;
    const h = r.suppressed ? 0 : Math.max(1, ((r.value ?? 0) / max) * height);
    if (h > 0)
      doc
        .rect(cx - barWidth / 2, base - h, barWidth, h)
        .fillColor(colors.bar)
        .fill();
    doc
      .font("Helvetica-Bold")
      .fontSize(7.5)
      .fillColor(colors.ink)
      .text(printed(cellShown(r, report.minCount), lang), cx - slot / 2, base - h - 10, { width: slot, align: "center", lineBreak: false });
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor(colors.muted)
      .text(codeLabel(report, lang, "year", r.year as string), cx - slot / 2, base + 4, { width: slot, align: "center", lineBreak: false });
  });
  doc
    .moveTo(x, base)
    .lineTo(x + width, base)
    .lineWidth(0.5)
    .strokeColor(colors.rule)
    .stroke();
  return base + 16;
}

/** Faire Integration reasons: grouped bars, first consultations and follow-ups, shares of consultations. */
function fiReasons(doc: Doc, report: Report, x: number, y: number, width: number, lang: Lang): number {
  const w = words[lang];
  let top = sectionTitle(doc, w.fiReasons, x, y, width, w.fiNote);
  const reasons = (report.margins.reason ?? []).map((m) => m.reason as string);
  if (reasons.length === 0) return note(doc, report.withheld ? w.withheld : w.none, x, top, width);
  const kinds = (report.margins.kind ?? []).map((m) => m.kind as string);
  const [first, follow] = [kinds[0] ?? "first_consultation", kinds[1] ?? "follow_up"];
  const at = (reason: string, kind: string): ReportCell | null =>
    report.rows.find((r: ReportRow) => r.reason === reason && r.kind === kind) ?? null;
  // Legend.
  [first, follow].forEach((k, j) => {
    const lx = x + j * 110;
    doc
      .rect(lx, top, 8, 8)
      .fillColor(j === 0 ? colors.bar : colors.bar2)
      .fill();
    doc
      .font("Helvetica")
      .fontSize(7.5)
      .fillColor(colors.ink)
      .text(codeLabel(report, lang, "kind", k), lx + 11, top, { lineBreak: false });
  });
  top += 14;
  return horizontalBars(
    doc,
    reasons.map((r) => ({
      label: codeLabel(report, lang, "reason", r),
      cell: at(r, first),
      secondary: at(r, follow),
      minCount: report.minCount,
    })),
    x,
    top,
    width,
    {
      lang,
      labelWidth: 100,
      length: (c) => c.share ?? 0,
      figure: (c, min) => {
        const shown = cellShown(c, min);
        if (shown.kind === "text") return shown.text;
        return c.share === undefined || c.share === null ? printed(shown, lang) : `${numberText(c.share, lang, 1)} %`;
      },
    },
  );
}

/** Recognition outcomes as a row of small figures. */
function outcomes(doc: Doc, report: Report, x: number, y: number, width: number, lang: Lang): number {
  const w = words[lang];
  const top = sectionTitle(doc, w.outcomes, x, y, width);
  if (report.rows.length === 0) return note(doc, report.withheld ? w.withheld : w.none, x, top, width);
  const col = width / Math.max(report.rows.length, 4);
  report.rows.forEach((r, i) => {
    const cx = x + i * col;
    doc
      .font("Helvetica-Bold")
      .fontSize(16)
      .fillColor(colors.band)
      .text(printed(cellShown(r, report.minCount), lang), cx, top + 2, { width: col - 8, lineBreak: false });
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor(colors.muted)
      .text(codeLabel(report, lang, "outcome", r.outcome as string), cx, top + 22, { width: col - 8, lineBreak: false });
  });
  return top + 36;
}

export function factSheetPdf(sheet: FactSheet): Promise<Buffer> {
  const { lang } = sheet;
  const w = words[lang];
  const title = w.title(sheet.unit.name);
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    info: { Title: title, Author: "Lotse", Subject: `${w.stichtag}: ${dayText(sheet.stichtag, lang)}` },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const { margin } = PAGE;

  // Title band.
  doc.rect(0, 0, PAGE.width, 118).fillColor(colors.band).fill();
  doc.rect(0, 118, PAGE.width, 4).fillColor(colors.accent).fill();
  doc.font("Helvetica-Bold").fontSize(8.5).fillColor("#b8d4e6").text(w.kicker, margin, 30, { characterSpacing: 1, lineBreak: false });
  doc
    .font("Helvetica-Bold")
    .fontSize(24)
    .fillColor("#ffffff")
    .text(fitText(doc, title, CONTENT), margin, 46, { lineBreak: false });
  doc
    .font("Helvetica")
    .fontSize(11)
    .fillColor("#ffffff")
    .text(`${w.period}: ${periodText(sheet)}   ·   ${w.stichtag}: ${dayText(sheet.stichtag, lang)}`, margin, 82, { lineBreak: false });

  // Key figures, three by two.
  const keys: [string, string][] = [
    [totalText(sheet.firstConsultations, lang), w.first],
    [totalText(sheet.followUps, lang), w.followUps],
    [totalText(sheet.refugeeShare, lang), w.refugee],
    [totalText(sheet.fiReasons, lang), w.fi],
    [totalText(sheet.groupEventParticipants, lang), w.groupEvents],
    [totalText(sheet.recognitionOutcomes, lang), w.decisions],
  ];
  const keyWidth = CONTENT / 3;
  keys.forEach(([value, label], i) => {
    keyFigure(doc, value, label, margin + (i % 3) * keyWidth, 142 + Math.floor(i / 3) * 72, keyWidth);
  });
  doc
    .moveTo(margin, 294)
    .lineTo(margin + CONTENT, 294)
    .lineWidth(0.5)
    .strokeColor(colors.rule)
    .stroke();

  // Two columns of lists and charts.
  const gap = 24;
  const half = (CONTENT - gap) / 2;
  const right = margin + half + gap;
  const rowA = 310;
  const endA = Math.max(
    topList(doc, sheet.topNationalities, w.topNationalities, margin, rowA, half, lang),
    topList(doc, sheet.topProfessions, w.topProfessions, right, rowA, half, lang),
  );
  const rowB = endA + 22;
  const endB = Math.max(yearBars(doc, sheet.byYear, margin, rowB, half, lang), fiReasons(doc, sheet.fiReasons, right, rowB, half, lang));
  outcomes(doc, sheet.recognitionOutcomes, margin, endB + 18, CONTENT, lang);

  // Footer: source, Stichtag and the disclosure rule.
  const footY = PAGE.height - 58;
  doc
    .moveTo(margin, footY)
    .lineTo(margin + CONTENT, footY)
    .lineWidth(0.5)
    .strokeColor(colors.rule)
    .stroke();
  doc
    .font("Helvetica")
    .fontSize(7.5)
    .fillColor(colors.muted)
    .text(exportWords[lang].source(dayText(sheet.madeOn, lang)), margin, footY + 8, { width: CONTENT, lineBreak: false })
    .text(`${w.stichtag}: ${dayText(sheet.stichtag, lang)}. ${w.footer(sheet.minCount)}`, margin, footY + 19, {
      width: CONTENT,
      lineBreak: false,
    });
  doc.end();
  return done;
}

/** E.g. iq-netzwerk-berlin-in-zahlen-2019-01-2022-09.pdf: only ASCII in the header. */
export function factSheetFileName(sheet: FactSheet): string {
  const slug = sheet.unit.name
    .toLowerCase()
    .replaceAll("ä", "ae")
    .replaceAll("ö", "oe")
    .replaceAll("ü", "ue")
    .replaceAll("ß", "ss")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${slug}-${words[sheet.lang].file}-${sheet.from}-${sheet.to}.pdf`;
}
