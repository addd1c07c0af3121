import type { Executor } from "../../db/index.js";
import { getUnitRefs, type UnitRef } from "../directory/service.js";
import { displayNames } from "../identity/names.js";
import { findReferenceProfessions } from "./reference-professions-repository.js";

/** Labels for ids, looked up once per distinct id: what presenters need besides the rows. */

const distinct = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((id): id is string => Boolean(id)))];

export async function unitsById(exec: Executor, ids: (string | null | undefined)[]): Promise<Map<string, UnitRef>> {
  return new Map((await getUnitRefs(exec, distinct(ids))).map((u) => [u.id, u]));
}

/** Display names of staff, through the identity module. */
export async function userNames(exec: Executor, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  return displayNames(exec, ids);
}

export type ProfessionRef = { id: string; name: string; regulated: boolean };

export async function professionsById(exec: Executor, ids: (string | null | undefined)[]): Promise<Map<string, ProfessionRef>> {
  const rows = await findReferenceProfessions(exec, distinct(ids));
  return new Map(rows.map((p) => [p.id, { id: p.id, name: p.name, regulated: p.regulated }]));
}

export type Labels = { units: Map<string, UnitRef>; users: Map<string, string>; professions: Map<string, ProfessionRef> };

/** Unit, site, counselor and reference-profession labels of consultation rows, one query after the other. */
export async function labelsFor(
  exec: Executor,
  rows: { unitId: string; siteId: string | null; counselorId: string; referenceProfessionId: string | null }[],
): Promise<Labels> {
  const units = await unitsById(
    exec,
    rows.flatMap((r) => [r.unitId, r.siteId]),
  );
  const users = await userNames(
    exec,
    rows.map((r) => r.counselorId),
  );
  const professions = await professionsById(
    exec,
    rows.map((r) => r.referenceProfessionId),
  );
  return { units, users, professions };
}
