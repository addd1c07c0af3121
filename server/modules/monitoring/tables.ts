import type { Dimension } from "../../../common/domain/monitoring/dimensions.js";
import {
  type Cell,
  countKnowledge,
  type Entry,
  gridKey,
  isBelowMinimum,
  isSharePrimary,
  type Knowledge,
  protectGrid,
  protectList,
  type Suppression,
  shareKnowledge,
  topList,
  unlabelledCountKnowledge,
  unlabelledShareKnowledge,
} from "../../../common/domain/monitoring/disclosure.js";
import { type Measure, percentOneDecimal } from "../../../common/domain/monitoring/measures.js";
import type { SliceRow } from "./report-sql.js";

/**
 * From query rows to a protected table: cells, margins and total with their counts, the base of
 * their shares, and their suppression. Pure: no database, no labels.
 */
export type TableCell = {
  /** One code per dimension of the table ('' = not stated; null in a margin: all values). */
  codes: (string | null)[];
  /** The count (for a share measure: the base, all first consultations). */
  n: number;
  /** Share measures: the part (with refugee background). */
  part: number;
  /** What a share of this cell is a share of (top lists: the total; mentions: the consultations). */
  shareOf: TableCell | null;
  suppression: Suppression | null;
  /** Whether a suppression below the minimum may say so ("<3"); see Protection.labelled. */
  labelled: boolean;
};

export type Table = {
  dims: Dimension[];
  /** Published without cells: showing which values occur would give a small count away. */
  withheld: boolean;
  cells: TableCell[];
  /** For two breakdowns: margins[i] are the totals by dims[i]. */
  margins: TableCell[][];
  total: TableCell;
  /** Top lists: the remainder. */
  other: TableCell | null;
};

const cell = (codes: (string | null)[], n = 0, part = 0): TableCell => ({
  codes,
  n,
  part,
  shareOf: null,
  suppression: null,
  labelled: true,
});

/** Splits grouping-set rows into cells, margins and total. */
function gather(rows: readonly SliceRow[], k: number) {
  const cells: TableCell[] = [];
  const margins: Map<string, TableCell>[] = [new Map(), new Map()];
  let total = cell([null, null].slice(0, k));
  for (const r of rows) {
    const present = r.d.filter((v) => v !== null).length;
    if (present === 0) total = cell(r.d, r.value, r.part);
    else if (present === k) cells.push(cell(r.d, r.value, r.part));
    else {
      const i = r.d[0] !== null ? 0 : 1;
      margins[i]!.set(r.d[i]!, cell(r.d, r.value, r.part));
    }
  }
  return { cells: cells.filter((c) => c.n > 0 || c.part > 0), margins, total };
}

export type TableInput = {
  measure: Measure;
  dims: Dimension[];
  rows: readonly SliceRow[];
  /** Multiple mentions: the consultations by the dimensions other than the mentioned one. */
  baseRows?: readonly SliceRow[];
  min: number;
  top?: number;
};

/** Builds and protects the table of one report. */
export function buildTable(input: TableInput): Table {
  const { measure, dims, min } = input;
  const k = dims.length;
  const gathered = gather(input.rows, k);
  const { cells } = gathered;
  let { total } = gathered;
  let marginLists = gathered.margins.map((m) => [...m.values()]);

  const share = measure.value === "share";
  // What the protection sees: counts, or for shares the parts of public bases.
  const protectedValue = (c: TableCell) => (share ? c.part : c.n);
  const baseOf = (c: TableCell) => (share ? c.n : undefined);
  const isPrimary = share ? isSharePrimary(min) : (e: Entry) => isBelowMinimum(e.value, min);
  const knowledge: Knowledge = share ? shareKnowledge(min) : countKnowledge(min);
  const options = { isPrimary, knowledge, unlabelled: share ? unlabelledShareKnowledge : unlabelledCountKnowledge };
  const keyOf = (c: TableCell, i: number) => c.codes[i] ?? "";
  const totalInput = { value: protectedValue(total), base: baseOf(total) };
  // A withheld table (disclosure.ts Protection.withheld) is published without its cells.
  let withheld = false;

  if (k === 0) {
    total.suppression = protectList([], totalInput, min, options).total;
  } else if (k === 1) {
    const result = protectList(
      cells.map((c): Cell => ({ key: keyOf(c, 0), value: protectedValue(c), base: baseOf(c) })),
      totalInput,
      min,
      options,
    );
    for (const c of cells) {
      c.suppression = result.cells.get(keyOf(c, 0)) ?? null;
      c.labelled = result.labelled;
    }
    total.suppression = result.total;
    withheld = result.withheld;
  } else {
    // Each margin exactly as in the report by its dimension alone; then the inner cells. The
    // orientation is canonical (dimension ids in order), so by/by2 swapped protect the same cells.
    for (let i = 0; i < 2; i++) {
      const result = protectList(
        marginLists[i]!.map((m): Cell => ({ key: keyOf(m, i), value: protectedValue(m), base: baseOf(m) })),
        totalInput,
        min,
        options,
      );
      for (const m of marginLists[i]!) {
        m.suppression = result.cells.get(keyOf(m, i)) ?? null;
        m.labelled = result.labelled;
      }
      total.suppression = result.total;
      if (result.withheld) {
        // As in the report by this dimension alone; the cross table then goes too.
        marginLists[i] = [];
        withheld = true;
      }
    }
    const [r, c] = dims[0]! <= dims[1]! ? [0, 1] : [1, 0];
    const result = withheld
      ? null
      : protectGrid(
          cells.map((x) => ({ row: keyOf(x, r), col: keyOf(x, c), value: protectedValue(x), base: baseOf(x) })),
          marginLists[r]!.map((m) => ({ key: keyOf(m, r), value: protectedValue(m), base: baseOf(m), suppressed: m.suppression })),
          marginLists[c]!.map((m) => ({ key: keyOf(m, c), value: protectedValue(m), base: baseOf(m), suppressed: m.suppression })),
          { ...totalInput, suppressed: total.suppression },
          min,
          options,
        );
    if (result) {
      for (const x of cells) {
        x.suppression = result.cells.get(gridKey(keyOf(x, r), keyOf(x, c))) ?? null;
        x.labelled = result.labelled;
      }
      withheld = result.withheld;
    }
  }

  if (measure.mentions && input.baseRows) {
    // Protected as mentions (their sums taken as known: safe however many reasons a consultation
    // names); what is shown as N and along the other dimension are consultations.
    ({ total, margins: marginLists } = mentionBases(dims, measure.mentions.dimension, input.baseRows, cells, marginLists, min));
  }
  if (measure.top) for (const c of cells) c.shareOf = total;

  let listed = cells;
  let other: TableCell | null = null;
  if (withheld) {
    listed = [];
  } else if (measure.top) {
    const suppression = new Map(cells.filter((c) => c.suppression).map((c) => [keyOf(c, 0), c.suppression!]));
    const cut = topList(
      cells.map((c) => ({ key: keyOf(c, 0), value: c.n })),
      suppression,
      input.top ?? 5,
    );
    const byKey = new Map(cells.map((c) => [keyOf(c, 0), c]));
    // Shown ones by rank; suppressed ones after them, so the order does not hint at their size.
    const top = cut.top.map((t) => byKey.get(t.key)!);
    listed = [...top.filter((c) => !c.suppression), ...top.filter((c) => c.suppression)];
    if (cut.other) {
      other = cell([null], cut.other.value);
      other.shareOf = total;
      other.suppression = cut.other.suppressed ? "secondary" : null;
    }
  } else {
    listed = [...cells].sort((a, b) => compareCodes(a.codes, b.codes));
  }
  return {
    dims,
    withheld,
    cells: listed,
    margins: k === 2 ? marginLists.map((m) => [...m].sort((a, b) => compareCodes(a.codes, b.codes))) : [],
    total,
    other,
  };
}

/**
 * Multiple mentions: the total and the margins along the other dimension are not sums of mentions
 * but numbers of consultations (each protected as its own one-way table), and shares are of those.
 */
function mentionBases(
  dims: Dimension[],
  mentioned: Dimension,
  baseRows: readonly SliceRow[],
  cells: TableCell[],
  margins: TableCell[][],
  min: number,
): { total: TableCell; margins: TableCell[][] } {
  const m = dims.indexOf(mentioned);
  const total = cell(
    dims.map(() => null),
    baseRows.find((r) => r.d.every((v) => v === null))?.value ?? 0,
  );
  if (dims.length === 1) {
    total.suppression = protectList([], { value: total.n }, min).total;
    for (const c of cells) c.shareOf = total;
    return { total, margins };
  }
  const o = 1 - m;
  const consultations = baseRows
    .filter((r) => r.d[0] !== null)
    .map((r) => {
      const codes: (string | null)[] = [null, null];
      codes[o] = r.d[0]!;
      return cell(codes, r.value);
    })
    .sort((a, b) => compareCodes(a.codes, b.codes));
  const protection = protectList(
    consultations.map((c) => ({ key: c.codes[o]!, value: c.n })),
    { value: total.n },
    min,
  );
  total.suppression = protection.total;
  for (const c of consultations) {
    c.suppression = protection.cells.get(c.codes[o]!) ?? null;
    c.labelled = protection.labelled;
  }
  const byCode = new Map(consultations.map((c) => [c.codes[o]!, c]));
  for (const c of cells) c.shareOf = byCode.get(c.codes[o]!) ?? null;
  const result: TableCell[][] = [[], []];
  result[m] = margins[m]!;
  result[o] = protection.withheld ? [] : consultations;
  for (const x of result[m]!) x.shareOf = total;
  return { total, margins: result };
}

function compareCodes(a: (string | null)[], b: (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? "";
    const y = b[i] ?? "";
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** A cell's share, when neither it nor what it is a share of is suppressed. */
export function shareOf(c: TableCell): number | null {
  if (c.suppression || !c.shareOf || c.shareOf.suppression) return null;
  return percentOneDecimal(c.n, c.shareOf.n);
}
