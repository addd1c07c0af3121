/** "Wiedervorlage": a follow-up on the client, due in a week unless changed, for me unless changed. */
import { type CalendarDate, parseDate } from "@internationalized/date";
import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { type Task, useCreateTask, useTaskAssignees } from "../../../api/casework.js";
import { useSession } from "../../../api/hooks.js";
import type { Client } from "../../../api/types.js";
import { DateInputField } from "../../../components/date-fields.js";
import { DialogActions, ModalDialog } from "../../../components/dialog.js";
import { ErrorAlert } from "../../../components/feedback.js";
import { TextInput } from "../../../components/fields.js";
import { todayInBerlin } from "../../../components/format.js";
import { QuickForm } from "../../../components/QuickForm.js";
import { SelectInput } from "../../../components/select-field.js";
import { fieldErrorOf } from "../clients/ClientForm.js";

const DEFAULT_DAYS = 7;
/** One press instead of typing a date: the usual follow-up intervals. */
const QUICK_DAYS = [0, 1, 7, 14, 28] as const;

export function AddTaskDialog({ client, onAdded }: { client: Client; onAdded: (task: Task) => void }) {
  const { t } = useTranslation();
  return (
    <ModalDialog title={t("tasks.add.title")} trigger={<Button className="button button-secondary">{t("tasks.add.open")}</Button>}>
      {(close) => (
        <AddTaskForm
          client={client}
          onCancel={close}
          onAdded={(task) => {
            close();
            onAdded(task);
          }}
        />
      )}
    </ModalDialog>
  );
}

function AddTaskForm({ client, onCancel, onAdded }: { client: Client; onCancel: () => void; onAdded: (task: Task) => void }) {
  const { t } = useTranslation();
  const user = useSession().data!.user;
  const create = useCreateTask(client.id);
  const today = parseDate(todayInBerlin());
  const [title, setTitle] = useState("");
  const [dueOn, setDueOn] = useState<CalendarDate | null>(today.add({ days: DEFAULT_DAYS }));
  const [assigneeId, setAssigneeId] = useState(user.id);
  // Checked on sending only: a message that comes and goes on blur shifts the buttons away.
  const [tried, setTried] = useState(false);
  const fieldError = fieldErrorOf(create.error);
  // Anyone of the client's sub-project can take over a follow-up (a colleague on leave, the lead).
  const colleagues = (useTaskAssignees(client.id).data?.items ?? [])
    .filter((s) => s.id !== user.id)
    .map((s) => ({ id: s.id, label: s.name }));
  const assignees = [{ id: user.id, label: t("tasks.add.me", { name: user.displayName }) }, ...colleagues];

  return (
    <QuickForm
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!dueOn || !title.trim()) return;
        create.mutate({ title: title.trim(), dueOn: dueOn.toString(), assigneeId }, { onSuccess: onAdded });
      }}
    >
      <p className="muted">{t("tasks.add.intro", { name: `${client.firstName} ${client.lastName}` })}</p>
      <ErrorAlert error={create.error} />
      <TextInput
        label={t("tasks.fields.title")}
        value={title}
        onChange={setTitle}
        maxLength={200}
        errorMessage={tried && !title.trim() ? t("validation.required") : fieldError("title")}
        autoFocus
      />
      <DateInputField
        label={t("tasks.fields.dueOn")}
        description={t("tasks.add.dueHint")}
        value={dueOn}
        onChange={setDueOn}
        minValue={today}
        isRequired
        errorMessage={fieldError("dueOn")}
      />
      {/* biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form fieldset */}
      <div role="group" aria-label={t("tasks.add.quickDue")} className="quick-choice-list">
        {QUICK_DAYS.map((days) => {
          const date = today.add({ days });
          return (
            <Button
              key={days}
              className="button button-secondary button-small"
              aria-pressed={dueOn?.compare(date) === 0}
              onPress={() => setDueOn(date)}
            >
              {t("tasks.add.inDays", { days })}
            </Button>
          );
        })}
      </div>
      {assignees.length > 1 && (
        <SelectInput
          label={t("tasks.fields.assignee")}
          options={assignees}
          selectedKey={assigneeId}
          onSelectionChange={(k) => k && setAssigneeId(String(k))}
          errorMessage={fieldError("assigneeId")}
        />
      )}
      <DialogActions submitLabel={t("tasks.add.submit")} isPending={create.isPending} onCancel={onCancel} />
    </QuickForm>
  );
}
