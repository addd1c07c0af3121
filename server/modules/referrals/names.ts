import type { Executor } from "../../db/index.js";
import { getUnitRefs } from "../directory/service.js";
import type { UnitNames } from "./presenter.js";

/** Names of the units a set of referrals mentions, looked up once per distinct id. */
export async function unitNames(exec: Executor, ids: (string | null)[]): Promise<UnitNames> {
  const refs = await getUnitRefs(exec, [...new Set(ids.filter((id): id is string => Boolean(id)))]);
  return new Map(refs.map((u) => [u.id, u.name]));
}
