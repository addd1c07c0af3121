import { and, eq, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/index.js";
import { clients, clientTasks } from "../../db/schema/index.js";
import { unitIdsInSubtreesSql } from "../directory/service.js";

/** SQL of the caseload (Fallbestand): which counselor looks after which client. */

/** Puts a client into a counselor's caseload if the version still matches; null when stale. */
export async function setCounselor(exec: Executor, clientId: string, version: number, counselorId: string, now: Date) {
  const [row] = await exec
    .update(clients)
    .set({ counselorId, version: version + 1, updatedAt: now })
    .where(and(eq(clients.id, clientId), eq(clients.version, version)))
    .returning({ id: clients.id, version: clients.version });
  return row ?? null;
}

/**
 * Moves every client of the unit in `from`'s caseload to `to` (a new version each, so an edit
 * begun before the move is detected); returns the moved ids in a stable order.
 */
export async function moveUnitCaseload(exec: Executor, unitId: string, from: string, to: string, now: Date): Promise<string[]> {
  const rows = await exec
    .update(clients)
    .set({ counselorId: to, version: sql`${clients.version} + 1`, updatedAt: now })
    .where(and(eq(clients.unitId, unitId), eq(clients.counselorId, from)))
    .returning({ id: clients.id });
  return rows.map((r) => r.id).sort();
}

export type CaseloadCountRow = {
  unit_id: string;
  counselor_id: string | null;
  clients: number;
  open_tasks: number;
  overdue_tasks: number;
};

/**
 * Per unit (at or under the paths) and counselor: clients in the caseload (erased and merged-away
 * records no longer count) and open / overdue tasks assigned to them. Counts only, no names.
 */
export async function caseloadCounts(
  exec: Executor,
  input: { paths: string[]; counselorId?: string; today: string },
): Promise<CaseloadCountRow[]> {
  if (input.paths.length === 0) return [];
  const counselor = input.counselorId;
  const inScope = sql`c.unit_id = any(${unitIdsInSubtreesSql(input.paths)})`;
  return queryRows<CaseloadCountRow>(
    exec,
    sql`with load as (
         select c.unit_id, c.counselor_id, count(*)::int as clients
           from ${clients} c
          where ${inScope} and c.erased_at is null and c.merged_into_id is null
            ${counselor ? sql`and c.counselor_id = ${counselor}` : sql``}
          group by c.unit_id, c.counselor_id),
       open as (
         select c.unit_id, t.assignee_id as counselor_id, count(*)::int as open_tasks,
                (count(*) filter (where t.due_on < ${input.today}::date))::int as overdue_tasks
           from ${clientTasks} t join ${clients} c on c.id = t.client_id
          where ${inScope} and t.done_at is null and c.erased_at is null and c.merged_into_id is null
            ${counselor ? sql`and t.assignee_id = ${counselor}` : sql``}
          group by c.unit_id, t.assignee_id)
     select coalesce(l.unit_id, o.unit_id) as unit_id, coalesce(l.counselor_id, o.counselor_id) as counselor_id,
            coalesce(l.clients, 0) as clients, coalesce(o.open_tasks, 0) as open_tasks, coalesce(o.overdue_tasks, 0) as overdue_tasks
       from load l full join open o on o.unit_id = l.unit_id and o.counselor_id = l.counselor_id`,
  );
}
