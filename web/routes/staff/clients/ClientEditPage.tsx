import { useState } from "react";
import { Button, Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { CURRENT_CONSENT_TEXT_VERSION } from "../../../../common/domain/clients.js";
import { ApiError } from "../../../api/client.js";
import { useClient, useCreateClient, useSession, useUpdateClient } from "../../../api/hooks.js";
import type { Client, DuplicateCheck, SessionUser } from "../../../api/types.js";
import { ErrorAlert, LoadFailed, Loading } from "../../../components/feedback.js";
import { CheckboxFieldInput, CheckboxInput } from "../../../components/fields.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { usePageTitle } from "../../../components/page.js";
import { SelectInput } from "../../../components/select-field.js";
import { UnitPicker } from "../../../components/UnitPicker.js";
import { caseworkUnits } from "../../../session/access.js";
import { useWorkingUnit } from "../../../session/working-unit.js";
import { bodyFrom, ClientFormFields, type ClientFormState, changedFields, fieldErrorOf, formFields, formStateFrom } from "./ClientForm.js";
import { DuplicateHint } from "./DuplicateHint.js";

/** /staff/clients/new — record a client with their consent; possible duplicates are shown on the way. */
export function ClientCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t("clients.create.title"));
  const user = useSession().data!.user;
  const navigate = useNavigate();
  const create = useCreateClient();
  const [state, setState] = useState<ClientFormState>(() => formStateFrom(null));
  const { current } = useWorkingUnit();
  // Several sub-projects: start with the working unit when it is one of them.
  const [unitId, setUnitId] = useState<string | null>(() =>
    current && caseworkUnits(user).some((u) => u.unitId === current.unitId && u.unitType === "sub_project") ? current.unitId : null,
  );
  const [contact, setContact] = useState(false);
  const [duplicateInput, setDuplicateInput] = useState<DuplicateCheck | null>(null);
  const fieldError = fieldErrorOf(create.error);

  // On leaving a name or the birth year: check once all three are there.
  const checkDuplicates = () => {
    const firstName = state.firstName.trim();
    const lastName = state.lastName.trim();
    if (!firstName || !lastName || !/^\d{4}$/.test(state.birthYear)) return;
    setDuplicateInput({ firstName, lastName, birthYear: Number(state.birthYear), nationalities: state.nationalities });
  };

  return (
    <div className="narrow">
      <p>
        <Link to="/staff/clients">{t("clients.backToSearch")}</Link>
      </p>
      <h1>{t("clients.create.title")}</h1>
      <p className="muted">{t("clients.create.intro")}</p>
      <ErrorAlert error={create.error}>
        <OtherFieldErrors error={create.error} shown={["unitId", "consent"]} />
      </ErrorAlert>
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              ...bodyFrom(state),
              ...(unitId ? { unitId } : {}),
              consent: { processing: true, contact, textVersion: CURRENT_CONSENT_TEXT_VERSION },
            },
            { onSuccess: (client) => void navigate(`/staff/clients/${client.id}`, { state: { created: true } }) },
          );
        }}
      >
        <OwningUnit user={user} value={unitId} onChange={setUnitId} errorMessage={fieldError("unitId")} />
        <ClientFormFields
          state={state}
          onChange={setState}
          error={create.error}
          onNameOrYearBlur={checkDuplicates}
          afterBirthYear={<DuplicateHint input={duplicateInput} />}
        />
        <fieldset className="fieldset">
          <legend>{t("clients.sections.consent")}</legend>
          <CheckboxFieldInput
            isRequired
            validate={(v) => (v ? null : t("clients.form.processingRequired"))}
            description={t("clients.form.processingHint", { version: CURRENT_CONSENT_TEXT_VERSION })}
            errorMessage={fieldError("consent.processing")}
          >
            {t("clients.form.processing")}
          </CheckboxFieldInput>
          <CheckboxInput isSelected={contact} onChange={setContact}>
            {t("clients.form.contact")}
          </CheckboxInput>
        </fieldset>
        <div className="form-actions sticky-actions">
          <PendingButton type="submit" className="button button-primary" isPending={create.isPending}>
            {t("clients.create.submit")}
          </PendingButton>
          <Link className="button button-quiet" to="/staff/clients">
            {t("common.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}

/**
 * The sub-project that keeps the record. With casework in exactly one sub-project the server
 * takes that one and nothing is shown; otherwise the user chooses.
 */
function OwningUnit({
  user,
  value,
  onChange,
  errorMessage,
}: {
  user: SessionUser;
  value: string | null;
  onChange: (unitId: string | null) => void;
  errorMessage?: string;
}) {
  const { t } = useTranslation();
  const units = caseworkUnits(user);
  const subProjects = units.filter((u) => u.unitType === "sub_project");
  if (units.length === 1 && subProjects.length === 1 && !errorMessage) return null;

  if (subProjects.length === units.length) {
    return (
      <SelectInput
        label={t("clients.fields.unit")}
        options={subProjects.map((u) => ({ id: u.unitId, label: u.unitName }))}
        selectedKey={value}
        onSelectionChange={(k) => onChange(k ? String(k) : null)}
        isRequired
        validate={(k) => (k ? null : t("validation.chooseOption"))}
        errorMessage={errorMessage}
      />
    );
  }
  return (
    <UnitPicker
      label={t("clients.fields.unit")}
      description={t("clients.form.unitHint")}
      value={value}
      onChange={(u) => onChange(u?.id ?? null)}
      filter={(u) => u.type === "sub_project"}
      isRequired
      errorMessage={errorMessage}
    />
  );
}

/** Server messages for fields the form does not show (so none is lost). */
function OtherFieldErrors({ error, shown }: { error: unknown; shown: string[] }) {
  if (!(error instanceof ApiError)) return null;
  const other = (error.problem.errors ?? []).filter(
    (e) => !formFields.has(e.field.split(".")[0]!) && !shown.some((s) => e.field === s || e.field.startsWith(`${s}.`)),
  );
  if (other.length === 0) return null;
  return (
    <ul className="plain-list">
      {other.map((e) => (
        <li key={`${e.field}-${e.code}`}>{e.message}</li>
      ))}
    </ul>
  );
}

/** /staff/clients/:id/edit — optimistic locking: the version we loaded goes with the change. */
export function ClientEditPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const client = useClient(id);
  usePageTitle(client.data ? t("clients.edit.title", { name: fullName(client.data) }) : t("clients.title"));
  const [loads, setLoads] = useState(0);
  if (client.isPending) return <Loading />;
  if (client.error) {
    return <LoadFailed title={t("clients.client")} error={client.error} backTo="/staff/clients" backLabel={t("clients.backToSearch")} />;
  }
  // The form keeps the version it was loaded with; only an explicit reload takes a newer one.
  return (
    <EditForm
      key={loads}
      loaded={client.data}
      reload={async () => {
        await client.refetch();
        setLoads((n) => n + 1);
      }}
    />
  );
}

const fullName = (c: Pick<Client, "firstName" | "lastName">) => `${c.firstName} ${c.lastName}`;

function EditForm({ loaded, reload }: { loaded: Client; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [client] = useState(loaded);
  const navigate = useNavigate();
  const update = useUpdateClient(client.id);
  const [state, setState] = useState<ClientFormState>(() => formStateFrom(client));
  const conflict = update.error instanceof ApiError && update.error.code === "conflict";
  const back = `/staff/clients/${client.id}`;

  return (
    <div className="narrow">
      <p>
        <Link to={back}>{t("clients.edit.back", { name: fullName(client) })}</Link>
      </p>
      <h1>{t("clients.edit.title", { name: fullName(client) })}</h1>
      {conflict ? (
        <div role="alert" className="alert alert-warning">
          <p>{t("clients.edit.conflict")}</p>
          <Button className="button button-secondary" onPress={() => void reload()}>
            {t("clients.edit.reload")}
          </Button>
        </div>
      ) : (
        <ErrorAlert error={update.error}>
          <OtherFieldErrors error={update.error} shown={[]} />
        </ErrorAlert>
      )}
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const changes = changedFields(bodyFrom(formStateFrom(client)), bodyFrom(state));
          if (Object.keys(changes).length === 0) {
            void navigate(back);
            return;
          }
          update.mutate({ version: client.version, ...changes }, { onSuccess: () => void navigate(back, { state: { saved: true } }) });
        }}
      >
        <ClientFormFields state={state} onChange={setState} error={update.error} />
        <div className="form-actions sticky-actions">
          <PendingButton type="submit" className="button button-primary" isPending={update.isPending}>
            {t("common.save")}
          </PendingButton>
          <Link className="button button-quiet" to={back}>
            {t("common.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
