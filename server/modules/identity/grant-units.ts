import type { Executor } from "../../db/index.js";
import { getUnitRefs, type UnitRef } from "../directory/service.js";

/**
 * Attaches the unit (path, type, name) to each grant through the directory service; identity
 * never reads the directory's tables. A grant whose unit is gone is dropped.
 */
export async function withUnits<T extends { unitId: string }>(exec: Executor, grants: readonly T[]): Promise<(T & { unit: UnitRef })[]> {
  if (grants.length === 0) return [];
  const refs = new Map((await getUnitRefs(exec, [...new Set(grants.map((g) => g.unitId))])).map((u) => [u.id, u]));
  return grants.flatMap((g) => {
    const unit = refs.get(g.unitId);
    return unit ? [{ ...g, unit }] : [];
  });
}
