import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/index.js";
import { units } from "../../db/schema/index.js";
import type { UnitType } from "../../../common/domain/units.js";

/** What other modules may know about a unit: enough to check scopes and to label it. */
export type UnitRef = { id: string; name: string; type: UnitType; path: string; stateCode: string | null; closedOn: string | null };

const refColumns = { id: units.id, name: units.name, type: units.type, path: units.path, stateCode: units.stateCode, closedOn: units.closedOn };

/** The public way for other modules (identity, later clients…) to look up units. */
export async function getUnitRef(exec: Executor, id: string): Promise<UnitRef | null> {
  const [row] = await exec.select(refColumns).from(units).where(eq(units.id, id));
  return (row as UnitRef | undefined) ?? null;
}

export async function getUnitRefs(exec: Executor, ids: string[]): Promise<UnitRef[]> {
  if (ids.length === 0) return [];
  return (await exec.select(refColumns).from(units).where(inArray(units.id, ids))) as UnitRef[];
}
