import { DEFAULT_FUNDING_PERIODS, parseFundingPeriods } from "../../../../common/domain/funding-periods.js";
import { referenceProfessionSeed } from "../../../../common/domain/reference-professions.js";
import { germanStates } from "../../../../common/domain/units.js";
import type { GeneratorContext } from "./facts.js";

/** A generator context without a database (units and ids are stand-ins): for plan-level tests. */
export function offlineContext(options: { factor: number; endMonth: number; today: string; seed?: number }): GeneratorContext {
  return {
    seed: options.seed ?? 7,
    factor: options.factor,
    endMonth: options.endMonth,
    today: options.today,
    networks: germanStates.map((s) => ({
      state: s.code,
      recognition: [`${s.code}:recognition:1`, `${s.code}:recognition:2`, `${s.code}:recognition:3`],
      faireIntegration: [`${s.code}:fi`],
      partners: [`${s.code}:qualification`],
      counselorId: `${s.code}:counselor`,
    })),
    professions: referenceProfessionSeed.map((p) => ({ key: p.key, id: `profession:${p.key}`, kind: p.kind })),
    fundingPeriods: parseFundingPeriods(DEFAULT_FUNDING_PERIODS),
  };
}
