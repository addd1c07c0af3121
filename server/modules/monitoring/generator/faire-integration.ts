import { fundingPeriodOf } from "../../../../common/domain/funding-periods.js";
import { hashOf } from "../../directory/data/demo-network.js";
import { addDays, daysBetween, monthIndex, randomDay, recordedAt, START_YEAR } from "./calendar.js";
import type { ClientRow, ConsultationRow, Facts, GeneratorContext, GeneratorNetwork, GroupEventRow } from "./facts.js";
import { birthYearFor, channelFor, faireIntegrationNationalities, genderFor, languagesFor, nameFor } from "./people.js";
import { faireIntegration as published } from "./published.js";
import { apportion, type Random, randomStream, shuffle } from "./random.js";

/**
 * Beratung Faire Integration: labour- and social-law counseling of third-country workers in the
 * Faire Integration sub-projects. The published counts of first consultations, follow-ups,
 * referral consultations, group event participants and each reason's mentions (first / follow-up)
 * are met exactly in their published ranges; after them the same pace goes on.
 */

type Centre = { unitId: string; network: GeneratorNetwork; start: number; weight: number };
type FiFirst = { client: ClientRow; consultation: ConsultationRow };

const from = monthIndex(published.from);
const to = monthIndex(published.to);
const lastOfRange = "2022-06-30";

function centres(ctx: GeneratorContext): Centre[] {
  // The centres opened between November 2017 and July 2018 (footnote of the publication).
  return ctx.networks.flatMap((network) =>
    network.faireIntegration.map((unitId) => ({
      unitId,
      network,
      start: from + (hashOf(`fi-start:${unitId}`) % 9),
      weight: 0.6 + (hashOf(`fi-weight:${unitId}`) % 100) / 100,
    })),
  );
}

/**
 * Counts per (centre, month) for a total over a month range, after each centre's start. Every
 * centre gets at least one in its last month when the total allows (the demo's small numbers
 * would otherwise leave a state network without any).
 */
function spread(list: Centre[], first: number, last: number, total: number): { centre: Centre; month: number; count: number }[] {
  const cells = list.flatMap((centre) =>
    Array.from({ length: last - first + 1 }, (_, i) => ({ centre, month: first + i })).filter((c) => c.month >= c.centre.start),
  );
  const lastCells = new Set(list.map((centre) => cells.findLastIndex((c) => c.centre === centre)).filter((i) => i >= 0));
  const floor = total >= lastCells.size ? 1 : 0;
  const counts = apportion(
    total - floor * lastCells.size,
    cells.map((c) => c.centre.weight * (1 + (c.month - from) / 60)),
  );
  return cells.map((c, i) => ({ ...c, count: counts[i]! + (lastCells.has(i) ? floor : 0) }));
}

function newClient(ctx: GeneratorContext, random: Random, centre: Centre, date: string): FiFirst {
  const nationalityIndex = random.weighted(faireIntegrationNationalities.map(([, w]) => w));
  const nationality = faireIntegrationNationalities[nationalityIndex]![0];
  const [firstName, lastName] = nameFor(random);
  const createdAt = recordedAt(random, date, ctx.today);
  const year = Number(date.slice(0, 4));
  const client: ClientRow = {
    id: random.uuid(),
    unitId: centre.unitId,
    firstName,
    lastName,
    birthYear: birthYearFor(random, year),
    gender: random.chance(0.6) ? "male" : "female",
    nationality,
    stateCode: centre.network.state,
    refugee: random.chance(0.55),
    qualificationKind: "not_stated",
    counselorId: centre.network.counselorId,
    lastContactOn: date,
    createdAt,
  };
  const consultation: ConsultationRow = {
    id: random.uuid(),
    clientId: client.id,
    unitId: centre.unitId,
    counselorId: centre.network.counselorId,
    date,
    fundingPeriod: fundingPeriodOf(ctx.fundingPeriods, date)!.code,
    kind: "first_consultation",
    channel: channelFor(random, year),
    languages: languagesFor(random, nationality),
    professionId: null,
    fiReasons: [],
    createdAt,
  };
  return { client, consultation };
}

export function faireIntegrationCounseling(ctx: GeneratorContext, facts: Facts): void {
  const random = randomStream(ctx.seed, "faire-integration");
  const list = centres(ctx);
  const scale = (n: number) => Math.round(n * ctx.factor);
  const firstsIn: FiFirst[] = [];
  const firstsAfter: FiFirst[] = [];
  const rate = published.firstConsultations / (to - from + 1);
  for (const cell of [
    ...spread(list, from, to, scale(published.firstConsultations)),
    ...spread(list, to + 1, ctx.endMonth, scale(rate * Math.max(0, ctx.endMonth - to))),
  ]) {
    for (let k = 0; k < cell.count; k++) {
      const f = newClient(ctx, random, cell.centre, randomDay(random, cell.month, ctx.today));
      (cell.month <= to ? firstsIn : firstsAfter).push(f);
    }
  }
  // Follow-ups: in the range exactly as published, then at the same ratio.
  const followIn = followUpsOf(ctx, random, firstsIn, scale(published.followUps), lastOfRange);
  const followAfter = followUpsOf(
    ctx,
    random,
    firstsAfter,
    Math.round(firstsAfter.length * (published.followUps / published.firstConsultations)),
    ctx.today,
  );
  giveReasons(
    random,
    firstsIn.map((f) => f.consultation),
    published.reasons.map(([r, n]) => [r, scale(n)]),
  );
  giveReasons(
    random,
    followIn,
    published.reasons.map(([r, , n]) => [r, scale(n)]),
  );
  for (const c of [...firstsAfter.map((f) => f.consultation), ...followAfter]) {
    c.fiReasons = [published.reasons[random.weighted(published.reasons.map(([, a, b]) => a + b))]![0]];
  }
  for (const f of [...firstsIn, ...firstsAfter]) {
    facts.clients.push(f.client);
    facts.consultations.push(f.consultation);
  }
  facts.consultations.push(...followIn, ...followAfter);

  // Referral consultations (short, one-off): a client each.
  const ref = published.referralConsultations;
  const refRate = ref.count / (to - monthIndex(ref.from) + 1);
  for (const cell of [
    ...spread(list, monthIndex(ref.from), to, scale(ref.count)),
    ...spread(list, to + 1, ctx.endMonth, scale(refRate * Math.max(0, ctx.endMonth - to))),
  ]) {
    for (let k = 0; k < cell.count; k++) {
      const f = newClient(ctx, random, cell.centre, randomDay(random, cell.month, ctx.today));
      f.consultation.kind = "referral_consultation";
      facts.clients.push(f.client);
      facts.consultations.push(f.consultation);
    }
  }
  groupEvents(ctx, random, list, facts);
}

function followUpsOf(ctx: GeneratorContext, random: Random, firsts: FiFirst[], count: number, lastDay: string): ConsultationRow[] {
  const rows: ConsultationRow[] = [];
  if (firsts.length === 0) return rows;
  while (rows.length < count) {
    const f = firsts[random.int(0, firsts.length - 1)]!;
    const period = fundingPeriodOf(ctx.fundingPeriods, f.consultation.date)!;
    const last = [period.to, lastDay, ctx.today].sort()[0]!;
    const date = addDays(f.consultation.date, random.int(0, Math.min(120, Math.max(0, daysBetween(f.consultation.date, last)))));
    if (date > f.client.lastContactOn) f.client.lastContactOn = date;
    rows.push({ ...f.consultation, id: random.uuid(), date, kind: "follow_up", createdAt: recordedAt(random, date, ctx.today) });
  }
  return rows;
}

/**
 * Multiple mentions, exactly: every consultation names at least one reason (a first reason drawn
 * in proportion to the counts), and each reason's further mentions go to consultations that do not
 * name it yet.
 */
export function giveReasons(random: Random, consultations: ConsultationRow[], counts: [string, number][]): void {
  const n = consultations.length;
  if (n === 0) return;
  const primary = apportion(
    Math.min(
      n,
      counts.reduce((s, [, c]) => s + c, 0),
    ),
    counts.map(([, c]) => c),
    counts.map(([, c]) => c),
  );
  const order = shuffle(
    consultations.map((_, i) => i),
    random,
  );
  let at = 0;
  counts.forEach(([reason], r) => {
    for (let k = 0; k < primary[r]!; k++) consultations[order[at++]!]!.fiReasons = [reason];
  });
  counts.forEach(([reason, count], r) => {
    let extra = count - primary[r]!;
    const without = shuffle(
      consultations.filter((c) => !c.fiReasons.includes(reason)),
      random,
    );
    for (const c of without) {
      if (extra-- <= 0) break;
      c.fiReasons = [...c.fiReasons, reason];
    }
  });
}

/** Group information events: participants counted, exactly as published for 01/2019–06/2022. */
function groupEvents(ctx: GeneratorContext, random: Random, list: Centre[], facts: Facts): void {
  const g = published.groupEventParticipants;
  const ranges = [
    { first: monthIndex(g.from), last: to, total: Math.round(g.count * ctx.factor) },
    {
      first: to + 1,
      last: ctx.endMonth,
      total: Math.round((g.count / (to - monthIndex(g.from) + 1)) * Math.max(0, ctx.endMonth - to) * ctx.factor),
    },
  ];
  for (const range of ranges) {
    if (range.total <= 0 || range.last < range.first) continue;
    const sizes: number[] = [];
    let left = range.total;
    while (left > 0) {
      const size = Math.min(left, random.int(4, 24));
      sizes.push(size);
      left -= size;
    }
    const cells = spread(list, range.first, range.last, sizes.length);
    let i = 0;
    for (const cell of cells) {
      for (let k = 0; k < cell.count; k++) {
        const participants = sizes[i++]!;
        const date = randomDay(random, cell.month, ctx.today);
        const year = START_YEAR + Math.floor(cell.month / 12);
        const row: GroupEventRow = {
          id: random.uuid(),
          unitId: cell.centre.unitId,
          date,
          title: random.pick([
            "Rechte am Arbeitsplatz",
            "Arbeitsvertrag und Lohn",
            "Kündigung – was tun?",
            "Minijob und Sozialversicherung",
          ]),
          channel: random.chance(year >= 2020 ? 0.4 : 0.1) ? "video" : "in_person",
          languages: random.chance(0.5) ? ["de", random.pick(["ar", "fa", "uk", "ru", "tr", "en"])] : ["de"],
          participants,
          refugeeParticipants: random.chance(0.8) ? random.int(0, participants) : null,
          createdAt: recordedAt(random, date, ctx.today),
        };
        facts.groupEvents.push(row);
      }
    }
  }
}
