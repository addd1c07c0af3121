import { normalizeName } from "../../../../common/domain/clients.js";
import { fundingPeriodOf } from "../../../../common/domain/funding-periods.js";
import { germanStates, type StateCode } from "../../../../common/domain/units.js";
import { allocateFirsts, followUpTargets, segments } from "./allocation.js";
import { assign, type Distribution, nationalityCounts, professionCounts, refugeeCounts, scaled } from "./attributes.js";
import { addDays, daysBetween, monthIndex, monthOfDay, randomDay, recordedAt, START_YEAR } from "./calendar.js";
import type { ClientRow, ConsultationRow, Facts, GeneratorContext, GeneratorNetwork } from "./facts.js";
import { birthYearFor, channelFor, genderFor, languagesFor, nameFor } from "./people.js";
import { followUpsPerFirst, publishedPeriods } from "./published.js";
import { randomStream } from "./random.js";

/**
 * Recognition and qualification counseling: one client per first consultation, with the exact
 * published distributions per period, and follow-ups after it within the same funding period.
 */

type First = { client: ClientRow; consultation: ConsultationRow; state: StateCode; month: number };

export function recognitionCounseling(ctx: GeneratorContext, facts: Facts): First[] {
  const random = randomStream(ctx.seed, "recognition");
  const states = ctx.networks.map((n) => n.state);
  const byState = new Map(ctx.networks.map((n) => [n.state, n]));
  const counts = allocateFirsts(states, ctx.factor, ctx.endMonth);
  const unitWeights = new Map<string, number>();
  for (const n of ctx.networks) for (const u of n.recognition) unitWeights.set(u, 0.5 + random.next());

  const firsts: First[] = [];
  for (const [state, perMonth] of counts) {
    const network = byState.get(state)!;
    const weights = network.recognition.map((u) => unitWeights.get(u)!);
    perMonth.forEach((count, month) => {
      for (let k = 0; k < count; k++) firsts.push(newFirst(ctx, random, network, month, weights));
    });
  }

  // Attributes, period by period, exactly as published.
  const list = segments(ctx.factor, ctx.endMonth);
  const professionById = new Map(ctx.professions.map((p) => [p.key, p]));
  let previous: { nationalities: Distribution; professions: Distribution; refugeeShare: number } | undefined;
  list.forEach((segment, s) => {
    const records = firsts.filter((f) => f.month >= segment.from && f.month <= segment.to);
    const figures = publishedPeriods[s];
    const nationalities = figures
      ? nationalityCounts(figures, records.length, ctx.factor)
      : scaled(previous!.nationalities, records.length);
    const professions = figures
      ? professionCounts(figures, records.length, ctx.professions)
      : scaled(previous!.professions, records.length);
    const refugees = figures ? Math.round(figures.refugee * ctx.factor) : Math.round(records.length * previous!.refugeeShare);
    const ukraine = monthIndex("2022-03");
    const skew = new Map<string, (f: First) => number>([
      ["UA", (f) => (f.month >= ukraine ? 12 : 1)],
      ["SY", (f) => (f.month < 24 ? 2 : 1)],
    ]);
    assign(records, nationalities, random, (f, code) => (f.client.nationality = code), skew);
    assign(records, professions, random, (f, key) => {
      const p = professionById.get(key)!;
      f.consultation.professionId = p.id;
      f.client.qualificationKind = p.kind;
    });
    const refugeeByNationality = refugeeCounts(nationalities, refugees, s);
    const groups = new Map<string, First[]>();
    for (const f of records) {
      const g = groups.get(f.client.nationality) ?? [];
      g.push(f);
      groups.set(f.client.nationality, g);
    }
    for (const [code, group] of groups) {
      const yes = refugeeByNationality.get(code) ?? 0;
      assign(
        group,
        new Map([
          ["yes", yes],
          ["no", group.length - yes],
        ]),
        random,
        (f, v) => {
          // A few persons without refugee background did not say (counted as "not stated").
          f.client.refugee = v === "yes" ? true : random.chance(0.03) ? null : false;
        },
      );
    }
    for (const f of records) f.consultation.languages = languagesFor(random, f.client.nationality);
    previous = { nationalities, professions, refugeeShare: refugees / Math.max(1, records.length) };
  });

  for (const f of firsts) {
    facts.clients.push(f.client);
    facts.consultations.push(f.consultation);
  }
  followUps(ctx, firsts, facts);
  return firsts;
}

function newFirst(
  ctx: GeneratorContext,
  random: ReturnType<typeof randomStream>,
  network: GeneratorNetwork,
  month: number,
  weights: number[],
): First {
  const unitId = network.recognition[random.weighted(weights)]!;
  const date = randomDay(random, month, ctx.today);
  const createdAt = recordedAt(random, date, ctx.today);
  const [firstName, lastName] = nameFor(random);
  const year = START_YEAR + Math.floor(month / 12);
  const stateCode = random.chance(0.97) ? network.state : random.pick(germanStates).code;
  const client: ClientRow = {
    id: random.uuid(),
    unitId,
    firstName,
    lastName,
    birthYear: birthYearFor(random, year),
    gender: genderFor(random),
    nationality: "",
    stateCode,
    refugee: null,
    qualificationKind: "not_stated",
    counselorId: network.counselorId,
    lastContactOn: date,
    createdAt,
  };
  const consultation: ConsultationRow = {
    id: random.uuid(),
    clientId: client.id,
    unitId,
    counselorId: network.counselorId,
    date,
    fundingPeriod: fundingPeriodOf(ctx.fundingPeriods, date)!.code,
    kind: "first_consultation",
    channel: channelFor(random, year),
    languages: ["de"],
    professionId: null,
    fiReasons: [],
    createdAt,
  };
  return { client, consultation, state: network.state, month };
}

export function searchNameOf(client: ClientRow): string {
  return normalizeName(client.firstName, client.lastName);
}

/** The last day a follow-up of this first consultation may have: its funding period's end, the data's end. */
function lastDayFor(ctx: GeneratorContext, first: ConsultationRow, rangeEnd?: string): string {
  const period = fundingPeriodOf(ctx.fundingPeriods, first.date)!;
  const days = [period.to, ctx.today, ...(rangeEnd ? [rangeEnd] : [])].sort();
  return days[0]!;
}

const endOfMonth = (month: number) =>
  addDays(`${START_YEAR + Math.floor((month + 1) / 12)}-${String(((month + 1) % 12) + 1).padStart(2, "0")}-01`, -1);

function followUpOf(ctx: GeneratorContext, random: ReturnType<typeof randomStream>, f: First, date: string): ConsultationRow {
  return {
    ...f.consultation,
    id: random.uuid(),
    date,
    kind: "follow_up",
    channel: channelFor(random, Number(date.slice(0, 4))),
    createdAt: recordedAt(random, date, ctx.today),
  };
}

/**
 * Follow-ups: a geometric number per first consultation, weeks to months apart, within the first
 * consultation's funding period; then, where a state network published its count of follow-ups or
 * of all consultations for a range of months, follow-ups in that range are added or removed until
 * the count is exact.
 */
function followUps(ctx: GeneratorContext, firsts: First[], facts: Facts): void {
  const random = randomStream(ctx.seed, "follow-ups");
  const targets = followUpTargets(ctx.factor).map((t) => {
    const inRange = firsts.filter((f) => f.state === t.state && f.month >= t.from && f.month <= t.to);
    const wanted = t.kind === "all" ? t.count - inRange.length : t.count;
    if (wanted < 0) throw new Error(`state figure for ${t.state} is below its first consultations`);
    return { ...t, inRange, wanted };
  });
  const meanFor = (f: First) => {
    const t = targets.find((x) => x.state === f.state && f.month >= x.from && f.month <= x.to);
    return t ? t.wanted / Math.max(1, t.inRange.length) : followUpsPerFirst;
  };
  const all: { first: First; row: ConsultationRow }[] = [];
  for (const f of firsts) {
    const mean = meanFor(f);
    const last = lastDayFor(ctx, f.consultation);
    let date = f.consultation.date;
    while (random.chance(mean / (1 + mean))) {
      date = addDays(date, random.int(7, 90));
      if (date > last) break;
      all.push({ first: f, row: followUpOf(ctx, random, f, date) });
    }
  }
  // Exact where published.
  const removed = new Set<ConsultationRow>();
  for (const t of targets) {
    const inside = all.filter((x) => x.first.state === t.state && monthOfDay(x.row.date) >= t.from && monthOfDay(x.row.date) <= t.to);
    let count = inside.length;
    for (let k = inside.length - 1; count > t.wanted && k >= 0; k--) {
      const j = random.int(0, k);
      [inside[k], inside[j]] = [inside[j]!, inside[k]!];
      removed.add(inside[k]!.row);
      count--;
    }
    const rangeEnd = endOfMonth(t.to);
    const candidates = t.inRange;
    while (count < t.wanted) {
      const f = candidates[random.int(0, candidates.length - 1)]!;
      const last = lastDayFor(ctx, f.consultation, rangeEnd);
      const date = addDays(f.consultation.date, random.int(0, Math.max(0, daysBetween(f.consultation.date, last))));
      all.push({ first: f, row: followUpOf(ctx, random, f, date) });
      count++;
    }
  }
  for (const { first, row } of all) {
    if (removed.has(row)) continue;
    facts.consultations.push(row);
    if (row.date > first.client.lastContactOn) first.client.lastContactOn = row.date;
  }
}
