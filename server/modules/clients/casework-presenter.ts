import type { AccessGrant, MyTask, Task } from "../../../common/contracts/casework.js";
import { formatClientNumber } from "../../../common/domain/clients.js";
import type { AccessGrantRow } from "./break-glass-repository.js";
import type { MyTaskRow, TaskRow } from "./tasks-repository.js";

/** Display names of staff members by id; "?" for someone unknown (never a crash over a label). */
export type StaffNames = Map<string, string>;

const staffRef = (names: StaffNames, id: string) => ({ id, name: names.get(id) ?? "?" });
const iso = (value: Date | string) => new Date(value).toISOString();

export function presentTask(row: TaskRow, names: StaffNames): Task {
  return {
    id: row.id,
    clientId: row.clientId,
    title: row.title,
    dueOn: row.dueOn,
    assignee: staffRef(names, row.assigneeId),
    done: row.doneAt !== null,
    doneAt: row.doneAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export function presentMyTask(row: MyTaskRow, names: StaffNames): MyTask {
  return {
    id: row.id,
    clientId: row.client_id,
    title: row.title,
    dueOn: row.due_on,
    assignee: staffRef(names, row.assignee_id),
    done: false,
    doneAt: null,
    createdAt: iso(row.created_at),
    version: Number(row.version),
    client: {
      id: row.client_id,
      number: formatClientNumber(Number(row.client_number)),
      firstName: row.first_name,
      lastName: row.last_name,
    },
  };
}

export function presentAccessGrant(row: AccessGrantRow, names: StaffNames, now: Date): AccessGrant {
  return {
    id: row.id,
    clientId: row.clientId,
    user: staffRef(names, row.userId),
    reason: row.reason,
    grantedAt: row.grantedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    active: row.revokedAt === null && row.expiresAt > now,
  };
}
