import type { StateCode } from "../../../../common/domain/units.js";
import { demand, monthIndex } from "./calendar.js";
import { dataEndMonth, networkWeights, publishedPeriods, stateFigures } from "./published.js";
import { apportion } from "./random.js";

/**
 * How many first consultations of recognition counseling each state network records in each
 * month. The national totals of the two published periods and every exact "in Zahlen" figure are
 * met exactly (scaled by `factor` for the demo); the rest follows the networks' weights and the
 * monthly demand.
 */

export type Segment = { from: number; to: number; total: number };

/** The published periods, and for the demo the months after them up to `endMonth`. */
export function segments(factor: number, endMonth: number): Segment[] {
  const list = publishedPeriods.map((p) => ({
    from: monthIndex(p.from),
    to: monthIndex(p.to),
    total: Math.round(p.firstConsultations * factor),
  }));
  const last = monthIndex(dataEndMonth);
  if (endMonth > last) {
    // After the publication: the national pace of 2022 (about 4,000 a month).
    list.push({ from: last + 1, to: endMonth, total: Math.round(4_000 * factor * (endMonth - last)) });
  }
  return list;
}

type Piece = { state: StateCode; from: number; to: number; count: number };

const sumDemand = (from: number, to: number) => {
  let s = 0;
  for (let m = from; m <= to; m++) s += demand(m);
  return s;
};

/** Exact state figures of first consultations, split at the period boundaries. */
function pieces(factor: number, list: Segment[]): Piece[] {
  const result: Piece[] = [];
  for (const f of stateFigures.filter((x) => x.measure === "first")) {
    const from = monthIndex(f.from);
    const to = monthIndex(f.to);
    const parts = list.map((s) => ({ from: Math.max(from, s.from), to: Math.min(to, s.to) })).filter((p) => p.from <= p.to);
    const counts = apportion(
      Math.round(f.count * factor),
      parts.map((p) => sumDemand(p.from, p.to)),
    );
    parts.forEach((p, i) => {
      result.push({ state: f.state, ...p, count: counts[i]! });
    });
  }
  return result;
}

export function allocateFirsts(states: readonly StateCode[], factor: number, endMonth: number): Map<StateCode, number[]> {
  const counts = new Map(states.map((s) => [s, new Array<number>(endMonth + 1).fill(0)]));
  const list = segments(factor, endMonth);
  const fixed = pieces(factor, list);
  for (const seg of list) {
    const inSeg = fixed.filter((p) => p.from >= seg.from && p.to <= seg.to);
    for (const p of inSeg) {
      const months = Array.from({ length: p.to - p.from + 1 }, (_, i) => p.from + i);
      apportion(p.count, months.map(demand)).forEach((c, i) => {
        counts.get(p.state)![months[i]!] = c;
      });
    }
    const residual = seg.total - inSeg.reduce((s, p) => s + p.count, 0);
    if (residual < 0) throw new Error("the state figures exceed the national total");
    const free: [StateCode, number][] = [];
    for (const state of states) {
      for (let m = seg.from; m <= seg.to; m++) {
        if (!inSeg.some((p) => p.state === state && m >= p.from && m <= p.to)) free.push([state, m]);
      }
    }
    apportion(
      residual,
      free.map(([state, m]) => networkWeights[state] * demand(m)),
    ).forEach((c, i) => {
      const [state, m] = free[i]!;
      counts.get(state)![m] = c;
    });
  }
  return counts;
}

/** Follow-up targets: "all" and "followUps" figures as follow-ups in a state network's month range. */
export function followUpTargets(
  factor: number,
): { state: StateCode; from: number; to: number; count: number; kind: "all" | "followUps" }[] {
  return stateFigures
    .filter((f) => f.measure !== "first")
    .map((f) => ({
      state: f.state,
      from: monthIndex(f.from),
      to: monthIndex(f.to),
      count: Math.round(f.count * factor),
      kind: f.measure as "all" | "followUps",
    }));
}
