import { type SQL, sql } from "drizzle-orm";
import type { Dimension } from "../../../common/domain/monitoring/dimensions.js";
import { type Executor, pgArrayLiteral, queryRows } from "../../db/index.js";
import { dimensionSql, rollupSource, type Slice, type SliceRow } from "./report-sql.js";

/**
 * Several panels of one fact family in one scan of the rollups: the union of their dimensions is
 * computed once per row, and each panel's cells and total are one grouping set each. A dashboard
 * reads first consultations by month, nationality, profession and state of residence, and
 * follow-ups by month, in a single pass instead of five.
 */
export type MultiSlice = Omit<Slice, "dims" | "part" | "channel" | "language"> & {
  /** The grouping sets, each a list of dimensions (the empty list: the grand total). */
  sets: readonly (readonly Dimension[])[];
};

/** The rows of each grouping set, in the order of `sets`, keyed by that set's own dimensions. */
export type MultiSliceRows = SliceRow[][];

function multiSliceSql(slice: MultiSlice): SQL {
  const source = rollupSource(slice.family);
  const c = source.columns;
  const all = [...new Set(slice.sets.flat())];
  if (all.some((d) => d === "network" || d === "field")) throw new Error("multiSliceSql: unit dimensions are not supported");
  const name = (d: Dimension) => `d_${d}`;
  const conditions: SQL[] = [
    source.where,
    sql`${c.unitId} = any(${pgArrayLiteral(slice.units.map((u) => u.id))}::uuid[])`,
    sql`${c.month} between ${slice.fromMonth}::date and ${slice.toMonth}::date`,
  ];
  if (slice.kinds) conditions.push(sql`${c.kind} = any(${pgArrayLiteral([...slice.kinds])}::text[])`);
  if (slice.referenceDate) conditions.push(sql`${c.recordedOn} <= ${slice.referenceDate}::date`);
  // Months are grouped as dates and formatted per result row, not per fact (to_char on every row
  // of a national scan costs more than the grouping); GROUP BY names mean the inner columns.
  const keys = all.map((d) => sql`${d === "month" ? c.month : dimensionSql(source, d)} as ${sql.raw(name(d))}`);
  const outputs = all.map((d) => (d === "month" ? `to_char(d_month, 'YYYY-MM') as d_month` : name(d))).join(", ");
  const names = all.map(name).join(", ");
  const sets = slice.sets.map((s) => `(${s.map(name).join(", ")})`).join(", ");
  // grouping(...) tells the sets apart: bit i (from the left) is 1 when all[i] is left out.
  return sql`select ${sql.raw(outputs)}, grouping(${sql.raw(names)}) as g, sum(n)::bigint as value
               from (select ${sql.join([...keys, sql`${source.n} as n`], sql`, `)}
                       from ${source.from}
                      where ${sql.join(conditions, sql` and `)}) t
              group by grouping sets (${sql.raw(sets)})`;
}

export async function readMultiSlice(exec: Executor, slice: MultiSlice): Promise<MultiSliceRows> {
  const result: MultiSliceRows = slice.sets.map(() => []);
  if (slice.units.length === 0) return result;
  const all = [...new Set(slice.sets.flat())];
  const maskOf = (set: readonly Dimension[]) =>
    all.reduce((mask, d, i) => (set.includes(d) ? mask : mask | (1 << (all.length - 1 - i))), 0);
  const masks = slice.sets.map(maskOf);
  const rows = await queryRows<Record<string, unknown>>(exec, multiSliceSql(slice));
  for (const r of rows) {
    const g = Number(r.g);
    masks.forEach((mask, i) => {
      if (mask === g)
        result[i]!.push({ d: slice.sets[i]!.map((d) => (r[`d_${d}`] ?? null) as string | null), value: Number(r.value), part: 0 });
    });
  }
  return result;
}

/**
 * One report's rows from the sets of a multi-slice: the cells of `dims` within one code of a
 * leading dimension (e.g. kind = first consultation), and the total from the set of that
 * dimension alone; as sliceSql would have answered for the report with that kind only.
 */
export function reportRows(cellRows: readonly SliceRow[], totalRows: readonly SliceRow[], code: string, width = 1): SliceRow[] {
  const cells = cellRows.filter((r) => r.d[0] === code).map((r) => ({ ...r, d: r.d.slice(1) }));
  const total = totalRows.find((r) => r.d[0] === code);
  return [...cells, { d: Array.from({ length: width }, () => null), value: total?.value ?? 0, part: 0 }];
}
