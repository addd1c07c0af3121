import { describe, expect, it } from "vitest";
import { type Equation, feasibleValues, type Unknown } from "./attacker.js";
import {
  type Cell,
  gridKey,
  isBelowMinimum,
  type Margin,
  protectGrid,
  protectList,
  type Suppression,
  shareKnowledge,
  topList,
} from "./disclosure.js";

const MIN = 3;

/** What an attacker knows of a hidden value: "<3" is 1…2, any other hidden value min…cap. */
const unknownOf = (id: string, kind: Suppression, cap: number): Unknown =>
  kind === "primary" ? { id, lo: 1, hi: MIN - 1 } : { id, lo: MIN, hi: cap };

/** Collects equations over published entries: shown values go into the constant. */
class Published {
  readonly unknowns = new Map<string, Unknown>();
  readonly equations: Equation[] = [];
  readonly primaries = new Set<string>();
  constructor(private readonly cap: number) {}
  /** An entry as published; `labelled` false: hidden without saying whether it is below the minimum. */
  entry(id: string, value: number, kind: Suppression | null, labelled = true) {
    if (kind) {
      this.unknowns.set(id, labelled ? unknownOf(id, kind, this.cap) : { id, lo: 1, hi: this.cap });
      if (kind === "primary") this.primaries.add(id);
    }
    return { id, value, hidden: kind !== null };
  }
  /** Σ parts = whole. */
  sum(parts: { id: string; value: number; hidden: boolean }[], whole: { id: string; value: number; hidden: boolean }) {
    const terms: Equation["terms"] = [];
    let constant = 0;
    for (const p of parts) {
      if (p.hidden) terms.push({ id: p.id, coefficient: 1 });
      else constant -= p.value;
    }
    if (whole.hidden) terms.push({ id: whole.id, coefficient: -1 });
    else constant += whole.value;
    this.equations.push({ terms, constant });
  }
  /** The primary entries the attacker pins to a single value. */
  disclosed(): string[] {
    const values = feasibleValues([...this.unknowns.values()], this.equations, [...this.primaries]);
    return [...values].filter(([, v]) => v.length < 2).map(([id]) => id);
  }
}

function publishList(cells: Cell[], protection: ReturnType<typeof protectList> | null, published: Published, prefix = "") {
  const total = cells.reduce((s, c) => s + c.value, 0);
  // A withheld table shows its total only: nothing to work out.
  if (protection?.withheld) return { entries: [], total: published.entry("total", total, protection.total) };
  const entries = cells.map((c) =>
    published.entry(
      `${prefix}${c.key}`,
      c.value,
      protection ? (protection.cells.get(c.key) ?? null) : isBelowMinimum(c.value, MIN) ? "primary" : null,
      protection?.labelled ?? true,
    ),
  );
  const t = published.entry("total", total, protection ? protection.total : isBelowMinimum(total, MIN) ? "primary" : null);
  published.sum(entries, t);
  return { entries, total: t };
}

type Grid = { rows: string[]; cols: string[]; value: (r: string, c: string) => number };

/** A two-way table with margins, protected as the reports do (margins from their own one-way tables). */
function publishGrid(grid: Grid, protect: boolean) {
  const cells = grid.rows.flatMap((row) => grid.cols.map((col) => ({ row, col, value: grid.value(row, col) }))).filter((c) => c.value > 0);
  const rowSums = grid.rows.map((r) => ({ key: r, value: cells.filter((c) => c.row === r).reduce((s, c) => s + c.value, 0) }));
  const colSums = grid.cols.map((k) => ({ key: k, value: cells.filter((c) => c.col === k).reduce((s, c) => s + c.value, 0) }));
  const total = cells.reduce((s, c) => s + c.value, 0);
  const published = new Published(total);
  const naive = (v: number): Suppression | null => (isBelowMinimum(v, MIN) ? "primary" : null);
  const rowList = protectList(rowSums, { value: total }, MIN);
  const colList = protectList(colSums, { value: total }, MIN);
  const rows: Margin[] = rowSums.map((m) => ({ ...m, suppressed: protect ? (rowList.cells.get(m.key) ?? null) : naive(m.value) }));
  const cols: Margin[] = colSums.map((m) => ({ ...m, suppressed: protect ? (colList.cells.get(m.key) ?? null) : naive(m.value) }));
  const labelled = { rows: protect ? rowList.labelled : true, cols: protect ? colList.labelled : true };
  const totalKind = protect ? rowList.total : naive(total);
  const inner = protect ? protectGrid(cells, rows, cols, { value: total, suppressed: totalKind }, MIN) : null;
  // Withheld (a margin table or the inner cells): only the margins that are published count.
  if (protect && (rowList.withheld || colList.withheld || inner!.withheld)) {
    const shown = (list: typeof rowList, ms: Margin[], p: string) =>
      list.withheld ? [] : ms.map((m) => published.entry(`${p}:${m.key}`, m.value, m.suppressed, list.labelled));
    const t = published.entry("total", total, totalKind);
    const r = shown(rowList, rows, "row");
    const k = shown(colList, cols, "col");
    if (r.length) published.sum(r, t);
    if (k.length) published.sum(k, t);
    return { published, inner, rows, cols };
  }
  const cellEntry = new Map(
    cells.map((c) => [
      gridKey(c.row, c.col),
      published.entry(
        gridKey(c.row, c.col),
        c.value,
        inner ? (inner.cells.get(gridKey(c.row, c.col)) ?? null) : naive(c.value),
        inner?.labelled ?? true,
      ),
    ]),
  );
  const rowEntry = new Map(rows.map((m) => [m.key, published.entry(`row:${m.key}`, m.value, m.suppressed, labelled.rows)]));
  const colEntry = new Map(cols.map((m) => [m.key, published.entry(`col:${m.key}`, m.value, m.suppressed, labelled.cols)]));
  const t = published.entry("total", total, totalKind);
  for (const r of grid.rows)
    published.sum(
      cells.filter((c) => c.row === r).map((c) => cellEntry.get(gridKey(c.row, c.col))!),
      rowEntry.get(r)!,
    );
  for (const k of grid.cols)
    published.sum(
      cells.filter((c) => c.col === k).map((c) => cellEntry.get(gridKey(c.row, c.col))!),
      colEntry.get(k)!,
    );
  published.sum([...rowEntry.values()], t);
  published.sum([...colEntry.values()], t);
  return { published, inner, rows, cols };
}

/** Reproducible random numbers for the random tables. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("disclosure control: one-way tables", () => {
  it("hides the next smallest cell when a single '<3' could be worked out from the total", () => {
    const cells = [
      { key: "SY", value: 40 },
      { key: "TR", value: 7 },
      { key: "UA", value: 5 },
      { key: "ER", value: 1 },
    ];
    // Naively only ER is hidden: 53 − 40 − 7 − 5 = 1.
    const naive = new Published(53);
    publishList(cells, null, naive);
    expect(naive.disclosed()).toEqual(["ER"]);

    const protection = protectList(cells, { value: 53 }, MIN);
    expect(protection.cells).toEqual(
      new Map([
        ["ER", "primary"],
        ["UA", "secondary"],
      ]),
    );
    const safe = new Published(53);
    publishList(cells, protection, safe);
    expect(safe.disclosed()).toEqual([]);
  });

  it("does not let two small cells pin each other (2 + 2 = 4 leaves no choice)", () => {
    const cells = [
      { key: "a", value: 2 },
      { key: "b", value: 2 },
      { key: "c", value: 9 },
    ];
    // With only a and b hidden, a + b = 4 and both lie in 1…2: both are 2.
    const naive = new Published(13);
    publishList(cells, null, naive);
    expect(naive.disclosed().sort()).toEqual(["a", "b"]);

    const protection = protectList(cells, { value: 13 }, MIN);
    expect(protection.cells.get("c")).toBe("secondary");
    const safe = new Published(13);
    publishList(cells, protection, safe);
    expect(safe.disclosed()).toEqual([]);
  });

  it("hides a total below the minimum and every cell under it", () => {
    const protection = protectList(
      [
        { key: "a", value: 1 },
        { key: "b", value: 1 },
      ],
      { value: 2 },
      MIN,
    );
    expect(protection.total).toBe("primary");
    expect([...protection.cells.values()]).toEqual(["primary", "primary"]);
  });

  it("keeps every '<3' undetermined in 300 random lists (which, unprotected, give many away)", () => {
    const random = prng(42);
    let leaking = 0;
    let withheld = 0;
    for (let i = 0; i < 300; i++) {
      const cells = Array.from({ length: 2 + Math.floor(random() * 5) }, (_, j) => ({
        key: `k${j}`,
        value: random() < 0.5 ? 1 + Math.floor(random() * 2) : 1 + Math.floor(random() * 12),
      }));
      const total = cells.reduce((s, c) => s + c.value, 0);
      const naive = new Published(total);
      publishList(cells, null, naive);
      if (naive.disclosed().length) leaking++;
      const protection = protectList(cells, { value: total }, MIN);
      if (protection.withheld) withheld++;
      const published = new Published(total);
      publishList(cells, protection, published);
      expect(published.disclosed(), JSON.stringify(cells)).toEqual([]);
    }
    expect(leaking).toBeGreaterThan(50);
    expect(withheld).toBeLessThan(10);
  });
});

describe("disclosure control: two-way tables with row and column totals", () => {
  it("protects a '<3' against row, column and grand totals", () => {
    const values: Record<string, number> = { "BE|f": 12, "BE|m": 9, "BY|f": 2, "BY|m": 15, "HH|f": 7, "HH|m": 8 };
    const grid: Grid = { rows: ["BE", "BY", "HH"], cols: ["f", "m"], value: (r, c) => values[`${r}|${c}`] ?? 0 };
    // Naively BY|f = row total 17 − 15.
    expect(publishGrid(grid, false).published.disclosed()).toEqual([gridKey("BY", "f")]);
    const { published, inner } = publishGrid(grid, true);
    expect(published.disclosed()).toEqual([]);
    // The classic rectangle: the small cell, one more in its row, one in its column, and the fourth corner.
    expect([...inner!.cells.keys()].sort()).toEqual(
      [gridKey("BY", "f"), gridKey("BY", "m"), gridKey("HH", "f"), gridKey("HH", "m")].sort(),
    );
  });

  it("keeps every '<3' undetermined in 150 random tables (3×3 to 4×4, many small cells)", () => {
    const random = prng(7);
    let leaking = 0;
    let published = 0;
    for (let i = 0; i < 150; i++) {
      const rows = Array.from({ length: 3 + Math.floor(random() * 2) }, (_, j) => `r${j}`);
      const cols = Array.from({ length: 3 + Math.floor(random() * 2) }, (_, j) => `c${j}`);
      const values = new Map(
        rows.flatMap((r) =>
          cols.map((c) => [`${r}|${c}`, random() < 0.2 ? 0 : random() < 0.4 ? 1 + Math.floor(random() * 2) : 1 + Math.floor(random() * 9)]),
        ),
      );
      const grid: Grid = { rows, cols, value: (r, c) => values.get(`${r}|${c}`) ?? 0 };
      if (publishGrid(grid, false).published.disclosed().length) leaking++;
      const safe = publishGrid(grid, true);
      if (!safe.inner!.withheld) published++;
      expect(safe.published.disclosed(), JSON.stringify([...values])).toEqual([]);
    }
    // These tables are far smaller than real ones; most are still published cell by cell.
    expect(leaking).toBeGreaterThan(100);
    expect(published).toBeGreaterThan(100);
  });

  it("is not fooled by a line with two hidden cells that still give one away (the cycle check)", () => {
    // BE: a 1 and a 2, both hidden by the minimum; the row total 3 leaves (1, 2) or (2, 1)…
    // …but the column totals make each one unique unless more is hidden.
    const values: Record<string, number> = { "BE|f": 1, "BE|m": 2, "BY|f": 10, "BY|m": 10, "HH|f": 10, "HH|m": 10 };
    const grid: Grid = { rows: ["BE", "BY", "HH"], cols: ["f", "m"], value: (r, c) => values[`${r}|${c}`] ?? 0 };
    expect(publishGrid(grid, false).published.disclosed().length).toBeGreaterThan(0);
    expect(publishGrid(grid, true).published.disclosed()).toEqual([]);
  });
});

describe("disclosure control: top lists and shares", () => {
  it("a top list with 'other' does not split hidden cells between list and remainder", () => {
    const cells = [
      { key: "SY", value: 30 },
      { key: "TR", value: 20 },
      { key: "UA", value: 2 },
      { key: "IR", value: 4 },
      { key: "ER", value: 5 },
    ];
    const total = 61;
    const full = protectList(cells, { value: total }, MIN);
    // The list of the top 3 holds UA? No: SY, TR, ER; UA (primary) and IR (secondary) stay in "other".
    const cut = topList(cells, full.cells, 3);
    expect(cut.top.map((c) => c.key)).toEqual(["SY", "TR", "ER"]);
    expect(cut.other).toEqual({ value: 6, suppressed: false });
    // With the top 4, IR joins the list and UA stays behind: "other" (= UA) must be hidden.
    const cut4 = topList(cells, full.cells, 4);
    expect(cut4.other).toEqual({ value: 2, suppressed: true });

    // The attacker sees the full table and the top-4 list with its remainder.
    const published = new Published(total);
    const { entries, total: t } = publishList(cells, full, published);
    const listed = cut4.top.map((c) => entries.find((e) => e.id === c.key)!);
    // A hidden remainder is a sum: the attacker knows no more than that it is at least 0.
    const other = { id: "other", value: cut4.other!.value, hidden: cut4.other!.suppressed };
    if (other.hidden) published.unknowns.set("other", { id: "other", lo: 0, hi: total });
    published.sum([...listed, other], t);
    const outside = cells.filter((c) => !cut4.top.includes(c)).map((c) => entries.find((e) => e.id === c.key)!);
    published.sum(outside, other);
    expect(published.disclosed()).toEqual([]);
  });

  it("a share table: a hidden share cannot be worked out from the total share and the public bases", () => {
    // Parts with refugee background of public bases; the total share is shown.
    const cells = [
      { key: "BE", value: 1, base: 20 },
      { key: "BY", value: 8, base: 30 },
      { key: "HH", value: 12, base: 25 },
    ];
    const total = { value: 21, base: 75 };
    const knowledge = shareKnowledge(MIN);
    const protection = protectList(cells, total, MIN, { knowledge });
    expect(protection.cells.get("BE")).toBe("primary");
    expect(protection.cells.size).toBeGreaterThan(1);
    // Attacker: part_i in what they know about it, Σ parts = total part.
    const published = new Published(75);
    const entries = cells.map((c) => {
      const kind = protection.cells.get(c.key) ?? null;
      if (kind) {
        const bounds = knowledge({ id: c.key, nodes: ["x", null], sign: 1, value: c.value, base: c.base, candidate: true }, kind);
        published.unknowns.set(c.key, { id: c.key, lo: bounds.lo, hi: Math.min(bounds.hi, c.base) });
        if (kind === "primary") published.primaries.add(c.key);
      }
      return { id: c.key, value: c.value, hidden: kind !== null };
    });
    published.sum(entries, { id: "total", value: total.value, hidden: false });
    expect(published.disclosed()).toEqual([]);
  });
});
