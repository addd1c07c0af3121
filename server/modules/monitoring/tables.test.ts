import { describe, expect, it } from "vitest";
import type { Dimension } from "../../../common/domain/monitoring/dimensions.js";
import { measures, percentOneDecimal } from "../../../common/domain/monitoring/measures.js";
import type { SliceRow } from "./report-sql.js";
import { buildTable, shareOf, type Table } from "./tables.js";

/** Grouping-set rows of a two-way table of counts, as the database answers them. */
function twoWay(values: Record<string, Record<string, number>>): SliceRow[] {
  const rows: SliceRow[] = [];
  const colTotals = new Map<string, number>();
  let total = 0;
  for (const [a, cols] of Object.entries(values)) {
    let rowTotal = 0;
    for (const [b, n] of Object.entries(cols)) {
      rows.push({ d: [a, b], value: n, part: 0 });
      rowTotal += n;
      colTotals.set(b, (colTotals.get(b) ?? 0) + n);
    }
    rows.push({ d: [a, null], value: rowTotal, part: 0 });
    total += rowTotal;
  }
  for (const [b, n] of colTotals) rows.push({ d: [null, b], value: n, part: 0 });
  rows.push({ d: [null, null], value: total, part: 0 });
  return rows;
}

const transpose = (rows: SliceRow[]): SliceRow[] => rows.map((r) => ({ ...r, d: [r.d[1] ?? null, r.d[0] ?? null] }));
const hidden = (table: Table) =>
  table.cells
    .filter((c) => c.suppression)
    .map((c) => c.codes.join("|"))
    .sort();

describe("report tables", () => {
  const counts = {
    "DE-BE": { female: 12, male: 9, diverse: 1 },
    "DE-BY": { female: 20, male: 15 },
    "DE-HH": { female: 7, male: 8, diverse: 2 },
  };

  it("hides the same cells whichever way round the breakdowns are asked", () => {
    const dims: Dimension[] = ["state", "gender"];
    const one = buildTable({ measure: measures.first_consultations, dims, rows: twoWay(counts), min: 3 });
    const other = buildTable({ measure: measures.first_consultations, dims: ["gender", "state"], rows: transpose(twoWay(counts)), min: 3 });
    expect(hidden(one).length).toBeGreaterThanOrEqual(3);
    expect(hidden(other)).toEqual(
      hidden(one)
        .map((k) => k.split("|").reverse().join("|"))
        .sort(),
    );
    // The margins are those of the one-way tables: the "diverse" column total 3 is shown.
    const genderMargins = one.margins[1]!;
    expect(genderMargins.find((m) => m.codes[1] === "diverse")).toMatchObject({ n: 3, suppression: null });
  });

  it("multiple mentions: N is the number of consultations, shares are of it, margins by kind are consultations", () => {
    // Reasons × kind (mentions) and the consultations by kind; a consultation may name several reasons.
    const mentions = twoWay({
      pay: { first_consultation: 73, follow_up: 58 },
      dismissal: { first_consultation: 65, follow_up: 42 },
      other: { first_consultation: 24, follow_up: 59 },
    });
    const base: SliceRow[] = [
      { d: ["first_consultation"], value: 120, part: 0 },
      { d: ["follow_up"], value: 100, part: 0 },
      { d: [null], value: 220, part: 0 },
    ];
    const table = buildTable({ measure: measures.fi_reasons, dims: ["reason", "kind"], rows: mentions, baseRows: base, min: 3 });
    expect(table.total.n).toBe(220);
    const pay = table.cells.find((c) => c.codes[0] === "pay" && c.codes[1] === "first_consultation")!;
    expect(shareOf(pay)).toBe(percentOneDecimal(73, 120));
    expect(table.margins[1]!.map((m) => [m.codes[1], m.n])).toEqual([
      ["first_consultation", 120],
      ["follow_up", 100],
    ]);
    // The margins by reason stay mentions, with shares of all consultations.
    const payTotal = table.margins[0]!.find((m) => m.codes[0] === "pay")!;
    expect(payTotal.n).toBe(131);
    expect(shareOf(payTotal)).toBe(percentOneDecimal(131, 220));
  });

  it("multiple mentions: a small reason is protected as if the mentions added up to N", () => {
    // Each consultation names one reason here, so N − the others would give "residence" away.
    const rows: SliceRow[] = [
      { d: ["pay"], value: 10, part: 0 },
      { d: ["dismissal"], value: 8, part: 0 },
      { d: ["residence_status"], value: 2, part: 0 },
      { d: [null], value: 20, part: 0 },
    ];
    const table = buildTable({
      measure: measures.fi_reasons,
      dims: ["reason"],
      rows,
      baseRows: [{ d: [], value: 20, part: 0 }],
      min: 3,
    });
    expect(hidden(table)).toEqual(["dismissal", "residence_status"]);
    expect(table.cells.every((c) => c.suppression === null || shareOf(c) === null)).toBe(true);
  });

  it("top lists rank the shown cells, give shares of all first consultations, and keep 'other'", () => {
    const rows: SliceRow[] = [
      { d: ["SY"], value: 20299, part: 0 },
      { d: ["TR"], value: 14266, part: 0 },
      { d: ["UA"], value: 14010, part: 0 },
      { d: ["DE"], value: 10287, part: 0 },
      { d: ["IR"], value: 10068, part: 0 },
      { d: ["AF"], value: 9000, part: 0 },
      { d: ["ER"], value: 1, part: 0 },
      { d: [null], value: 77931, part: 0 },
    ];
    const table = buildTable({ measure: measures.top_nationalities, dims: ["nationality"], rows, min: 3, top: 5 });
    expect(table.cells.map((c) => c.codes[0])).toEqual(["SY", "TR", "UA", "DE", "IR"]);
    expect(shareOf(table.cells[0]!)).toBe(26);
    // AF was hidden to protect ER; both are in "other", so "other" can be shown.
    expect(table.other).toMatchObject({ n: 9001, suppression: null });
  });

  it("shares: the refugee share of a small group is hidden, the total share shown", () => {
    const rows: SliceRow[] = [
      { d: ["DE-BE"], value: 40, part: 10 },
      { d: ["DE-BY"], value: 2, part: 1 },
      { d: ["DE-HH"], value: 30, part: 12 },
      { d: [null], value: 72, part: 23 },
    ];
    const table = buildTable({ measure: measures.refugee_share, dims: ["state"], rows, min: 3 });
    expect(hidden(table)).toEqual(["DE-BE", "DE-BY"]);
    expect(table.total.suppression).toBeNull();
  });

  it("withholds the cells when their mere presence gives counts away, and keeps the total", () => {
    const rows: SliceRow[] = [
      { d: ["female"], value: 1, part: 0 },
      { d: ["male"], value: 1, part: 0 },
      { d: ["diverse"], value: 1, part: 0 },
      { d: [null], value: 3, part: 0 },
    ];
    const table = buildTable({ measure: measures.first_consultations, dims: ["gender"], rows, min: 3 });
    expect(table.withheld).toBe(true);
    expect(table.cells).toEqual([]);
    expect(table.total).toMatchObject({ n: 3, suppression: null });
  });
});
