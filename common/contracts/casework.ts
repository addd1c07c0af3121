import { z } from "zod";
import { idSchema, isoDate, text } from "./shared.js";

/**
 * Casework around a client: follow-up tasks (Wiedervorlagen), the caseload (Fallbestand) and its
 * reassignment (Umverteilung), and break-the-glass access (Notfallzugriff) to a client of another
 * sub-project in the same state network.
 */

const staffRef = z.object({ id: idSchema, name: z.string() });
const unitRef = z.object({ id: idSchema, name: z.string() });
const version = z.number().int().min(1);

// --- tasks -----------------------------------------------------------------------------------

export const createTaskRequest = z
  .object({
    title: text(200),
    dueOn: isoDate,
    /** Defaults to the caller; must do casework in the client's sub-project. */
    assigneeId: idSchema.optional(),
  })
  .meta({ id: "CreateTaskRequest" });

/** Only the fields sent change; `done` closes (true) or reopens (false) the task. */
export const updateTaskRequest = z
  .object({ title: text(200), dueOn: isoDate, assigneeId: idSchema, done: z.boolean() })
  .partial()
  .extend({ version })
  .meta({ id: "UpdateTaskRequest" });

export const taskParams = z.object({ id: idSchema, taskId: idSchema });

export const taskSchema = z
  .object({
    id: idSchema,
    clientId: idSchema,
    title: z.string(),
    dueOn: z.string(),
    assignee: staffRef,
    done: z.boolean(),
    doneAt: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Task" });

export const taskListResponse = z.object({ items: z.array(taskSchema) }).meta({ id: "TaskList" });
/** Who may be given a client's task: the caseworkers (counselors, lead) of the owning sub-project. */
export const taskAssigneeListResponse = z.object({ items: z.array(staffRef) }).meta({ id: "TaskAssigneeList" });

export const taskDueFilters = ["today", "overdue", "upcoming"] as const;

export const myTasksQuery = z.object({
  /** today: due today; overdue: due before today; upcoming: due after today (all open, Berlin days). */
  due: z.enum(taskDueFilters).default("today"),
});

export const myTaskSchema = taskSchema
  .extend({ client: z.object({ id: idSchema, number: z.string(), firstName: z.string(), lastName: z.string() }) })
  .meta({ id: "MyTask" });

export const myTaskListResponse = z.object({ today: z.string(), items: z.array(myTaskSchema) }).meta({ id: "MyTaskList" });

// --- caseload --------------------------------------------------------------------------------

export const assignClientRequest = z.object({ counselorId: idSchema, version }).meta({ id: "AssignClientRequest" });

export const clientAssignmentSchema = z
  .object({
    clientId: idSchema,
    counselor: staffRef,
    /** The client's new version (the assignment is a change of the record). */
    version: z.number().int(),
    /** Open tasks of the previous counselor on this client that moved along. */
    tasksMoved: z.number().int(),
  })
  .meta({ id: "ClientAssignment" });

export const caseloadQuery = z.object({
  /** One counselor only (the caller themself, or one of a lead's sub-projects). */
  counselorId: idSchema.optional(),
});

export const caseloadEntrySchema = z
  .object({
    unit: unitRef,
    /** Null: clients of the sub-project without a counselor. */
    counselor: staffRef.nullable(),
    clients: z.number().int(),
    openTasks: z.number().int(),
    overdueTasks: z.number().int(),
  })
  .meta({ id: "CaseloadEntry" });

export const caseloadResponse = z.object({ items: z.array(caseloadEntrySchema) }).meta({ id: "Caseload" });

export const reassignCaseloadRequest = z
  .object({ fromCounselorId: idSchema, toCounselorId: idSchema, unitId: idSchema })
  .refine((r) => r.fromCounselorId !== r.toCounselorId, {
    path: ["toCounselorId"],
    message: "Bitte wählen Sie eine andere Person als die bisherige",
  })
  .meta({ id: "ReassignCaseloadRequest" });

export const caseloadReassignmentSchema = z
  .object({ clients: z.number().int(), tasks: z.number().int(), clientIds: z.array(idSchema) })
  .meta({ id: "CaseloadReassignment" });

// --- break-the-glass -------------------------------------------------------------------------

export const breakGlassRequest = z
  .object({
    reason: z
      .string()
      .trim()
      .min(10, "Bitte begründen Sie den Zugriff in mindestens 10 Zeichen")
      .max(500, "Die Begründung darf höchstens 500 Zeichen lang sein"),
  })
  .meta({ id: "BreakGlassRequest" });

export const accessGrantParams = z.object({ id: idSchema, grantId: idSchema });

export const accessGrantSchema = z
  .object({
    id: idSchema,
    clientId: idSchema,
    user: staffRef,
    reason: z.string(),
    grantedAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    active: z.boolean(),
  })
  .meta({ id: "ClientAccessGrant" });

export const accessGrantListResponse = z.object({ items: z.array(accessGrantSchema) }).meta({ id: "ClientAccessGrantList" });

export type CreateTaskRequest = z.infer<typeof createTaskRequest>;
export type UpdateTaskRequest = z.infer<typeof updateTaskRequest>;
export type Task = z.infer<typeof taskSchema>;
export type MyTask = z.infer<typeof myTaskSchema>;
export type TaskDueFilter = (typeof taskDueFilters)[number];
export type AssignClientRequest = z.infer<typeof assignClientRequest>;
export type ClientAssignment = z.infer<typeof clientAssignmentSchema>;
export type CaseloadQuery = z.infer<typeof caseloadQuery>;
export type CaseloadEntry = z.infer<typeof caseloadEntrySchema>;
export type ReassignCaseloadRequest = z.infer<typeof reassignCaseloadRequest>;
export type CaseloadReassignment = z.infer<typeof caseloadReassignmentSchema>;
export type BreakGlassRequest = z.infer<typeof breakGlassRequest>;
export type AccessGrant = z.infer<typeof accessGrantSchema>;
