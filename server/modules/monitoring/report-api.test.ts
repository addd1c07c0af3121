import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/index.js";
import { createTestApp, type TestApp } from "../../test/harness.js";
import { seedId } from "../directory/seed.js";
import { csvField, csvLines } from "./csv.js";

/**
 * The report endpoint on a small, hand-made set of facts whose figures are known: counts, shares
 * rounded as published, top lists, multiple mentions, the Stichtag, suppression in JSON and CSV,
 * the contract's problem details and who may read what.
 */
const berlinSub = seedId("unit", "demo-sub-project:DE-BE");
const berlinNetwork = seedId("unit", "state:DE-BE");
const bavariaSub = seedId("unit", "demo-sub-project:DE-BY");
const fiBerlin = seedId("unit", "fi:be");

type Person = { nationality: string; gender: string; refugee: boolean | null; birthYear: number };
const people: Person[] = [
  ...Array.from({ length: 12 }, (_, i) => ({ nationality: "SY", gender: i < 6 ? "female" : "male", refugee: true, birthYear: 1990 })),
  ...Array.from({ length: 8 }, () => ({ nationality: "TR", gender: "male", refugee: false, birthYear: 1980 })),
  ...Array.from({ length: 5 }, () => ({ nationality: "UA", gender: "female", refugee: true, birthYear: 1975 })),
  ...Array.from({ length: 4 }, () => ({ nationality: "IR", gender: "female", refugee: null, birthYear: 1985 })),
  { nationality: "ER", gender: "male", refugee: true, birthYear: 2000 },
];

describe("GET /api/monitoring/report", () => {
  let t: TestApp;
  const clientIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const [counselor] = await queryRows<{ id: string }>(db, sql`select id from users where email = 'berater.berlin@lotse.demo'`);
    const insertClient = async (p: Person, unitId: string) => {
      const [row] = await queryRows<{ id: string }>(
        db,
        sql`insert into clients (first_name, last_name, search_name, birth_year, gender, nationalities, refugee_background, unit_id, state_code)
            values ('Statistik', 'Person', 'statistik person', ${p.birthYear}, ${p.gender}, ${`{${p.nationality}}`}::text[],
                    ${p.refugee}::boolean, ${unitId}, 'DE-BE') returning id`,
      );
      return row!.id;
    };
    const consult = (clientId: string, unitId: string, date: string, kind: string, recorded: string, reasons = "{}") =>
      db.execute(sql`insert into consultations (client_id, unit_id, counselor_id, date, funding_period, kind, channel, languages,
                                                fi_reasons, created_at, updated_at)
                     values (${clientId}, ${unitId}, ${counselor!.id}, ${date}::date, '2015-2018', ${kind}, 'in_person', '{de,ar}',
                             ${reasons}::text[], ${recorded}::timestamptz, ${recorded}::timestamptz)`);
    for (const [i, p] of people.entries()) {
      const id = await insertClient(p, berlinSub);
      clientIds.push(id);
      // Two Turkish first consultations of March were recorded only in late June.
      const late = p.nationality === "TR" && i >= 18;
      await consult(id, berlinSub, "2017-03-10", "first_consultation", late ? "2017-06-20T09:00:00Z" : "2017-03-10T09:00:00Z");
      if (p.nationality === "SY" && i < 10) await consult(id, berlinSub, "2017-04-05", "follow_up", "2017-04-05T09:00:00Z");
    }
    // Faire Integration: 30 first consultations and 20 follow-ups, reasons as multiple mentions:
    // first: pay 20, dismissal 10, working time 10, other 1; follow-ups: pay 10, dismissal 10.
    for (let i = 0; i < 30; i++) {
      const id = await insertClient({ nationality: "RO", gender: "male", refugee: false, birthYear: 1988 }, fiBerlin);
      const reasons = i % 3 === 0 ? (i === 0 ? "{pay,dismissal,other}" : "{pay,dismissal}") : i % 3 === 1 ? "{pay}" : "{working_time}";
      await consult(id, fiBerlin, "2017-05-02", "first_consultation", "2017-05-02T09:00:00Z", reasons);
      if (i < 20) await consult(id, fiBerlin, "2017-05-20", "follow_up", "2017-05-20T09:00:00Z", i % 2 === 0 ? "{pay}" : "{dismissal}");
    }
  });
  afterAll(() => t.close());

  const get = async (who: Parameters<TestApp["as"]>[0], query: string) => (await t.as(who)).get(`/api/monitoring/report?${query}`);
  const year2017 = `from=2017&to=2017&unit=${berlinSub}`;

  describe("figures", () => {
    it("counts first consultations and persons counselled (one first consultation per person and period)", async () => {
      for (const measure of ["first_consultations", "persons_counselled"]) {
        const res = await get("monitoring", `measure=${measure}&${year2017}`);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ measure, value: "count", total: { value: 30, suppressed: false }, rows: [], withheld: false });
      }
      expect((await get("monitoring", `measure=follow_ups&${year2017}`)).json().total.value).toBe(10);
    });

    it("gives the refugee share with one decimal, as published (18 of 30)", async () => {
      const res = await get("monitoring", `measure=refugee_share&${year2017}`);
      expect(res.json().total).toEqual({ value: 60, suppressed: false });
      const byGender = await get("monitoring", `measure=refugee_share&${year2017}&by=gender`);
      // female: 6 SY + 5 UA of 15 (the 4 IR did not say); male: 6 SY + 1 ER of 15.
      expect(byGender.json().rows).toEqual([
        { gender: "female", value: 73.3, suppressed: false },
        { gender: "male", value: 46.7, suppressed: false },
      ]);
    });

    it("lists the top nationalities with shares of all first consultations, and the rest as 'other'", async () => {
      const res = await get("monitoring", `measure=top_nationalities&${year2017}&top=3&lang=de`);
      const body = res.json();
      expect(body.rows).toEqual([
        { nationality: "SY", value: 12, share: 40, suppressed: false },
        { nationality: "TR", value: 8, share: 26.7, suppressed: false },
        { nationality: "UA", value: 5, share: 16.7, suppressed: false },
        // IR (4) and ER (1, hidden, so IR too) are both in the remainder: it can be shown.
        { nationality: null, value: 5, share: 16.7, suppressed: false, other: true },
      ]);
      expect(body.labels.nationality).toEqual({ SY: "Syrien", TR: "Türkei", UA: "Ukraine" });
    });

    it("suppresses a count below 3 and the next smallest cell, and never sends their values", async () => {
      const res = await get("monitoring", `measure=first_consultations&${year2017}&by=nationality`);
      const rows = res.json().rows as { nationality: string; value: number | null; suppressed: boolean; belowMinimum?: boolean }[];
      expect(rows.find((r) => r.nationality === "ER")).toEqual({ nationality: "ER", value: null, suppressed: true, belowMinimum: true });
      expect(rows.find((r) => r.nationality === "IR")).toEqual({ nationality: "IR", value: null, suppressed: true });
      expect(res.json().total).toEqual({ value: 30, suppressed: false });
      // Nothing in the answer points at a person.
      for (const id of clientIds) expect(res.body).not.toContain(id);
    });

    it("counts Faire Integration reasons as multiple mentions, N = consultations, first vs follow-up", async () => {
      const res = await get("monitoring", `measure=fi_reasons&from=2017&to=2017&unit=${fiBerlin}&by=reason&by2=kind`);
      const body = res.json();
      expect(body.total).toEqual({ value: 50, suppressed: false });
      expect(body.filters.field).toBe("faire_integration");
      expect(body.margins.kind).toEqual([
        { kind: "first_consultation", value: 30, suppressed: false },
        { kind: "follow_up", value: 20, suppressed: false },
      ]);
      // pay: 20 of 30 first consultations, 10 of 20 follow-ups; shares of consultations, not of mentions.
      const pay = body.rows.filter((r: { reason: string }) => r.reason === "pay");
      expect(pay).toEqual([
        { reason: "pay", kind: "first_consultation", value: 20, share: 66.7, suppressed: false },
        { reason: "pay", kind: "follow_up", value: 10, share: 50, suppressed: false },
      ]);
      expect(body.margins.reason.find((r: { reason: string }) => r.reason === "pay")).toEqual({
        reason: "pay",
        value: 30,
        share: 60,
        suppressed: false,
      });
      // "other" (1) is hidden, and with it enough that it cannot be worked out.
      const hiddenRows = body.rows.filter((r: { suppressed: boolean }) => r.suppressed);
      expect(hiddenRows.map((r: { reason: string; kind: string }) => `${r.reason}/${r.kind}`)).toContain("other/first_consultation");
      expect(hiddenRows.length).toBeGreaterThanOrEqual(2);
    });

    it("with a Stichtag counts only what was recorded up to that day", async () => {
      const before = await get("monitoring", `measure=first_consultations&${year2017}&stichtag=2017-06-15`);
      expect(before.json()).toMatchObject({ total: { value: 28 }, stichtag: "2017-06-15" });
      const after = await get("monitoring", `measure=first_consultations&${year2017}&stichtag=2017-06-20`);
      expect(after.json().total.value).toBe(30);
    });

    it("moves counts with an edit of the client at once (same transaction)", async () => {
      await t.database.db.execute(sql`update clients set nationalities = '{UA}' where id = ${clientIds[0]!}`);
      const res = await get("monitoring", `measure=top_nationalities&${year2017}&top=3`);
      expect(
        res
          .json()
          .rows.slice(0, 3)
          .map((r: { nationality: string; value: number }) => [r.nationality, r.value]),
      ).toEqual([
        ["SY", 11],
        ["TR", 8],
        ["UA", 6],
      ]);
      await t.database.db.execute(sql`update clients set nationalities = '{SY}' where id = ${clientIds[0]!}`);
    });

    it("filters by channel and language, breaks down by month and state network", async () => {
      expect((await get("monitoring", `measure=first_consultations&${year2017}&channel=in_person&language=ar`)).json().total.value).toBe(
        30,
      );
      expect((await get("monitoring", `measure=first_consultations&${year2017}&channel=phone`)).json().total.value).toBe(0);
      const months = await get("monitoring", `measure=consultations&${year2017}&by=month`);
      expect(months.json().rows).toEqual([
        { month: "2017-03", value: 30, suppressed: false },
        { month: "2017-04", value: 10, suppressed: false },
      ]);
      const networks = await get("monitoring", `measure=first_consultations&from=2017&to=2017&unit=${berlinNetwork}&by=network&by2=field`);
      expect(networks.json().rows).toEqual([
        { network: berlinNetwork, field: "faire_integration", value: 30, suppressed: false },
        { network: berlinNetwork, field: "recognition_counseling", value: 30, suppressed: false },
      ]);
      expect(networks.json().labels.network[berlinNetwork]).toMatch(/Berlin/);
    });
  });

  describe("CSV", () => {
    it("exports the table with labels, '<3' and 'x' for hidden cells, totals last", async () => {
      const res = await get("monitoring", `measure=first_consultations&${year2017}&by=nationality&format=csv`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(res.headers["content-disposition"]).toBe('attachment; filename="lotse-first_consultations-2017-01-2017-12.csv"');
      expect(res.body).toBe(
        "\uFEFFStaatsangehörigkeit,Erstberatungen\r\nEritrea,<3\r\nIran,x\r\nSyrien,12\r\nTürkei,8\r\nUkraine,5\r\nInsgesamt,30\r\n",
      );
      const en = await get("monitoring", `measure=top_nationalities&${year2017}&top=2&format=csv&lang=en`);
      expect(en.body.split("\r\n").slice(0, 2)).toEqual(["\uFEFFNationality,Top nationalities,Share in %", "Syria,12,40"]);
    });

    it("quotes fields as RFC 4180 says", () => {
      expect(csvField("plain")).toBe("plain");
      expect(csvField("Jobcenter, Agentur")).toBe('"Jobcenter, Agentur"');
      expect(csvField('Netzwerk "Süd"')).toBe('"Netzwerk ""Süd"""');
      expect(csvField("zwei\nZeilen")).toBe('"zwei\nZeilen"');
      expect(
        csvLines([
          ["a", "b,c"],
          ["1", ""],
        ]),
      ).toBe('a,"b,c"\r\n1,\r\n');
    });
  });

  describe("problem details", () => {
    const problem = async (who: Parameters<TestApp["as"]>[0], query: string, status: number, field?: string, code?: string) => {
      const res = await get(who, query);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      if (field) expect(res.json().errors).toEqual([expect.objectContaining({ field, ...(code ? { code } : {}) })]);
      return res.json();
    };

    it("names the field of a bad measure, breakdown, period or filter", async () => {
      await problem("monitoring", "measure=visitors", 400, "measure");
      await problem("monitoring", `measure=group_event_participants&${year2017}&by=nationality`, 400, "by", "not_available");
      await problem("monitoring", `measure=first_consultations&${year2017}&by2=gender`, 400, "by2", "without_by");
      await problem("monitoring", `measure=first_consultations&${year2017}&by=gender&by2=gender`, 400, "by2", "duplicate");
      await problem("monitoring", `measure=first_consultations&${year2017}&by=year&by2=month`, 400, "by2", "two_time_dimensions");
      await problem("monitoring", `measure=first_consultations&unit=${berlinSub}&from=2018-03&to=2017-12`, 400, "to", "before_from");
      await problem("monitoring", `measure=first_consultations&unit=${berlinSub}&from=2018-13`, 400, "from");
      await problem("monitoring", `measure=first_consultations&unit=${berlinSub}&stichtag=2017-02-30`, 400, "stichtag");
      await problem("monitoring", `measure=first_consultations&unit=${berlinSub}&period=2030-2035`, 400, "period", "unknown");
      await problem("monitoring", `measure=referrals&${year2017}&channel=phone`, 400, "channel", "not_applicable");
      await problem("monitoring", `measure=top_nationalities&${year2017}&by=gender`, 400, "by", "top_list");
      await problem("monitoring", `measure=fi_reasons&${year2017}&by=kind`, 400, "by", "mentions_dimension");
    });

    it("answers 404 for an unknown unit and 403 for a unit outside the caller's scope", async () => {
      await problem("monitoring", "measure=first_consultations&unit=00000000-0000-4000-8000-000000000000", 404, "unit", "not_found");
      await problem("leadBerlin", `measure=first_consultations&unit=${bavariaSub}`, 403);
      await problem("coordinationBerlin", `measure=first_consultations&unit=${bavariaSub}`, 403);
      await problem("counselorBerlin", `measure=first_consultations&unit=${berlinSub}`, 403);
      await problem("admin", `measure=first_consultations&unit=${berlinSub}`, 403);
      // The federal role reads every part of the network; a lead their own sub-project (the default unit).
      expect((await get("federal", `measure=first_consultations&unit=${bavariaSub}`)).statusCode).toBe(200);
      const own = await get("leadBerlin", "measure=first_consultations&from=2017&to=2017");
      expect(own.json()).toMatchObject({ unit: { id: berlinSub }, total: { value: 30 } });
    });
  });
});
