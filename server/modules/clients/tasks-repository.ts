import { and, asc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { TaskDueFilter } from "../../../common/contracts/casework.js";
import { type Executor, queryRows } from "../../db/index.js";
import { clients, clientTasks } from "../../db/schema/index.js";
import { unitIdsInSubtreesSql } from "../directory/service.js";

/** SQL of the follow-up tasks (Wiedervorlagen) on clients. */

export type TaskRow = typeof clientTasks.$inferSelect;
export type TaskInsert = typeof clientTasks.$inferInsert;

/** A task of "my tasks" with the client's number and name (snake case: raw SQL). */
export type MyTaskRow = {
  id: string;
  client_id: string;
  assignee_id: string;
  title: string;
  due_on: string;
  version: number;
  created_at: Date | string;
  client_number: number;
  first_name: string;
  last_name: string;
};

export async function insertTask(exec: Executor, values: TaskInsert): Promise<TaskRow> {
  const [row] = await exec.insert(clientTasks).values(values).returning();
  return row!;
}

export async function findTask(exec: Executor, clientId: string, taskId: string, options: { forUpdate?: boolean } = {}) {
  const query = exec
    .select()
    .from(clientTasks)
    .where(and(eq(clientTasks.id, taskId), eq(clientTasks.clientId, clientId)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** Writes the changes if the version still matches; null when someone else was faster. */
export async function updateTask(exec: Executor, id: string, version: number, changes: Partial<TaskInsert>): Promise<TaskRow | null> {
  const [row] = await exec
    .update(clientTasks)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(clientTasks.id, id), eq(clientTasks.version, version)))
    .returning();
  return row ?? null;
}

/** A client's tasks: open ones first by due day, then done ones, latest first. */
export async function listTasksOfClient(exec: Executor, clientId: string): Promise<TaskRow[]> {
  return exec
    .select()
    .from(clientTasks)
    .where(eq(clientTasks.clientId, clientId))
    .orderBy(sql`${clientTasks.doneAt} is not null`, asc(clientTasks.dueOn), sql`${clientTasks.doneAt} desc`, asc(clientTasks.id));
}

const dueCondition: Record<TaskDueFilter, (today: string) => SQL> = {
  today: (today) => sql`t.due_on = ${today}::date`,
  overdue: (today) => sql`t.due_on < ${today}::date`,
  upcoming: (today) => sql`t.due_on > ${today}::date`,
};

/**
 * The open tasks assigned to a user, on clients they still do casework for (a counselor who
 * moved on does not keep reading names through old tasks), with the client's number and name.
 */
export async function listOpenTasksOf(
  exec: Executor,
  input: { userId: string; paths: string[]; due: TaskDueFilter; today: string; limit: number },
): Promise<MyTaskRow[]> {
  if (input.paths.length === 0) return [];
  return queryRows<MyTaskRow>(
    exec,
    sql`select t.id, t.client_id, t.assignee_id, t.title, t.due_on::text as due_on, t.version, t.created_at,
               c.number as client_number, c.first_name, c.last_name
          from ${clientTasks} t join ${clients} c on c.id = t.client_id
         where t.assignee_id = ${input.userId} and t.done_at is null and ${dueCondition[input.due](input.today)}
           and c.unit_id = any(${unitIdsInSubtreesSql(input.paths)})
           and c.erased_at is null and c.merged_into_id is null
         order by t.due_on, c.last_name, c.first_name, t.id
         limit ${input.limit}`,
  );
}

/** Moves open tasks of one assignee (on the given clients, or on every client of a unit) to another. */
export async function moveOpenTasks(
  exec: Executor,
  where: { clientId: string } | { unitId: string },
  from: string,
  to: string,
): Promise<number> {
  const onClients =
    "clientId" in where
      ? eq(clientTasks.clientId, where.clientId)
      : sql`${clientTasks.clientId} in (select ${clients.id} from ${clients} where ${clients.unitId} = ${where.unitId})`;
  const rows = await exec
    .update(clientTasks)
    .set({ assigneeId: to, version: sql`${clientTasks.version} + 1` })
    .where(and(onClients, eq(clientTasks.assigneeId, from), isNull(clientTasks.doneAt)))
    .returning({ id: clientTasks.id });
  return rows.length;
}
