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
  /**
   * A source at state-network grain names the network and field columns itself and is scoped by
   * them; a source at sub-project grain is scoped by the sub-projects' ids and maps them to their
   * network and field after grouping.
   */
  networks?: { network: SQL; field: SQL };
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
  /**
   * The units are every sub-project of whole state networks (the scope is the root or a state
   * network, narrowed at most by field of action): the network rollups may answer.
   */
  wholeNetworks?: boolean;
  /** A second sum: the counts whose `dimension` has this code (share measures). */
  part?: { dimension: Dimension; code: string };
};

/** A result row: the dimension values (null where a grouping set left the dimension out). */
export type SliceRow = { d: (string | null)[]; value: number; part: number };

/** The client's attributes: the network rollups keep one of them per row (`dimension`). */
export const clientAttributes = ["state", "nationality", "profession", "gender", "age_group", "refugee"] as const;
export type ClientAttribute = (typeof clientAttributes)[number];
const isClientAttribute = (d: Dimension): d is ClientAttribute => (clientAttributes as readonly Dimension[]).includes(d);

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

const timeFormats: Partial<Record<Dimension, string>> = { month: "YYYY-MM", quarter: `YYYY-"Q"Q`, year: "YYYY" };

/**
 * How a breakdown is grouped in two stages: first by a stored column (`key`, named `name` in the
 * inner query), then presented from it (`present`, over the inner result `t` and the unit map `u`).
 * Months are grouped as dates and formatted per group, not per row, and sub-projects are grouped
 * by id and mapped to their network per group: on a national scan the per-row formatting and join
 * cost more than the grouping itself.
 */
function stagedKey(source: Source, d: Dimension): { name: string; key: SQL; present: SQL; unitMap?: true } {
  const format = timeFormats[d];
  if (format) return { name: "k_month", key: source.columns.month, present: sql`to_char(t.k_month, ${sql.raw(`'${format}'`)})` };
  if (d === "sub_project") return { name: "k_unit", key: source.columns.unitId, present: sql`t.k_unit::text` };
  if (d === "network" || d === "field") {
    if (source.networks)
      return d === "network"
        ? { name: "k_network", key: source.networks.network, present: sql`t.k_network::text` }
        : { name: "k_field", key: source.networks.field, present: sql`t.k_field` };
    return { name: "k_unit", key: source.columns.unitId, present: dimensionSql(source, d), unitMap: true };
  }
  const name = `k_${d}`;
  return { name, key: dimensionSql(source, d), present: sql.raw(`t.${name}`) };
}

/**
 * The slice's counts with every margin: grouped by the stored columns first, then GROUPING SETS
 * ((d1, d2), (d1), (d2), ()) over those groups. Keys left out by a grouping set come back as null
 * (stored values are never null).
 */
export function sliceSql(source: Source, slice: Slice): SQL {
  const c = source.columns;
  const conditions: SQL[] = [source.where, sql`${c.month} between ${slice.fromMonth}::date and ${slice.toMonth}::date`];
  if (source.networks) {
    conditions.push(sql`${source.networks.network} = any(${pgArrayLiteral([...new Set(slice.units.map((u) => u.networkId))])}::uuid[])`);
    conditions.push(sql`${source.networks.field} = any(${pgArrayLiteral([...new Set(slice.units.map((u) => u.field))])}::text[])`);
  } else {
    conditions.push(sql`${c.unitId} = any(${pgArrayLiteral(slice.units.map((u) => u.id))}::uuid[])`);
  }
  if (slice.kinds) conditions.push(sql`${c.kind} = any(${pgArrayLiteral([...slice.kinds])}::text[])`);
  if (slice.referenceDate) conditions.push(sql`${c.recordedOn} <= ${slice.referenceDate}::date`);
  if (slice.channel) conditions.push(sql`${c.channel} = ${slice.channel}::text`);
  if (slice.language) conditions.push(sql`${slice.language}::text = any(${c.languages})`);

  const staged = slice.dims.map((d) => stagedKey(source, d));
  const keys = [...new Map(staged.map((k) => [k.name, k])).values()];
  const part = slice.part
    ? sql`sum(case when ${dimensionSql(source, slice.part.dimension)} = ${slice.part.code} then ${source.n} else 0 end)`
    : sql`0`;
  const inner = sql`select ${sql.join([...keys.map((k) => sql`${k.key} as ${sql.raw(k.name)}`), sql`sum(${source.n}) as n`, sql`${part} as part`], sql`, `)}
                      from ${source.from}
                     where ${sql.join(conditions, sql` and `)}
                     ${keys.length ? sql.raw(`group by ${keys.map((k) => k.name).join(", ")}`) : sql``}`;
  const unitMap = staged.some((k) => k.unitMap)
    ? sql`join unnest(${pgArrayLiteral(slice.units.map((u) => u.id))}::uuid[], ${pgArrayLiteral(slice.units.map((u) => u.networkId))}::uuid[],
                      ${pgArrayLiteral(slice.units.map((u) => u.field))}::text[]) as u(id, network_id, field)
            on u.id = t.k_unit`
    : sql``;
  const names = slice.dims.map((_, i) => `d${i + 1}`);
  const presented = staged.map((k, i) => sql`${k.present} as ${sql.raw(names[i]!)}`);
  const sets = slice.dims.length === 2 ? "(d1, d2), (d1), (d2), ()" : slice.dims.length === 1 ? "(d1), ()" : "()";
  return sql`select ${sql.raw(names.length ? `${names.join(", ")}, ` : "")}sum(n)::bigint as value, sum(part)::bigint as part
               from (select ${sql.join([...presented, sql`t.n`, sql`t.part`], sql`, `)}
                       from (${inner}) t ${unitMap}) g
              group by grouping sets (${sql.raw(sets)})`;
}

/**
 * Which client attribute a slice needs from the network rollups ('' for none), or null when they
 * cannot answer it: a scope smaller than whole state networks, a Stichtag, channel or language
 * filter (the network rollups keep none of them), a breakdown by sub-project or channel, or two
 * client attributes at once (a breakdown and another breakdown or the share's part).
 */
export function networkAttribute(slice: Slice): ClientAttribute | "" | null {
  if (!slice.wholeNetworks || slice.referenceDate || slice.channel || slice.language) return null;
  if (slice.dims.some((d) => d === "sub_project" || d === "channel")) return null;
  const attributes = new Set([...slice.dims, ...(slice.part ? [slice.part.dimension] : [])].filter(isClientAttribute));
  if (attributes.size > 1) return null;
  return [...attributes][0] ?? "";
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

/**
 * The network rollups as a source, for a slice that `networkAttribute` admits: the family's rows
 * of one attribute (every fact has exactly one value of each attribute, so any attribute's rows
 * also sum to the totals). Columns the table does not keep are null; the admission rules keep
 * them out of the query.
 */
export function networkRollupSource(family: Family, attribute: ClientAttribute | ""): Source {
  const value = (a: ClientAttribute) => (a === attribute ? sql`r.value` : sql`null`);
  return {
    from: sql`monitoring_network_rollups r`,
    where: sql`r.measure = ${family} and r.dimension = ${attribute}`,
    columns: {
      kind: sql`r.kind`,
      detail: sql`r.detail`,
      month: sql`r.month`,
      unitId: sql`null`,
      recordedOn: sql`null`,
      channel: sql`null`,
      languages: sql`null`,
      stateCode: value("state"),
      nationality: value("nationality"),
      profession: value("profession"),
      gender: value("gender"),
      ageGroup: value("age_group"),
      refugee: value("refugee"),
    },
    n: sql`r.n`,
    networks: { network: sql`r.network_id`, field: sql`r.field` },
  };
}
