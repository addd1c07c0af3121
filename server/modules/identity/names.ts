import { inArray } from "drizzle-orm";
import type { Executor } from "../../db/index.js";
import { users } from "../../db/schema/index.js";

/** Display names of users by id, for records that name who did something (timelines, lists). */
export async function displayNames(exec: Executor, ids: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await exec.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
