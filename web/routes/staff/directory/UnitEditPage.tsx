import { useState } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { allowedChildTypes } from "../../../../common/domain/units.js";
import { ApiError } from "../../../api/client.js";
import { useCreateUnit, useUnit, useUpdateUnit } from "../../../api/hooks.js";
import type { UnitDetail, UnitType } from "../../../api/types.js";
import { ErrorAlert, Loading } from "../../../components/feedback.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { usePageTitle } from "../../../components/page.js";
import { SelectInput } from "../../../components/select-field.js";
import { bodyFrom, changedFields, formStateFrom, UnitFormFields, type UnitFormState } from "./UnitForm.js";

/** /staff/directory/:id/edit — optimistic locking: the version we loaded goes with the change. */
export function UnitEditPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const unit = useUnit(id);
  usePageTitle(unit.data ? t("directory.edit.title", { name: unit.data.name }) : t("directory.title"));
  const [loads, setLoads] = useState(0);
  if (unit.isPending) return <Loading />;
  if (unit.error) return <ErrorAlert error={unit.error} />;
  // The form keeps the version it was loaded with; only an explicit reload takes a newer one.
  return (
    <EditForm
      key={loads}
      loaded={unit.data}
      reload={async () => {
        await unit.refetch();
        setLoads((n) => n + 1);
      }}
    />
  );
}

function EditForm({ loaded, reload }: { loaded: UnitDetail; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [unit] = useState(loaded);
  const navigate = useNavigate();
  const update = useUpdateUnit(unit.id);
  const [state, setState] = useState<UnitFormState>(() => formStateFrom(unit));
  const conflict = update.error instanceof ApiError && update.error.code === "conflict";
  const hasFieldErrors = update.error instanceof ApiError && (update.error.problem.errors?.length ?? 0) > 0;

  return (
    <div className="narrow">
      <p>
        <Link to={`/staff/directory/${unit.id}`}>{t("directory.edit.back", { name: unit.name })}</Link>
      </p>
      <h1>{t("directory.edit.title", { name: unit.name })}</h1>
      {conflict ? (
        <div role="alert" className="alert alert-warning">
          <p>{t("directory.edit.conflict")}</p>
          <Button className="button button-secondary" onPress={() => void reload()}>
            {t("directory.edit.reload")}
          </Button>
        </div>
      ) : (
        <ErrorAlert error={update.error}>{hasFieldErrors && <p>{t("directory.edit.checkFields")}</p>}</ErrorAlert>
      )}
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const before = bodyFrom(formStateFrom(unit), unit.type, unit.site?.timeZone);
          const after = bodyFrom(state, unit.type, unit.site?.timeZone);
          update.mutate(
            { version: unit.version, ...changedFields(before, after) },
            { onSuccess: () => void navigate(`/staff/directory/${unit.id}`) },
          );
        }}
      >
        <UnitFormFields type={unit.type} state={state} onChange={setState} error={update.error} />
        <div className="form-actions sticky-actions">
          <PendingButton type="submit" className="button button-primary" isPending={update.isPending}>
            {t("common.save")}
          </PendingButton>
          <Link className="button button-quiet" to={`/staff/directory/${unit.id}`}>
            {t("common.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}

/** /staff/directory/:id/new — a new unit below :id. */
export function UnitCreatePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const parent = useUnit(id);
  usePageTitle(t("directory.create.title"));
  if (parent.isPending) return <Loading />;
  if (parent.error) return <ErrorAlert error={parent.error} />;
  return <CreateForm parent={parent.data} />;
}

function CreateForm({ parent }: { parent: UnitDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUnit();
  const childTypes = allowedChildTypes[parent.type];
  const [type, setType] = useState<UnitType | null>(childTypes[0] ?? null);
  const [state, setState] = useState<UnitFormState>(() => formStateFrom(null));

  return (
    <div className="narrow">
      <p>
        <Link to={`/staff/directory/${parent.id}`}>{t("directory.edit.back", { name: parent.name })}</Link>
      </p>
      <h1>{t("directory.create.title")}</h1>
      <p className="muted">{t("directory.create.below", { name: parent.name })}</p>
      {childTypes.length === 0 ? (
        <p>{t("directory.create.noChildTypes")}</p>
      ) : (
        <>
          <ErrorAlert error={create.error} />
          <Form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!type) return;
              create.mutate(
                { type, parentId: parent.id, ...bodyFrom(state, type) },
                { onSuccess: (created) => void navigate(`/staff/directory/${created.id}`) },
              );
            }}
          >
            <SelectInput
              label={t("directory.fields.type")}
              options={childTypes.map((ct) => ({ id: ct, label: t(`unitTypes.${ct}`) }))}
              selectedKey={type}
              onSelectionChange={(k) => setType(k ? (String(k) as UnitType) : null)}
              isRequired
            />
            {type && <UnitFormFields type={type} state={state} onChange={setState} error={create.error} />}
            <div className="form-actions sticky-actions">
              <PendingButton type="submit" className="button button-primary" isPending={create.isPending}>
                {t("directory.create.submit")}
              </PendingButton>
              <Link className="button button-quiet" to={`/staff/directory/${parent.id}`}>
                {t("common.cancel")}
              </Link>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
