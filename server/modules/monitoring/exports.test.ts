import { readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../../common/contracts/monitoring.js";
import { queryRows } from "../../db/index.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { pdfText, pdfToPng, xlsxToRows } from "./testing/office-tools.js";

/**
 * The files of the monitoring: XLSX workbooks opened by LibreOffice and compared cell by cell with
 * the JSON report, and the PDF fact sheet read back with poppler. The facts are made by hand for a
 * Berlin state network so that every figure is known and some cells are hidden.
 */
const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const berlinNetwork = seedId("unit", "state:DE-BE");
const bavariaNetwork = seedId("unit", "state:DE-BY");
const fiBerlin = seedId("unit", "fi:be");

/** Recognition counseling, first consultations: nationality, refugee background, count. AF (2) and ER (1) are small. */
const groups: { nationality: string; refugee: boolean | null; n: number }[] = [
  { nationality: "SY", refugee: true, n: 14 },
  { nationality: "TR", refugee: false, n: 8 },
  { nationality: "UA", refugee: true, n: 6 },
  { nationality: "IR", refugee: null, n: 4 },
  { nationality: "AF", refugee: true, n: 2 },
  { nationality: "ER", refugee: true, n: 1 },
];

describe("monitoring exports", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const [counselor] = await queryRows<{ id: string }>(db, sql`select id from users where email = 'berater.berlin@lotse.demo'`);
    const professions = (await queryRows<{ id: string }>(db, sql`select id from reference_professions order by name limit 3`)).map(
      (r) => r.id,
    );
    const client = async (nationality: string, refugee: boolean | null, gender: string, unitId: string) => {
      const [row] = await queryRows<{ id: string }>(
        db,
        sql`insert into clients (first_name, last_name, search_name, birth_year, gender, nationalities, refugee_background, unit_id, state_code)
            values ('Export', 'Person', 'export person', 1988, ${gender}, ${`{${nationality}}`}::text[], ${refugee}::boolean, ${unitId}, 'DE-BE')
            returning id`,
      );
      return row!.id;
    };
    const consult = (
      clientId: string,
      unitId: string,
      date: string,
      kind: string,
      recorded: string,
      extra: { profession?: string; reasons?: string },
    ) =>
      db.execute(sql`insert into consultations (client_id, unit_id, counselor_id, date, funding_period, kind, channel, languages,
                                                reference_profession_id, fi_reasons, created_at, updated_at)
                     values (${clientId}, ${unitId}, ${counselor!.id}, ${date}::date, '2015-2018', ${kind}, 'in_person', '{de}',
                             ${extra.profession ?? null}::uuid, ${extra.reasons ?? "{}"}::text[], ${recorded}::timestamptz, ${recorded}::timestamptz)`);
    let i = 0;
    for (const g of groups) {
      for (let k = 0; k < g.n; k++, i++) {
        const id = await client(g.nationality, g.refugee, i % 2 === 0 ? "female" : "male", berlinSub);
        // 10 in 2016, 25 in 2017; two Turkish ones of December 2017 were recorded only in March 2018.
        const date = i < 10 ? "2016-06-15" : g.nationality === "TR" && k >= 6 ? "2017-12-10" : "2017-04-12";
        const recorded = date === "2017-12-10" ? "2018-03-01T09:00:00Z" : `${date}T09:00:00Z`;
        await consult(id, berlinSub, date, "first_consultation", recorded, { profession: professions[i % 3] });
        if (g.nationality === "SY" && k < 12) await consult(id, berlinSub, "2017-05-10", "follow_up", "2017-05-10T09:00:00Z", {});
        if (g.nationality === "SY" && k < 3) {
          await db.execute(sql`insert into procedures (client_id, unit_id, reference_profession_id, competent_authority, legal_basis,
                                                       outcome, decision_date, compensation_measure, created_at, updated_at)
                               values (${id}, ${berlinSub}, ${professions[0]!}, 'Amt', 'bqfg',
                                       ${k === 0 ? "partial_equivalence" : "full_equivalence"}, '2017-09-01',
                                       ${k === 0 ? "knowledge_test" : null}, '2017-02-01T09:00:00Z', '2017-09-01T09:00:00Z')`);
        }
      }
    }
    // Faire Integration: 20 first consultations, 10 follow-ups; "other" is mentioned once.
    for (let k = 0; k < 20; k++) {
      const id = await client("RO", false, "male", fiBerlin);
      const reasons = k === 0 ? "{pay,other}" : k % 2 === 0 ? "{pay,dismissal}" : "{working_time}";
      await consult(id, fiBerlin, "2017-05-02", "first_consultation", "2017-05-02T09:00:00Z", { reasons });
      if (k < 10)
        await consult(id, fiBerlin, "2017-05-20", "follow_up", "2017-05-20T09:00:00Z", { reasons: k < 6 ? "{pay}" : "{dismissal}" });
    }
    for (const participants of [15, 9])
      await db.execute(sql`insert into group_events (unit_id, date, title, channel, languages, participants, refugee_participants, created_at)
                           values (${berlinSub}, '2017-03-03', 'Info', 'in_person', '{de}', ${participants}, 4, '2017-03-03T09:00:00Z')`);
  });
  afterAll(() => t.close());

  const get = async (query: string, who: Parameters<TestApp["as"]>[0] = "monitoring") => (await t.as(who)).get(query);
  const period = `unit=${berlinNetwork}&from=2016&to=2017`;

  /** The value a file must show for a JSON cell: "<3", "x", or the number. */
  const expected = (cell: { value: number | null; suppressed: boolean; belowMinimum?: boolean }) =>
    cell.suppressed ? (cell.belowMinimum ? "<3" : "x") : String(cell.value);

  describe("XLSX", () => {
    const queries = {
      list: `measure=first_consultations&${period}&by=nationality`,
      top: `measure=top_nationalities&${period}&top=3&lang=en`,
      cross: `measure=first_consultations&${period}&by=year&by2=gender`,
      mentions: `measure=fi_reasons&unit=${fiBerlin}&from=2017&to=2017&by=reason&by2=kind`,
    };
    let json: Record<keyof typeof queries, Report>;
    let sheets: Record<string, string[][]>;
    let books: Record<string, Buffer>;

    beforeAll(async () => {
      json = {} as typeof json;
      books = {};
      for (const [name, query] of Object.entries(queries) as [keyof typeof queries, string][]) {
        json[name] = (await get(`/api/monitoring/report?${query}`)).json();
        const res = await get(`/api/monitoring/report?${query}&format=xlsx`);
        expect(res.statusCode, res.body).toBe(200);
        books[name] = res.rawPayload;
      }
      sheets = await xlsxToRows(books);
    }, 180_000);

    /** The rows of the table: from the header row (first cell `first`) down. */
    const table = (rows: string[][], first: string) => {
      const start = rows.findIndex((r) => r[0] === first);
      expect(start, `header row "${first}" in ${JSON.stringify(rows)}`).toBeGreaterThan(0);
      const end = rows.findIndex((r, i) => i > start && r.every((c) => c === ""));
      return rows.slice(start, end < 0 ? undefined : end).map((r) => r.filter((_, j) => j < rows[start]!.filter((c) => c !== "").length));
    };

    it("is a workbook with the file name of the CSV, a header block in German, the Stichtag and the source", async () => {
      const res = await get(`/api/monitoring/report?${queries.list}&format=xlsx&stichtag=2018-01-31`);
      expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      expect(res.headers["content-disposition"]).toBe('attachment; filename="lotse-first_consultations-2016-01-2017-12.xlsx"');
      expect(res.rawPayload.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
      const rows = sheets.list!;
      expect(rows[0]![0]).toBe("Erstberatungen");
      const meta = Object.fromEntries(rows.slice(2, 8).map((r) => [r[0], r[1]]));
      expect(meta).toMatchObject({ Einheit: "IQ Netzwerk Berlin", Zeitraum: "01/2016 – 12/2017", Filter: "keine" });
      expect(rows.some((r) => r[0]!.startsWith("Mindestfallzahl: 3"))).toBe(true);
      expect(rows.some((r) => r[0]!.startsWith("Quelle: Lotse"))).toBe(true);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const header = sheet.getColumn(1).values.findIndex((v) => v === "Staatsangehörigkeit");
      expect(sheet.getCell(4 + 2, 2).value).toBe("31.01.2018");
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: header });
    });

    it("lists one breakdown with labels, '<3' and 'x', and the total, equal to the JSON report", () => {
      const report = json.list;
      const rows = table(sheets.list!, "Staatsangehörigkeit");
      expect(rows[0]).toEqual(["Staatsangehörigkeit", "Erstberatungen"]);
      const want = [
        ...report.rows.map((r) => [report.labels.nationality![r.nationality as string], expected(r)]),
        ["Insgesamt", expected(report.total)],
      ];
      expect(rows.slice(1)).toEqual(want);
      expect(rows.find((r) => r[0] === "Eritrea")).toEqual(["Eritrea", "<3"]);
      expect(rows.find((r) => r[0] === "Insgesamt")).toEqual(["Insgesamt", "55"]);
    });

    it("gives a top list with shares and the rest, in English", () => {
      const report = json.top;
      const rows = table(sheets.top!, "Nationality");
      expect(rows[0]).toEqual(["Nationality", "Top nationalities", "Share in %"]);
      const want = [
        ...report.rows.map((r) => [
          r.other ? "Other" : report.labels.nationality![r.nationality as string],
          expected(r),
          r.share === null || r.share === undefined ? "" : String(r.share),
        ]),
        ["Total", expected(report.total), ""],
      ];
      expect(rows.slice(1)).toEqual(want);
      expect(rows.slice(1, 3)).toEqual([
        ["Romania", "20", "36.4"],
        ["Syria", "14", "25.5"],
      ]);
    });

    /** Compares a cross table of the sheet with the report's cells, margins and total. */
    const compareCross = (report: Report, rows: string[][], pick: (c: Report["total"]) => string) => {
      const [d1, d2] = report.dimensions.map((d) => d.id) as [string, string];
      const label = (dim: string, code: string) => report.labels[dim]![code] ?? code;
      const columns = rows[0]!.slice(1, -1);
      expect(rows[0]!.at(-1)).toMatch(/^(Insgesamt|Total)$/);
      let compared = 0;
      for (const row of rows.slice(1, -1)) {
        for (const [j, column] of columns.entries()) {
          const cell = report.rows.find((r) => label(d1, r[d1] as string) === row[0] && label(d2, r[d2] as string) === column);
          expect(row[j + 1], `${row[0]} / ${column}`).toBe(cell ? pick(cell) : "–");
          compared++;
        }
        const margin = report.margins[d1]!.find((m) => label(d1, m[d1] as string) === row[0])!;
        expect(row.at(-1), `${row[0]} / total`).toBe(pick(margin));
      }
      const totals = rows.at(-1)!;
      expect(totals[0]).toMatch(/^(Insgesamt|Total)$/);
      for (const [j, column] of columns.entries()) {
        const margin = report.margins[d2]!.find((m) => label(d2, m[d2] as string) === column)!;
        expect(totals[j + 1], `total / ${column}`).toBe(pick(margin));
      }
      expect(totals.at(-1)).toBe(pick(report.total));
      // Every cell of the report is in the sheet.
      expect(compared).toBeGreaterThanOrEqual(report.rows.length);
      expect(rows.length - 2).toBe(report.margins[d1]!.length);
      expect(columns.length).toBe(report.margins[d2]!.length);
    };

    it("crosses two breakdowns with row and column totals", () => {
      const rows = table(sheets.cross!, "Jahr \\ Geschlecht");
      compareCross(json.cross, rows, expected);
      expect(rows.at(-1)).toEqual(["Insgesamt", "18", "37", "55"]);
    });

    it("crosses multiple mentions, hides the small one and what would give it away, and adds the shares", () => {
      const report = json.mentions;
      const all = sheets.mentions!;
      compareCross(report, table(all, "Beratungsanlass \\ Beratungsart"), expected);
      expect(report.rows.filter((r) => r.suppressed).length).toBeGreaterThanOrEqual(2);
      // The second table: the shares of the consultations.
      const shares = table(all.slice(all.findIndex((r) => r[0] === "Anteil in %")), "Beratungsanlass \\ Beratungsart");
      compareCross(report, shares, (c) => (c.share === null || c.share === undefined ? "" : String(c.share)));
    });

    it("writes counts and shares as numbers with a number format, hidden cells as text", async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(books.top as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const syria = sheet.getColumn(1).values.findIndex((v) => v === "Syria");
      expect(sheet.getCell(syria, 2).value).toBe(14);
      expect(sheet.getCell(syria, 2).numFmt).toBe("#,##0");
      expect(sheet.getCell(syria, 3).value).toBe(25.5);
      expect(sheet.getCell(syria, 3).numFmt).toBe("0.0");
      const mentions = new ExcelJS.Workbook();
      await mentions.xlsx.load(books.mentions as unknown as ArrayBuffer);
      const texts: unknown[] = [];
      mentions.worksheets[0]!.eachRow((row) => {
        row.eachCell((c) => {
          if (c.value === "<3" || c.value === "x") texts.push(c.value);
        });
      });
      expect(texts).toContain("<3");
    });

    it("answers problem details: unknown unit 404, a unit out of scope 403, a bad format 400 naming the field", async () => {
      const unknown = await get("/api/monitoring/report?measure=first_consultations&unit=00000000-0000-4000-8000-000000000000&format=xlsx");
      expect(unknown.statusCode).toBe(404);
      expect(unknown.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(unknown.json().errors).toEqual([expect.objectContaining({ field: "unit", code: "not_found" })]);
      const forbidden = await get(
        `/api/monitoring/report?measure=first_consultations&unit=${bavariaNetwork}&format=xlsx`,
        "coordinationBerlin",
      );
      expect(forbidden.statusCode).toBe(403);
      expect(forbidden.headers["content-type"]).toMatch(/^application\/problem\+json/);
      const bad = await get(`/api/monitoring/report?measure=first_consultations&${period}&format=ods`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual([expect.objectContaining({ field: "format" })]);
    });
  });

  describe("PDF fact sheet", () => {
    const sheetQuery = `unit=${berlinNetwork}&from=2016&to=2017&stichtag=2018-01-31`;
    let pdf: Awaited<ReturnType<typeof pdfText>>;
    let res: Awaited<ReturnType<typeof get>>;

    beforeAll(async () => {
      res = await get(`/api/monitoring/factsheet?${sheetQuery}`);
      expect(res.statusCode, res.body).toBe(200);
      pdf = await pdfText(res.rawPayload);
    });

    const report = async (query: string) => (await get(`/api/monitoring/report?${sheetQuery}&${query}`)).json() as Report;
    const de = (n: number, decimals = 0) =>
      new Intl.NumberFormat("de-DE", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n);

    it("is a one-page PDF titled with the network's name and printing the Stichtag", () => {
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.headers["content-disposition"]).toBe('attachment; filename="iq-netzwerk-berlin-in-zahlen-2016-01-2017-12.pdf"');
      expect(res.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.pages).toBe(1);
      expect(pdf.text).toContain("IQ Netzwerk Berlin in Zahlen");
      expect(pdf.text).toContain("Stichtag: 31.01.2018");
      expect(pdf.text).toContain("Werte unter 3 nicht ausgewiesen");
    });

    it("prints the headline figures of the reports with the same Stichtag", async () => {
      const first = await report("measure=first_consultations&field=recognition_counseling");
      // Two first consultations were recorded after the Stichtag.
      expect(first.total.value).toBe(33);
      const follow = await report("measure=follow_ups&field=recognition_counseling");
      const share = await report("measure=refugee_share&field=recognition_counseling");
      const fi = await report("measure=fi_reasons");
      const events = await report("measure=group_event_participants");
      const decisions = await report("measure=recognition_outcomes");
      const line = (label: string) => pdf.text.split("\n").findIndex((l) => l.includes(label));
      const figures = pdf.text.split("\n")[line("Erstberatungen zu Anerkennung") - 1]!;
      expect(figures.trim().split(/\s{2,}/)).toEqual([de(first.total.value!), de(follow.total.value!), `${de(share.total.value!, 1)} %`]);
      const second = pdf.text.split("\n")[line("Beratungen zur Fairen") - 1]!;
      expect(second.trim().split(/\s{2,}/)).toEqual([de(fi.total.value!), de(events.total.value!), de(decisions.total.value!)]);
      expect([share.total.value, fi.total.value, events.total.value, decisions.total.value]).toEqual([69.7, 30, 24, 3]);
    });

    it("lists the top nationalities as reported, and a hidden one only as '<3'", async () => {
      const top = await report("measure=top_nationalities&field=recognition_counseling&top=5");
      for (const r of top.rows.filter((x) => !x.other)) {
        const name = top.labels.nationality![r.nationality as string]!;
        const row = pdf.text.split("\n").find((l) => l.includes(name))!;
        expect(row, name).toBeDefined();
        const after = row.slice(row.indexOf(name) + name.length).split(/\s{3,}/)[1] ?? row.slice(row.indexOf(name) + name.length);
        if (r.suppressed) {
          expect(after.trim()).toBe(r.belowMinimum ? "<3" : "x");
          expect(after.replace("<3", "")).not.toMatch(/\d/);
        } else {
          expect(after).toContain(`${de(r.value!)} (${de(r.share!, 1)} %)`);
        }
      }
      expect(top.rows.some((r) => r.suppressed)).toBe(true);
    });

    it("says so where nothing was counted, and prints no made-up zero share", async () => {
      const empty = await get(`/api/monitoring/factsheet?unit=${berlinNetwork}&from=2020&to=2020&stichtag=2020-12-31`);
      expect(empty.statusCode).toBe(200);
      const { text } = await pdfText(empty.rawPayload);
      expect(text).toContain("Keine Fälle im Zeitraum.");
      const figures = text.split("\n")[text.split("\n").findIndex((l) => l.includes("Erstberatungen zu Anerkennung")) - 1]!;
      expect(figures.trim().split(/\s{2,}/)).toEqual(["0", "0", "–"]);
    });

    it("renders to an image (pdftoppm) for a look", async () => {
      const png = await pdfToPng(pdf.file, pdf.dir);
      const bytes = await readFile(png);
      expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
      // Keep it where a person can look at it after the run.
      if (process.env.FACTSHEET_PNG) await import("node:fs/promises").then((fs) => fs.copyFile(png, process.env.FACTSHEET_PNG!));
    });

    it("asks the policy for the unit: 403 outside the caller's scope, 404 for an unknown unit, 400 naming the field", async () => {
      const forbidden = await get(`/api/monitoring/factsheet?unit=${bavariaNetwork}&from=2017&to=2017`, "coordinationBerlin");
      expect(forbidden.statusCode).toBe(403);
      expect((await get(`/api/monitoring/factsheet?unit=${berlinNetwork}`, "counselorBerlin")).statusCode).toBe(403);
      const unknown = await get("/api/monitoring/factsheet?unit=00000000-0000-4000-8000-000000000000");
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().errors).toEqual([expect.objectContaining({ field: "unit" })]);
      const bad = await get(`/api/monitoring/factsheet?unit=${berlinNetwork}&stichtag=2017-02-30`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual([expect.objectContaining({ field: "stichtag" })]);
      // The Berlin coordination reads its own network's sheet.
      expect((await get(`/api/monitoring/factsheet?unit=${berlinNetwork}&from=2017&to=2017`, "coordinationBerlin")).statusCode).toBe(200);
    });
  });
});
