import { parseDate } from "@internationalized/date";
import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { type ConsultationKind, consultationKinds } from "../../../../common/domain/consultations.js";
import { ApiError } from "../../../api/client.js";
import { useClient, useSession } from "../../../api/hooks.js";
import {
  type Consultation,
  type ConsultationDefaults,
  useConsultation,
  useConsultationDefaults,
  useCreateConsultation,
  useUpdateConsultation,
} from "../../../api/records.js";
import type { Client } from "../../../api/types.js";
import { ErrorAlert, LoadFailed, Loading, Notice } from "../../../components/feedback.js";
import { CheckboxInput } from "../../../components/fields.js";
import { formatDate } from "../../../components/format.js";
import { PendingButton } from "../../../components/PendingButton.js";
import { usePageTitle } from "../../../components/page.js";
import { QuickForm } from "../../../components/QuickForm.js";
import { SelectInput } from "../../../components/select-field.js";
import { caseworkUnits } from "../../../session/access.js";
import { changedFields, fieldErrorOf } from "../clients/ClientForm.js";
import { ClientPageHeading, clientName } from "../clients/ClientPageHeading.js";
import {
  bodyFrom,
  ConsultationFields,
  type ConsultationFormState,
  consultationFormFields,
  periodProblem,
  stateFromConsultation,
  useFieldOfAction,
} from "./ConsultationForm.js";

/** /staff/clients/:id/consultations/new — prefilled from the server's defaults (last-used values). */
export function ConsultationCreatePage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  usePageTitle(t("consultations.record.title"));
  const client = useClient(id);
  const defaults = useConsultationDefaults(id);
  const back = `/staff/clients/${id}`;
  if (client.isPending || defaults.isPending) return <Loading />;
  if (client.error || defaults.error) {
    return (
      <LoadFailed
        title={t("consultations.record.title")}
        error={client.error ?? defaults.error}
        backTo={back}
        backLabel={t("consultations.backToClient")}
      />
    );
  }
  if (client.data.erasedAt) {
    return (
      <>
        <h1>{t("consultations.record.title")}</h1>
        <Notice tone="warning">
          <p>{t("timeline.erased.noRecords")}</p>
        </Notice>
        <Link to={back}>{t("consultations.backToClient")}</Link>
      </>
    );
  }
  return <CreateForm client={client.data} defaults={defaults.data} refetchDefaults={() => void defaults.refetch()} />;
}

function CreateForm({
  client,
  defaults,
  refetchDefaults,
}: {
  client: Client;
  defaults: ConsultationDefaults;
  refetchDefaults: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const user = useSession().data!.user;
  const create = useCreateConsultation();
  const [state, setState] = useState<ConsultationFormState>(() => {
    const own = caseworkUnits(user).filter((u) => u.unitType === "sub_project");
    return {
      date: parseDate(defaults.date),
      unitId: defaults.unitId ?? (own.length === 1 ? own[0]!.unitId : null),
      siteId: defaults.siteId,
      channel: defaults.channel,
      languages: defaults.languages,
      interpreter: defaults.interpreter,
      duration: defaults.durationMinutes === null ? "" : String(defaults.durationMinutes),
      profession: defaults.referenceProfession,
      topics: [],
      nextSteps: "",
      fiReasons: [],
      fiReasonOther: "",
      employerSector: null,
    };
  });
  const [referral, setReferral] = useState(false);
  const fieldOfAction = useFieldOfAction(state.unitId);
  const back = `/staff/clients/${client.id}`;
  // The server's choice holds for the day it was asked for; another day is decided on saving.
  const autoKind = state.date?.toString() === defaults.date ? defaults.kind : null;
  const kind: ConsultationKind | null = referral ? "referral_consultation" : autoKind;
  // A first consultation in the way is explained (with its link) above the form, not here again.
  const kindError = periodProblem(create.error)?.code === "first_consultation_exists" ? undefined : fieldErrorOf(create.error)("kind");
  const lang = i18n.language;

  const kindField = (
    <div className="field kind-field">
      <span className="field-label">{t("consultations.fields.kind")}</span>
      <p className="kind-value" aria-live="polite">
        <strong>{kind ? t(`consultations.codes.kinds.${kind}`) : t("consultations.kind.decidedOnSave")}</strong>
      </p>
      {defaults.firstConsultation ? (
        <p className="small muted">
          {t("consultations.kind.firstOn", { date: formatDate(defaults.firstConsultation.date, lang) })}{" "}
          <Link to={`/staff/consultations/${defaults.firstConsultation.id}`}>{t("consultations.kind.openFirst")}</Link>
        </p>
      ) : (
        <p className="small muted">{t("consultations.kind.hint")}</p>
      )}
      {autoKind !== "first_consultation" && (
        <CheckboxInput isSelected={referral} onChange={setReferral}>
          {t("consultations.kind.referral")}
        </CheckboxInput>
      )}
      {kindError && <p className="field-error">{kindError}</p>}
    </div>
  );

  return (
    <div className="narrow">
      <ClientPageHeading
        client={client}
        back={back}
        backLabel={t("consultations.backTo", { name: clientName(client) })}
        title={t("consultations.record.title")}
      />
      <FormProblems error={create.error} />
      <QuickForm
        focusFirst
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { clientId: client.id, ...(kind ? { kind } : {}), ...bodyFrom(state, fieldOfAction) },
            {
              onSuccess: (data) =>
                void navigate(back, { state: { recorded: { type: "consultation", id: data.id, kind: data.kind, date: data.date } } }),
              // The rule said no: what the server would choose now has changed.
              onError: (error) => periodProblem(error) && refetchDefaults(),
            },
          );
        }}
      >
        <ConsultationFields
          state={state}
          onChange={setState}
          error={create.error}
          fieldOfAction={fieldOfAction}
          kindField={kindField}
          dateExtra={<ExistingLink error={create.error} field="date" />}
        />
        <div className="form-actions sticky-actions">
          <PendingButton type="submit" className="button button-primary" isPending={create.isPending}>
            {t("consultations.record.submit")}
          </PendingButton>
          <Link className="button button-quiet" to={back}>
            {t("common.cancel")}
          </Link>
          <span className="small muted shortcut-hint">{t("consultations.form.shortcut")}</span>
        </div>
      </QuickForm>
    </div>
  );
}

/**
 * The alert above the form: the first-consultation rule in words with a link to the consultation
 * in the way, or the general message with the server's messages for fields the form lacks.
 */
function FormProblems({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const period = periodProblem(error);
  // The rule's other violations are told on their field (kind or date), with a link there.
  if (period?.code === "first_consultation_exists") {
    const date = period.existingDate ? formatDate(period.existingDate, i18n.language) : "";
    return (
      <div role="alert" className="alert alert-error">
        <p>{t("consultations.period.first_consultation_exists", { date })}</p>
        {period.existingId && (
          <p>
            <Link to={`/staff/consultations/${period.existingId}`}>{t("consultations.period.openFirst", { date })}</Link>
          </p>
        )}
      </div>
    );
  }
  const other =
    error instanceof ApiError ? (error.problem.errors ?? []).filter((e) => !consultationFormFields.has(e.field.split(".")[0]!)) : [];
  const detail = error instanceof ApiError && !error.problem.errors?.length ? error.problem.detail : undefined;
  return (
    <ErrorAlert error={error}>
      {detail && <p>{detail}</p>}
      {other.length > 0 && (
        <ul className="plain-list">
          {other.map((e) => (
            <li key={`${e.field}-${e.code}`}>{e.message}</li>
          ))}
        </ul>
      )}
    </ErrorAlert>
  );
}

/** Next to a field the rule complained about: the consultation it is about. */
function ExistingLink({ error, field }: { error: unknown; field: string }) {
  const { t, i18n } = useTranslation();
  const period = periodProblem(error);
  if (!period?.existingId || period.field !== field) return null;
  const date = period.existingDate ? formatDate(period.existingDate, i18n.language) : "";
  return (
    <p className="small">
      <Link to={`/staff/consultations/${period.existingId}`}>{t("consultations.period.openOther", { date })}</Link>
    </p>
  );
}

/** /staff/consultations/:id/edit — optimistic locking: the version we loaded goes with the change. */
export function ConsultationEditPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  usePageTitle(t("consultations.edit.title"));
  const consultation = useConsultation(id);
  const [loads, setLoads] = useState(0);
  if (consultation.isPending) return <Loading />;
  if (consultation.error) {
    return (
      <LoadFailed
        title={t("consultations.edit.title")}
        error={consultation.error}
        backTo="/staff/clients"
        backLabel={t("clients.backToSearch")}
      />
    );
  }
  if (!consultation.data.abilities.update) {
    return (
      <>
        <h1>{t("consultations.edit.title")}</h1>
        <div className="alert alert-warning">
          <p>{t("consultations.edit.notAllowed")}</p>
        </div>
        <Link to={`/staff/consultations/${id}`}>{t("consultations.backToConsultation")}</Link>
      </>
    );
  }
  return (
    <EditForm
      key={loads}
      loaded={consultation.data}
      reload={async () => {
        await consultation.refetch();
        setLoads((n) => n + 1);
      }}
    />
  );
}

function EditForm({ loaded, reload }: { loaded: Consultation; reload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [consultation] = useState(loaded);
  const update = useUpdateConsultation(consultation.id);
  const [state, setState] = useState<ConsultationFormState>(() => stateFromConsultation(consultation));
  const [kind, setKind] = useState<ConsultationKind>(consultation.kind);
  const fieldOfAction = useFieldOfAction(state.unitId);
  const initialFieldOfAction = useFieldOfAction(consultation.unitId);
  const conflict = update.error instanceof ApiError && update.error.code === "conflict";
  const back = `/staff/consultations/${consultation.id}`;
  const fieldError = fieldErrorOf(update.error);

  return (
    <div className="narrow">
      <p>
        <Link to={back}>{t("consultations.backToConsultation")}</Link>
      </p>
      <h1>{t("consultations.edit.title")}</h1>
      {conflict ? (
        <div role="alert" className="alert alert-warning">
          <p>{t("consultations.edit.conflict")}</p>
          <Button className="button button-secondary" onPress={() => void reload()}>
            {t("consultations.edit.reload")}
          </Button>
        </div>
      ) : (
        <FormProblems error={update.error} />
      )}
      <QuickForm
        focusFirst
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const before = { kind: consultation.kind, ...bodyFrom(stateFromConsultation(consultation), initialFieldOfAction) };
          const changes = changedFields<Record<string, unknown>>(before, { kind, ...bodyFrom(state, fieldOfAction) });
          if (Object.keys(changes).length === 0) {
            void navigate(back);
            return;
          }
          update.mutate(
            { version: consultation.version, ...changes },
            { onSuccess: () => void navigate(back, { state: { saved: true } }) },
          );
        }}
      >
        <ConsultationFields
          state={state}
          onChange={setState}
          error={update.error}
          fieldOfAction={fieldOfAction}
          dateExtra={<ExistingLink error={update.error} field="date" />}
          kindField={
            <div className="field-stack">
              <SelectInput
                label={t("consultations.fields.kind")}
                options={consultationKinds.map((k) => ({ id: k, label: t(`consultations.codes.kinds.${k}`) }))}
                selectedKey={kind}
                onSelectionChange={(k) => k && setKind(k as ConsultationKind)}
                errorMessage={fieldError("kind")}
              />
              <ExistingLink error={update.error} field="kind" />
            </div>
          }
        />
        <div className="form-actions sticky-actions">
          <PendingButton type="submit" className="button button-primary" isPending={update.isPending}>
            {t("common.save")}
          </PendingButton>
          <Link className="button button-quiet" to={back}>
            {t("common.cancel")}
          </Link>
          <span className="small muted shortcut-hint">{t("consultations.form.shortcut")}</span>
        </div>
      </QuickForm>
    </div>
  );
}
