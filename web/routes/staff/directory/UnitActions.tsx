/** Move, close and reopen a unit: each a small dialog; 409 answers are explained in place. */
import { type CalendarDate, parseDate } from "@internationalized/date";
import { useState } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { allowedChildTypes } from "../../../../common/domain/units.js";
import { ApiError } from "../../../api/client.js";
import { useCloseUnit, useMoveUnit, useReopenUnit, useUnits } from "../../../api/hooks.js";
import type { UnitDetail } from "../../../api/types.js";
import { ComboInput } from "../../../components/combo-field.js";
import { DateInputField } from "../../../components/date-fields.js";
import { DialogActions, ModalDialog } from "../../../components/dialog.js";
import { ErrorAlert } from "../../../components/feedback.js";
import { CheckboxInput } from "../../../components/fields.js";
import { todayInBerlin } from "../../../components/format.js";

export function MoveUnitDialog({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const move = useMoveUnit(unit.id);
  const [search, setSearch] = useState("");
  const [parentId, setParentId] = useState<string | null>(null);
  const candidates = useUnits({ q: search.trim() || undefined });
  const options = (candidates.data?.items ?? [])
    .filter((u) => u.id !== unit.id && u.id !== unit.parentId && !u.closedOn && allowedChildTypes[u.type].includes(unit.type))
    .slice(0, 50)
    .map((u) => ({ id: u.id, label: u.name }));

  return (
    <ModalDialog
      title={t("directory.move.title", { name: unit.name })}
      trigger={<Button className="button button-secondary">{t("directory.actions.move")}</Button>}
      onOpenChange={(open) => !open && move.reset()}
    >
      {(close) => (
        <Form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (parentId) move.mutate({ version: unit.version, parentId }, { onSuccess: close });
          }}
        >
          <p>{t("directory.move.intro")}</p>
          <ConflictOrError error={move.error} />
          <ComboInput
            label={t("directory.move.newParent")}
            options={options}
            inputValue={search}
            onInputChange={setSearch}
            selectedKey={parentId}
            onSelectionChange={(key) => setParentId(key ? String(key) : null)}
            isRequired
            validate={() => (parentId ? null : t("validation.chooseOption"))}
            autoFocus
          />
          <DialogActions submitLabel={t("directory.move.submit")} isPending={move.isPending} onCancel={close} />
        </Form>
      )}
    </ModalDialog>
  );
}

export function CloseUnitDialog({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const closeUnit = useCloseUnit(unit.id);
  const [date, setDate] = useState<CalendarDate | null>(() => parseDate(todayInBerlin()));
  const [cascade, setCascade] = useState(false);
  const hasOpenChildren = closeUnit.error instanceof ApiError && closeUnit.error.code === "invalid_state";

  return (
    <ModalDialog
      title={t("directory.close.title", { name: unit.name })}
      trigger={<Button className="button button-danger">{t("directory.actions.close")}</Button>}
      onOpenChange={(open) => !open && closeUnit.reset()}
    >
      {(close) => (
        <Form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (date) closeUnit.mutate({ version: unit.version, closedOn: date.toString(), cascade }, { onSuccess: close });
          }}
        >
          <p>{t("directory.close.intro")}</p>
          {hasOpenChildren ? (
            <div role="alert" className="alert alert-error">
              <p>{t("directory.close.openChildren")}</p>
            </div>
          ) : (
            <ConflictOrError error={closeUnit.error} />
          )}
          <DateInputField label={t("directory.close.date")} value={date} onChange={setDate} isRequired autoFocus />
          {unit.childCount > 0 && (
            <CheckboxInput isSelected={cascade} onChange={setCascade}>
              {t("directory.close.cascade", { count: unit.childCount })}
            </CheckboxInput>
          )}
          <DialogActions submitLabel={t("directory.close.submit")} isPending={closeUnit.isPending} onCancel={close} tone="danger" />
        </Form>
      )}
    </ModalDialog>
  );
}

export function ReopenUnitDialog({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const reopen = useReopenUnit(unit.id);
  return (
    <ModalDialog
      title={t("directory.reopen.title", { name: unit.name })}
      trigger={<Button className="button button-secondary">{t("directory.actions.reopen")}</Button>}
      onOpenChange={(open) => !open && reopen.reset()}
    >
      {(close) => (
        <>
          <p>{t("directory.reopen.intro")}</p>
          <ConflictOrError error={reopen.error} />
          <DialogActions
            submitLabel={t("directory.reopen.submit")}
            isPending={reopen.isPending}
            onCancel={close}
            onSubmit={() => reopen.mutate({ version: unit.version }, { onSuccess: close })}
          />
        </>
      )}
    </ModalDialog>
  );
}

/** 409 conflict: the unit changed meanwhile; the page behind the dialog has been refreshed. */
function ConflictOrError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === "conflict") {
    return (
      <div role="alert" className="alert alert-warning">
        <p>{t("directory.conflictInDialog")}</p>
      </div>
    );
  }
  return <ErrorAlert error={error} />;
}
