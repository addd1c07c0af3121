import type { CreateTaskRequest, MyTask, Task, TaskDueFilter, UpdateTaskRequest } from "../../../common/contracts/casework.js";
import type { TimelineEntry } from "../../../common/contracts/timeline.js";
import type { Executor } from "../../db/index.js";
import type { RequestOrigin } from "../../platform/actor.js";
import type { AppContext } from "../../platform/context.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { ensure } from "../../platform/policy.js";
import { recordAuditEvent } from "../audit/service.js";
import { berlinToday } from "../directory/service.js";
import { displayNames } from "../identity/names.js";
import { listStaffCovering, type StaffRef } from "../identity/user-repository.js";
import { type ClientAccess, withClientAccess } from "./access.js";
import { presentMyTask, presentTask, type StaffNames } from "./casework-presenter.js";
import { CASEWORK_ROLES, caseworkPaths, doesCasework } from "./policy.js";
import * as repo from "./tasks-repository.js";

/** Follow-up tasks (Wiedervorlagen): due on a Berlin day, for one counselor of the client's sub-project. */

const RECORD = "client_task";
/** "My tasks" is a working list, not an archive: enough for any day's work. */
const MY_TASKS_LIMIT = 200;

export const staffNames: (exec: Executor, ids: readonly string[]) => Promise<StaffNames> = displayNames;

/** Someone who does casework in the client's sub-project (counselor or lead), else a field error. */
export async function caseworkerAt(exec: Executor, unitPath: string, userId: string, field: string): Promise<StaffRef> {
  const [staff] = await listStaffCovering(exec, unitPath, CASEWORK_ROLES, [userId]);
  if (!staff) throw invalidField(field, "not_allowed", "Diese Person berät nicht in dem Teilprojekt, das die Beratung führt");
  return staff;
}

function notInThePast(ctx: AppContext, dueOn: string) {
  if (dueOn < berlinToday(ctx)) throw invalidField("dueOn", "in_past", "Das Datum liegt in der Vergangenheit");
}

function assertNotErased(access: ClientAccess) {
  if (access.erasedAt) throw new AppError("invalid_state", { detail: "Die personenbezogenen Daten wurden gelöscht." });
}

export async function createTask(ctx: AppContext, origin: RequestOrigin, clientId: string, input: CreateTaskRequest): Promise<Task> {
  const actor = origin.actor!;
  const now = ctx.clock.now();
  const options = { purpose: "change", action: "task.create" } as const;
  return withClientAccess(ctx.database.db, origin, clientId, now, options, async (tx, access) => {
    assertNotErased(access);
    notInThePast(ctx, input.dueOn);
    const assignee = await caseworkerAt(tx, access.unitPath, input.assigneeId ?? actor.userId, "assigneeId");
    const row = await repo.insertTask(tx, {
      clientId,
      assigneeId: assignee.id,
      title: input.title,
      dueOn: input.dueOn,
      createdBy: actor.userId,
      createdAt: now,
    });
    await recordAuditEvent(tx, origin, {
      action: "task.create",
      outcome: "success",
      recordType: RECORD,
      recordId: row.id,
      details: { clientId },
    });
    return presentTask(row, new Map([[assignee.id, assignee.displayName]]));
  });
}

/** Changes the fields sent; `done` closes or reopens. Optimistic locking by version (409). */
export async function updateTask(
  ctx: AppContext,
  origin: RequestOrigin,
  clientId: string,
  taskId: string,
  input: UpdateTaskRequest,
): Promise<Task> {
  const actor = origin.actor!;
  const now = ctx.clock.now();
  const options = { purpose: "change", action: "task.update" } as const;
  return withClientAccess(ctx.database.db, origin, clientId, now, options, async (tx, access) => {
    const task = await repo.findTask(tx, clientId, taskId, { forUpdate: true });
    if (!task) throw new AppError("not_found");
    if (task.version !== input.version) throw new AppError("conflict", { extra: { currentVersion: task.version } });
    const { version, done, ...fields } = input;
    if (fields.dueOn !== undefined && fields.dueOn !== task.dueOn) notInThePast(ctx, fields.dueOn);
    if (fields.assigneeId !== undefined && fields.assigneeId !== task.assigneeId) {
      await caseworkerAt(tx, access.unitPath, fields.assigneeId, "assigneeId");
    }
    const closing =
      done === undefined ? {} : done ? { doneAt: task.doneAt ?? now, doneBy: task.doneBy ?? actor.userId } : { doneAt: null, doneBy: null };
    const updated = await repo.updateTask(tx, taskId, version, { ...fields, ...closing });
    if (!updated) throw new AppError("conflict");
    await recordAuditEvent(tx, origin, {
      action: "task.update",
      outcome: "success",
      recordType: RECORD,
      recordId: taskId,
      details: {
        clientId,
        fields: Object.keys(input)
          .filter((k) => k !== "version")
          .sort(),
      },
    });
    return presentTask(updated, await staffNames(tx, [updated.assigneeId]));
  });
}

/** A client's tasks: part of the file, so an audited read (a break-the-glass access may look too). */
/**
 * The caseworkers a task of this client can go to (counselors and leads of the owning
 * sub-project): for those who may add tasks. Staff names only, no client data: not audited as a
 * read of the record (a refusal is).
 */
export async function listTaskAssignees(ctx: AppContext, origin: RequestOrigin, clientId: string): Promise<StaffRefOut[]> {
  const options = { purpose: "change", action: "task.assignees" } as const;
  return withClientAccess(ctx.database.db, origin, clientId, ctx.clock.now(), options, async (tx, access) => {
    const staff = await listStaffCovering(tx, access.unitPath, CASEWORK_ROLES);
    return staff.map((s) => ({ id: s.id, name: s.displayName }));
  });
}
type StaffRefOut = { id: string; name: string };

export async function listTasks(ctx: AppContext, origin: RequestOrigin, clientId: string): Promise<Task[]> {
  const options = { purpose: "read", action: "task.list" } as const;
  return withClientAccess(ctx.database.db, origin, clientId, ctx.clock.now(), options, async (tx, access) => {
    const rows = await repo.listTasksOfClient(tx, clientId);
    await recordAuditEvent(tx, origin, {
      action: "task.list",
      outcome: "success",
      recordType: "client",
      recordId: clientId,
      details: access.via === "break_glass" ? { via: "break_glass" } : undefined,
    });
    const names = await staffNames(
      tx,
      rows.map((r) => r.assigneeId),
    );
    return rows.map((r) => presentTask(r, names));
  });
}

/**
 * "My tasks": the caller's open tasks due today (Europe/Berlin), overdue or upcoming, with the
 * clients' numbers and names: a read of those clients, audited as one event listing their ids.
 */
export async function listMyTasks(ctx: AppContext, origin: RequestOrigin, due: TaskDueFilter): Promise<{ today: string; items: MyTask[] }> {
  const actor = origin.actor!;
  ensure(doesCasework(actor));
  const today = berlinToday(ctx);
  return ctx.database.db.transaction(async (tx) => {
    const rows = await repo.listOpenTasksOf(tx, { userId: actor.userId, paths: caseworkPaths(actor), due, today, limit: MY_TASKS_LIMIT });
    await recordAuditEvent(tx, origin, {
      action: "task.list_mine",
      outcome: "success",
      recordType: "client",
      details: { shown: [...new Set(rows.map((r) => r.client_id))] },
    });
    const names: StaffNames = new Map([[actor.userId, actor.displayName]]);
    return { today, items: rows.map((r) => presentMyTask(r, names)) };
  });
}

/** For the client's timeline (merged and audited by the caller, inside its transaction). */
export async function taskTimelineEntries(tx: Executor, clientId: string): Promise<TimelineEntry[]> {
  const rows = await repo.listTasksOfClient(tx, clientId);
  const names = await staffNames(
    tx,
    rows.map((r) => r.assigneeId),
  );
  return rows.map((r) => ({
    type: "task" as const,
    id: r.id,
    at: r.dueOn,
    title: r.title,
    done: r.doneAt !== null,
    assigneeName: names.get(r.assigneeId) ?? null,
  }));
}
