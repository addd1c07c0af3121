import { percentOneDecimal } from "../../../../common/domain/monitoring/measures.js";
import { hashOf } from "../../directory/data/demo-network.js";
import type { Profession } from "./facts.js";
import { otherNationalities, refugeeWeight } from "./people.js";
import type { PeriodFigures } from "./published.js";
import { apportion, type Random } from "./random.js";

/**
 * Exact distributions of one period's first consultations: how many of each nationality, of each
 * reference profession and with refugee background. The published top five come out with their
 * counts (or percentages); every other value stays below the fifth, so the ranking is as
 * published; the rest follows plausible weights.
 */

export type Distribution = Map<string, number>;

export function nationalityCounts(figures: PeriodFigures, total: number, factor: number): Distribution {
  const top = figures.topNationalities.map(([code, n]) => [code, Math.round(n * factor)] as [string, number]);
  const fifth = top[top.length - 1]![1];
  const others = otherNationalities.filter(([code]) => !top.some(([t]) => t === code));
  const rest = total - top.reduce((s, [, n]) => s + n, 0);
  const parts = apportion(
    rest,
    others.map(([, w]) => w),
    others.map(() => fifth - 1),
  );
  return new Map([...top, ...others.map(([code], i) => [code, parts[i]!] as [string, number])].filter(([, n]) => n > 0));
}

/** A count whose share of the total rounds (one decimal, half up) to the published percentage. */
export function countForShare(percent: number, total: number): number {
  let n = Math.round((percent / 100) * total);
  while (percentOneDecimal(n, total)! < percent) n++;
  while (percentOneDecimal(n, total)! > percent) n--;
  return n;
}

export function professionCounts(figures: PeriodFigures, total: number, professions: Profession[]): Distribution {
  const top = figures.topProfessions.map(([key, p]) => [key, countForShare(p, total)] as [string, number]);
  const fifth = top[top.length - 1]![1];
  const others = professions.filter((p) => !top.some(([k]) => k === p.key));
  const rest = total - top.reduce((s, [, n]) => s + n, 0);
  // Health and engineering professions are asked for more often than, say, a pilot's licence.
  const parts = apportion(
    rest,
    others.map((p) => 1 + (hashOf(`profession:${p.key}`) % 9)),
    others.map(() => fifth - 1),
  );
  return new Map([...top, ...others.map((p, i) => [p.key, parts[i]!] as [string, number])].filter(([, n]) => n > 0));
}

/** Refugees per nationality: the published total, spread by each nationality's propensity. */
export function refugeeCounts(nationalities: Distribution, refugees: number, period: number): Distribution {
  const codes = [...nationalities.keys()];
  const parts = apportion(
    refugees,
    codes.map((c) => nationalities.get(c)! * refugeeWeight(c, period)),
    codes.map((c) => nationalities.get(c)!),
  );
  return new Map(codes.map((c, i) => [c, parts[i]!]));
}

/** Scales a distribution to a new total (the demo's months after the publication). */
export function scaled(distribution: Distribution, total: number): Distribution {
  const codes = [...distribution.keys()];
  const parts = apportion(
    total,
    codes.map((c) => distribution.get(c)!),
  );
  return new Map(codes.map((c, i) => [c, parts[i]!] as [string, number]).filter(([, n]) => n > 0));
}

/**
 * Hands out the values of a distribution to records, exactly. `skew` prefers some records for a
 * value (weighted sampling without replacement: Ukrainians mostly from March 2022 on).
 */
export function assign<T>(
  records: T[],
  distribution: Distribution,
  random: Random,
  set: (record: T, value: string) => void,
  skew?: Map<string, (record: T) => number>,
): void {
  const taken = new Uint8Array(records.length);
  for (const [value, weightOf] of skew ?? []) {
    const count = distribution.get(value) ?? 0;
    const keyed = records.map((r, i) => ({ i, key: taken[i] ? Number.POSITIVE_INFINITY : -Math.log(1 - random.next()) / weightOf(r) }));
    keyed.sort((a, b) => a.key - b.key);
    for (let k = 0; k < count; k++) {
      taken[keyed[k]!.i] = 1;
      set(records[keyed[k]!.i]!, value);
    }
  }
  const values: string[] = [];
  for (const [value, count] of distribution) if (!skew?.has(value)) for (let k = 0; k < count; k++) values.push(value);
  const free: number[] = [];
  for (let i = 0; i < records.length; i++) if (!taken[i]) free.push(i);
  if (free.length !== values.length) throw new Error(`assign: ${values.length} values for ${free.length} records`);
  for (let k = values.length - 1; k > 0; k--) {
    const j = Math.floor(random.next() * (k + 1));
    [values[k], values[j]] = [values[j]!, values[k]!];
  }
  free.forEach((i, k) => {
    set(records[i]!, values[k]!);
  });
}
