/**
 * Open follow-up tasks with a "done" checkbox each. A task ticked here stays in the list (ticked)
 * until the page is left, so a slip of the finger is undone with a second click.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type MyTask, type Task, useSetTaskDone } from "../../../api/casework.js";
import { ErrorAlert } from "../../../components/feedback.js";
import { CheckboxInput } from "../../../components/fields.js";
import { formatDate, todayInBerlin } from "../../../components/format.js";

type Item = Task | MyTask;
const hasClient = (task: Item): task is MyTask => "client" in task;

export function TaskChecklist({
  tasks,
  label,
  emptyText,
  canChange = true,
  today = todayInBerlin(),
  onChanged,
}: {
  tasks: Item[];
  /** Names the list for assistive technology (e.g. "Überfällig"). */
  label: string;
  /** Shown when there is nothing (also once the last task closed here was reopened and moved). */
  emptyText: string;
  canChange?: boolean;
  today?: string;
  onChanged?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const setDone = useSetTaskDone();
  // Tasks closed here, with their new version (the server lists open tasks only).
  const [closedHere, setClosedHere] = useState<Map<string, Item>>(new Map());
  const [announcement, setAnnouncement] = useState("");
  const items = [...tasks.filter((task) => !closedHere.has(task.id)), ...closedHere.values()].sort(
    (a, b) => a.dueOn.localeCompare(b.dueOn) || a.createdAt.localeCompare(b.createdAt),
  );

  const toggle = (task: Item, done: boolean) =>
    setDone.mutate(
      { clientId: task.clientId, taskId: task.id, version: task.version, done },
      {
        onSuccess: (updated) => {
          setClosedHere((map) => {
            const next = new Map(map);
            if (done) next.set(task.id, { ...task, done: true, version: updated.version });
            else next.delete(task.id);
            return next;
          });
          setAnnouncement(t(done ? "tasks.doneAnnounce" : "tasks.reopenedAnnounce", { title: task.title }));
          onChanged?.();
        },
      },
    );

  return (
    <>
      <div role="status" className="visually-hidden">
        {announcement}
      </div>
      <ErrorAlert error={setDone.error} />
      {items.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="task-list" aria-label={label}>
          {items.map((task) => {
            const overdue = !task.done && task.dueOn < today;
            return (
              <li key={task.id} className={task.done ? "task is-done" : "task"}>
                <div className="task-title">
                  {canChange ? (
                    <CheckboxInput isSelected={task.done} onChange={(done) => toggle(task, done)}>
                      {task.title}
                    </CheckboxInput>
                  ) : (
                    <span>{task.title}</span>
                  )}
                </div>
                {hasClient(task) && (
                  <div className="task-client">
                    <Link to={`/staff/clients/${task.client.id}`}>
                      {task.client.number} · {t("tasks.clientName", { firstName: task.client.firstName, lastName: task.client.lastName })}
                    </Link>
                  </div>
                )}
                <div className="task-meta">
                  {overdue && (
                    <span className="badge badge-overdue">
                      <span aria-hidden="true">⚠ </span>
                      {t("tasks.overdue")}
                    </span>
                  )}
                  <span>{t("tasks.dueOn", { date: formatDate(task.dueOn, i18n.language) })}</span>
                  {!hasClient(task) && <span className="muted"> · {task.assignee.name}</span>}
                  {task.done && <span className="muted"> · {t("tasks.done")}</span>}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
