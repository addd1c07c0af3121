/**
 * /staff/tasks — "Meine Wiedervorlagen": the caller's open tasks, overdue first, then due today,
 * then upcoming; all three at once so nothing hides behind a tab. Each is one audited read.
 */
import { useTranslation } from "react-i18next";
import { type TaskDueFilter, useMyTasks } from "../../../api/casework.js";
import { QueryState } from "../../../components/feedback.js";
import { formatDate } from "../../../components/format.js";
import { CaseworkOnly } from "../casework/parts.js";
import { TaskChecklist } from "./TaskChecklist.js";

const sections: TaskDueFilter[] = ["overdue", "today", "upcoming"];

export function MyTasksPage() {
  const { t } = useTranslation();
  return (
    <CaseworkOnly title={t("tasks.title")}>
      <h1>{t("tasks.title")}</h1>
      <p className="muted">{t("tasks.intro")}</p>
      {sections.map((due) => (
        <TaskSection key={due} due={due} />
      ))}
    </CaseworkOnly>
  );
}

function TaskSection({ due }: { due: TaskDueFilter }) {
  const { t, i18n } = useTranslation();
  const tasks = useMyTasks(due);
  const id = `tasks-${due}`;
  const count = tasks.data?.items.length;
  return (
    <section className="panel section task-section" aria-labelledby={id}>
      <h2 id={id} className={due === "overdue" && count ? "task-heading-overdue" : undefined}>
        {due === "overdue" && count ? <span aria-hidden="true">⚠ </span> : null}
        {t(`tasks.sections.${due}`)}
        {count !== undefined && <span className="muted task-count"> ({count})</span>}
      </h2>
      {due === "today" && tasks.data && <p className="small muted">{formatDate(tasks.data.today, i18n.language)}</p>}
      <QueryState query={tasks}>
        {() => (
          <TaskChecklist
            tasks={tasks.data!.items}
            today={tasks.data!.today}
            label={t(`tasks.sections.${due}`)}
            emptyText={t(`tasks.empty.${due}`)}
          />
        )}
      </QueryState>
    </section>
  );
}
