import { type SQL, sql } from "drizzle-orm";
import type { Family } from "../../../common/domain/monitoring/measures.js";
import { type RollupColumn, rollupColumns, type Slice, type Source, sliceSql } from "./report-sql.js";

/**
 * The baseline: every measure computed by hand-written SQL straight from the fact tables
 * (consultations, clients, group_events, referrals, procedures), written independently of the
 * trigger functions of migration 0015. Tests compare the rollups and the reports with it; the
 * benchmark runs it next to the reports ("the equivalent SQL over raw facts"). Only
 * pseudonymous columns are read.
 */

const berlinDay = (ts: SQL) => sql`(${ts} at time zone 'Europe/Berlin')::date`;
const firstOfMonth = (day: SQL) => sql`make_date(extract(year from ${day})::int, extract(month from ${day})::int, 1)`;
const ageGroup = (factDay: SQL, birthYear: SQL) => sql`(case
    when extract(year from ${factDay}) - ${birthYear} < 25 then 'under_25'
    when extract(year from ${factDay}) - ${birthYear} < 35 then '25_34'
    when extract(year from ${factDay}) - ${birthYear} < 45 then '35_44'
    when extract(year from ${factDay}) - ${birthYear} < 55 then '45_54'
    else '55_plus' end)`;
const refugee = sql`(case k.refugee_background when true then 'yes' when false then 'no' else '' end)`;
const sortedLanguages = (column: SQL) => sql`array(select distinct l from unnest(${column}) l order by l)`;

const clientColumns = {
  stateCode: sql`coalesce(k.state_code, '')`,
  nationality: sql`coalesce(k.nationalities[1], '')`,
  gender: sql`k.gender`,
  refugee,
};

const consultationColumns = (detail: SQL): Record<RollupColumn, SQL> => ({
  kind: sql`c.kind`,
  detail,
  month: firstOfMonth(sql`c.date`),
  unitId: sql`c.unit_id`,
  recordedOn: berlinDay(sql`c.created_at`),
  channel: sql`c.channel`,
  languages: sortedLanguages(sql`c.languages`),
  profession: sql`coalesce(c.reference_profession_id::text, '')`,
  ageGroup: ageGroup(sql`c.date`, sql`k.birth_year`),
  ...clientColumns,
});

const sentDay = berlinDay(sql`r.sent_at`);

const rawSources: Record<Family, Source> = {
  consultation: {
    from: sql`consultations c join clients k on k.id = c.client_id`,
    where: sql`true`,
    columns: consultationColumns(sql`''`),
    n: sql`1`,
  },
  fi_reason: {
    // One row per distinct reason of a consultation: multiple mentions.
    from: sql`consultations c join clients k on k.id = c.client_id
              cross join lateral (select distinct unnest(c.fi_reasons) as reason) fr`,
    where: sql`true`,
    columns: consultationColumns(sql`fr.reason`),
    n: sql`1`,
  },
  group_event: {
    // Participants by refugee background where recorded, else all under "not stated".
    from: sql`group_events g cross join lateral (
                select 'yes' as refugee, g.refugee_participants as n where g.refugee_participants > 0
                union all select 'no', g.participants - g.refugee_participants where g.participants > g.refugee_participants
                union all select '', g.participants where g.refugee_participants is null) p`,
    where: sql`true`,
    columns: {
      kind: sql`''`,
      detail: sql`''`,
      month: firstOfMonth(sql`g.date`),
      unitId: sql`g.unit_id`,
      recordedOn: berlinDay(sql`g.created_at`),
      channel: sql`g.channel`,
      languages: sortedLanguages(sql`g.languages`),
      stateCode: sql`''`,
      nationality: sql`''`,
      profession: sql`''`,
      gender: sql`''`,
      ageGroup: sql`''`,
      refugee: sql`p.refugee`,
    },
    n: sql`p.n`,
  },
  referral: {
    from: sql`referrals r join clients k on k.id = r.client_id`,
    where: sql`true`,
    columns: {
      kind: sql`r.status`,
      detail: sql`coalesce(r.external_service, 'partner')`,
      month: firstOfMonth(sentDay),
      unitId: sql`r.from_unit_id`,
      recordedOn: sentDay,
      channel: sql`''`,
      languages: sql`'{}'::text[]`,
      profession: sql`''`,
      ageGroup: ageGroup(sentDay, sql`k.birth_year`),
      ...clientColumns,
    },
    n: sql`1`,
  },
  procedure: {
    from: sql`procedures p join clients k on k.id = p.client_id`,
    where: sql`p.decision_date is not null`,
    columns: {
      kind: sql`p.outcome`,
      detail: sql`''`,
      month: firstOfMonth(sql`p.decision_date`),
      unitId: sql`p.unit_id`,
      recordedOn: berlinDay(sql`p.created_at`),
      channel: sql`''`,
      languages: sql`'{}'::text[]`,
      profession: sql`p.reference_profession_id::text`,
      ageGroup: ageGroup(sql`p.decision_date`, sql`k.birth_year`),
      ...clientColumns,
    },
    n: sql`1`,
  },
};

export function rawSource(family: Family): Source {
  return rawSources[family];
}

/** A report's query over the raw facts: the same cells, margins and total as from the rollups. */
export function rawSliceSql(slice: Slice): SQL {
  return sliceSql(rawSources[slice.family], slice);
}

const columnNames: Record<RollupColumn, string> = {
  kind: "kind",
  detail: "detail",
  month: "month",
  unitId: "unit_id",
  recordedOn: "recorded_on",
  channel: "channel",
  languages: "languages",
  stateCode: "state_code",
  nationality: "nationality",
  profession: "profession",
  gender: "gender",
  ageGroup: "age_group",
  refugee: "refugee",
};

/** Days as text: both drivers then answer the same. */
const asText = (column: RollupColumn, expression: SQL) =>
  column === "month" || column === "recordedOn" ? sql`(${expression})::text` : expression;

/** Every family's facts counted per full rollup key: what the rollups must sum to. */
export function rawContributionsSql(family: Family): SQL {
  const source = rawSources[family];
  const columns = rollupColumns.map((c) => sql`${asText(c, source.columns[c])} as ${sql.raw(columnNames[c])}`);
  return sql`select ${family}::text as measure, ${sql.join(columns, sql`, `)}, sum(${source.n})::bigint as n
               from ${source.from} where ${source.where}
              group by ${sql.raw(rollupColumns.map((_, i) => String(i + 2)).join(", "))}
             having sum(${source.n}) <> 0`;
}

/** The rollups summed per full key (journal rows folded), in the same shape. */
export function rollupContributionsSql(family: Family): SQL {
  const columns = rollupColumns.map((c) => sql`${asText(c, sql.raw(columnNames[c]))} as ${sql.raw(columnNames[c])}`);
  return sql`select measure, ${sql.join(columns, sql`, `)}, sum(n)::bigint as n
               from monitoring_rollups where measure = ${family}
              group by ${sql.raw(rollupColumns.map((_, i) => String(i + 2)).join(", "))}, measure
             having sum(n) <> 0`;
}

/**
 * Every family's facts counted per key of the network rollups (migration 0020): per state network
 * (the unit below the root on the sub-project's path) and field of action, once for the total ('')
 * and once per client attribute. Written from the facts and the unit tree, not from the rollups.
 */
export function rawNetworkContributionsSql(family: Family): SQL {
  const source = rawSources[family];
  const c = source.columns;
  return sql`select ${family}::text as measure, kind, detail, month, network_id, field, dimension, value, sum(n)::bigint as n
               from (select ${c.kind} as kind, ${c.detail} as detail, (${c.month})::text as month,
                            split_part(u.path, '/', 2) as network_id, coalesce(u.field_of_action, '') as field,
                            a.dimension, a.value, ${source.n} as n
                       from ${source.from}
                       join units u on u.id = ${c.unitId} and u.type = 'sub_project'
                      cross join lateral (values ('', ''), ('state', ${c.stateCode}), ('nationality', ${c.nationality}),
                                                 ('profession', ${c.profession}), ('gender', ${c.gender}),
                                                 ('age_group', ${c.ageGroup}), ('refugee', ${c.refugee})) a(dimension, value)
                      where ${source.where}) f
              group by kind, detail, month, network_id, field, dimension, value
             having sum(n) <> 0`;
}

/** The network rollups summed per key, in the same shape. */
export function networkRollupContributionsSql(family: Family): SQL {
  return sql`select measure, kind, detail, month::text as month, network_id::text as network_id, field, dimension, value, sum(n)::bigint as n
               from monitoring_network_rollups where measure = ${family}
              group by measure, kind, detail, month, network_id, field, dimension, value
             having sum(n) <> 0`;
}
