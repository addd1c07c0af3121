import { type SQL, sql } from "drizzle-orm";
import type { Dimension } from "../../../common/domain/monitoring/dimensions.js";
import type { Family } from "../../../common/domain/monitoring/measures.js";
import { pgArrayLiteral } from "../../db/index.js";

/**
 * One report query, written once for two sources: the rollups (what reports read) and the raw
 * facts (raw-facts.ts: the hand-written baseline the tests and the benchmark compare with).
 * A source names, per column of the rollups, the SQL that yields it.
 */
export const rollupColumns = [
  "kind",
  "detail",
  "month",
  "unitId",
  "recordedOn",
  "channel",
  "languages",
  "stateCode",
  "nationality",
  "profession",
  "gender",
  "ageGroup",
  "refugee",
] as const;
export type RollupColumn = (typeof rollupColumns)[number];

export type Source = {
  /** FROM clause (with joins) and the condition that selects the family's rows. */
  from: SQL;
  where: SQL;
  columns: Record<RollupColumn, SQL>;
  /** The count each row contributes. */
  n: SQL;
};

/** A statistical unit in scope: a sub-project with its state network and field of action. */
export type ScopeUnit = { id: string; networkId: string; field: string };

export type Slice = {
  family: Family;
  /** Only these kinds (column kind); all when absent. */
  kinds?: readonly string[];
  /** First days of the first and last month (YYYY-MM-01). */
  fromMonth: string;
  toMonth: string;
  units: readonly ScopeUnit[];
  /** Only facts recorded up to this Berlin day. */
  referenceDate?: string;
  channel?: string;
  language?: string;
  /** Up to two breakdowns. */
  dims: readonly Dimension[];
  /** A second sum: the counts whose `dimension` has this code (share measures). */
  part?: { dimension: Dimension; code: string };
};

/** A result row: the dimension values (null where a grouping set left the dimension out). */
export type SliceRow = { d: (string | null)[]; value: number; part: number };

const unitDimensions: readonly Dimension[] = ["network", "field"];

export function dimensionSql(source: Source, dimension: Dimension): SQL {
  const c = source.columns;
  switch (dimension) {
    case "month":
      return sql`to_char(${c.month}, 'YYYY-MM')`;
    case "quarter":
      return sql`to_char(${c.month}, 'YYYY-"Q"Q')`;
    case "year":
      return sql`to_char(${c.month}, 'YYYY')`;
    case "network":
      return sql`u.network_id::text`;
    case "field":
      return sql`u.field`;
    case "sub_project":
      return sql`${c.unitId}::text`;
    case "state":
      return c.stateCode;
    case "nationality":
      return c.nationality;
    case "profession":
      return c.profession;
    case "gender":
      return c.gender;
    case "age_group":
      return c.ageGroup;
    case "refugee":
      return c.refugee;
    case "channel":
      return c.channel;
    case "kind":
    case "status":
    case "outcome":
      return c.kind;
    case "reason":
    case "target":
      return c.detail;
  }
}

/**
 * The slice's counts with every margin in one scan: GROUPING SETS ((d1, d2), (d1), (d2), ()).
 * Keys left out by a grouping set come back as null (stored values are never null).
 */
export function sliceSql(source: Source, slice: Slice): SQL {
  const ids = pgArrayLiteral(slice.units.map((u) => u.id));
  const needsUnitMap = slice.dims.some((d) => unitDimensions.includes(d));
  const unitMap = needsUnitMap
    ? sql`join unnest(${ids}::uuid[], ${pgArrayLiteral(slice.units.map((u) => u.networkId))}::uuid[],
                      ${pgArrayLiteral(slice.units.map((u) => u.field))}::text[]) as u(id, network_id, field)
            on u.id = ${source.columns.unitId}`
    : sql``;
  const conditions: SQL[] = [
    source.where,
    sql`${source.columns.unitId} = any(${ids}::uuid[])`,
    sql`${source.columns.month} between ${slice.fromMonth}::date and ${slice.toMonth}::date`,
  ];
  if (slice.kinds) conditions.push(sql`${source.columns.kind} = any(${pgArrayLiteral([...slice.kinds])}::text[])`);
  if (slice.referenceDate) conditions.push(sql`${source.columns.recordedOn} <= ${slice.referenceDate}::date`);
  if (slice.channel) conditions.push(sql`${source.columns.channel} = ${slice.channel}::text`);
  if (slice.language) conditions.push(sql`${slice.language}::text = any(${source.columns.languages})`);
  const keys = slice.dims.map((d, i) => sql`${dimensionSql(source, d)} as ${sql.raw(`d${i + 1}`)}`);
  const part = slice.part
    ? sql`case when ${dimensionSql(source, slice.part.dimension)} = ${slice.part.code} then ${source.n} else 0 end`
    : sql`0`;
  const names = slice.dims.map((_, i) => `d${i + 1}`);
  const sets = slice.dims.length === 2 ? "(d1, d2), (d1), (d2), ()" : slice.dims.length === 1 ? "(d1), ()" : "()";
  return sql`select ${sql.raw(names.length ? `${names.join(", ")}, ` : "")}sum(n)::bigint as value, sum(part)::bigint as part
               from (select ${sql.join([...keys, sql`${source.n} as n`, sql`${part} as part`], sql`, `)}
                       from ${source.from} ${unitMap}
                      where ${sql.join(conditions, sql` and `)}) t
              group by grouping sets (${sql.raw(sets)})`;
}

export function toSliceRows(rows: Record<string, unknown>[], dims: number): SliceRow[] {
  return rows.map((r) => ({
    d: Array.from({ length: dims }, (_, i) => (r[`d${i + 1}`] ?? null) as string | null),
    value: Number(r.value),
    part: Number(r.part),
  }));
}

/** The rollups as a source: the family's rows of monitoring_rollups. */
export function rollupSource(family: Family): Source {
  return {
    from: sql`monitoring_rollups r`,
    where: sql`r.measure = ${family}`,
    columns: {
      kind: sql`r.kind`,
      detail: sql`r.detail`,
      month: sql`r.month`,
      unitId: sql`r.unit_id`,
      recordedOn: sql`r.recorded_on`,
      channel: sql`r.channel`,
      languages: sql`r.languages`,
      stateCode: sql`r.state_code`,
      nationality: sql`r.nationality`,
      profession: sql`r.profession`,
      gender: sql`r.gender`,
      ageGroup: sql`r.age_group`,
      refugee: sql`r.refugee`,
    },
    n: sql`r.n`,
  };
}
